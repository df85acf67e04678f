import DevlinkModel

/// Bonds (rtnetlink), planned after the devices: a bond's slaves are the PF uplinks whose eswitch
/// the device steps set up first. Options that differ go in one `lag set`; slaves not listed are
/// released, missing ones enslaved in list order; with prune, bonds not listed are deleted.
enum BondPlanner {
    static func plan(_ wanted: [BondDocument], current: [Bond]?, prune: Bool) throws(PlanError) -> [PlanStep] {
        guard let current else {
            throw PlanError(path: "$.bonds", message: "this session has no network interfaces to manage bonds on")
        }
        var steps: [PlanStep] = []
        func add(_ op: PlanStep.Op, _ command: String, _ action: StepAction, _ change: String? = nil) {
            steps.append(PlanStep(op: op, command: command, change: change, action: action, wait: nil))
        }
        // mlx5's bond work activates the LAG after the last slave joins (mlx5_do_bond, queued by the
        // netdev events): the step that completes the slave list waits for it.
        func waitForLag(_ bond: String) {
            guard let last = steps.indices.last, case .enslave = steps[last].action else { return }
            steps[last].wait = .lag(bond: bond)
        }
        if prune {
            for bond in current where !wanted.contains(where: { $0.name == bond.name }) {
                add(.delete, "lag del \(bond.name)", .deleteBond(bond.name))
            }
        }
        for bond in wanted {
            guard let old = current.first(where: { $0.name == bond.name }) else {
                add(.create, (["lag add \(bond.name)"] + words(bond.config)).joined(separator: " "),
                    .createBond(bond.name, bond.config))
                for slave in bond.slaves ?? [] {
                    add(.create, "lag slave add \(bond.name) \(slave)", .enslave(slave: slave, bond: bond.name))
                }
                waitForLag(bond.name)
                continue
            }
            var config = BondConfig()
            var notes: [String] = []
            func differ<T: Equatable & CustomStringConvertible>(_ name: String, _ new: T?, _ current: T?) -> T? {
                guard let new, new != current else { return nil }
                notes.append("\(name) \(current.map(\.description) ?? "none") → \(new)")
                return new
            }
            config.mode = differ("mode", bond.config.mode, old.mode)
            config.miimon = differ("miimon", bond.config.miimon, old.miimon)
            config.updelay = differ("updelay", bond.config.updelay, old.updelay)
            config.downdelay = differ("downdelay", bond.config.downdelay, old.downdelay)
            config.xmitHashPolicy = differ("xmit_hash_policy", bond.config.xmitHashPolicy, old.xmitHashPolicy)
            config.lacpRate = differ("lacp_rate", bond.config.lacpRate, old.lacpRate)
            config.minLinks = differ("min_links", bond.config.minLinks, old.minLinks)
            if !config.isEmpty {
                add(.change, (["lag set \(bond.name)"] + words(config)).joined(separator: " "),
                    .changeBond(bond.name, config), notes.joined(separator: ", "))
            }
            guard let slaves = bond.slaves else { continue }
            let present = old.slaves.map(\.name)
            for slave in present where !slaves.contains(slave) {
                add(.delete, "lag slave del \(slave)", .release(slave: slave))
            }
            for slave in slaves where !present.contains(slave) {
                add(.create, "lag slave add \(bond.name) \(slave)", .enslave(slave: slave, bond: bond.name))
            }
            waitForLag(bond.name)
        }
        return steps
    }

    /// `lag add`'s option words, in IFLA_BOND_* order.
    static func words(_ config: BondConfig) -> [String] {
        var words: [String] = []
        if let mode = config.mode { words.append("mode \(mode.name)") }
        if let miimon = config.miimon { words.append("miimon \(miimon)") }
        if let updelay = config.updelay { words.append("updelay \(updelay)") }
        if let downdelay = config.downdelay { words.append("downdelay \(downdelay)") }
        if let policy = config.xmitHashPolicy { words.append("xmit_hash_policy \(policy.name)") }
        if let minLinks = config.minLinks { words.append("min_links \(minLinks)") }
        if let rate = config.lacpRate { words.append("lacp_rate \(rate.name)") }
        return words
    }
}

import DevlinkModel

/// The bonding driver's timers, run on the emulator's clock (DriverTimeline.swift): the MII monitor
/// (every `miimon` ms) and the 802.3ad state machine. Both run only while the bond is up (bond_open
/// queues them).
///
/// Modelling choices: updelay/downdelay are collapsed (a link goes UP→DOWN and DOWN→UP at the first
/// tick that sees the carrier change); the 802.3ad partner always agrees, so a slave whose link is up
/// joins the aggregator and starts distributing at the same tick (lag.md §6: the exact enable path is
/// UNVERIFIED).
extension EmulatorState {
    /// One tick of a bond's timers; returns whether any slave changed.
    mutating func runBondTimers(_ name: String) -> Bool {
        guard netdevs[name]?.adminUp == true, let bond = links.bonds[name] else { return false }
        var changed = false
        if bond.miimon > 0 { changed = miiMonitor(name) || changed }
        if bond.mode == .ieee8023ad { changed = lacpEnable(name) || changed }
        updateBondCarrier(name)
        return changed
    }

    /// `bond_miimon_inspect` + `bond_miimon_commit`.
    private mutating func miiMonitor(_ name: String) -> Bool {
        guard var bond = links.bonds[name] else { return false }
        var changed: [String] = []
        var failover = false
        for i in bond.slaves.indices {
            let slave = bond.slaves[i]
            let carrier = netdevs[slave.name]?.carrier ?? false
            if slave.mii != .down, !carrier {
                bond.slaves[i].mii = .down
                bond.slaves[i].linkFailureCount &+= 1
                if bond.mode.usesBackupSlaves { bond.slaves[i].state = .backup }
                if bond.activeSlave == slave.name { failover = true }
                changed.append(slave.name)
                log(bond: name, "(slave \(slave.name)): link status definitely down, disabling slave")
            } else if slave.mii != .up, carrier {
                bond.slaves[i].mii = .up
                // 802.3ad: up but not yet in the aggregator (bond_set_backup_slave).
                if bond.mode == .ieee8023ad { bond.slaves[i].state = .backup }
                // bond_miimon_commit: a failover when there is no active slave or this is the primary.
                let activePrio = bond.slaves.first { $0.name == bond.activeSlave }?.prio
                if bond.mode == .activeBackup,
                   activePrio == nil || slave.name == bond.primarySlave?.name || slave.prio > activePrio ?? .min {
                    failover = true
                }
                changed.append(slave.name)
                log(bond: name, "(slave \(slave.name)): link status definitely up")
            }
        }
        links.bonds[name] = bond
        for slave in changed { lowerStateChanged(slave) }
        if bond.mode == .activeBackup, failover { selectActiveSlave(name) }
        return !changed.isEmpty
    }

    /// 802.3ad: slaves with link up join the aggregator and distribute; the others stop.
    private mutating func lacpEnable(_ name: String) -> Bool {
        guard var bond = links.bonds[name] else { return false }
        var changed: [String] = []
        for i in bond.slaves.indices {
            let up = bond.slaves[i].mii == .up
            let wanted: BondSlaveState = up ? .active : .backup
            if bond.slaves[i].state != wanted {
                bond.slaves[i].state = wanted
                changed.append(bond.slaves[i].name)
            }
        }
        links.bonds[name] = bond
        for slave in changed { lowerStateChanged(slave) }
        return !changed.isEmpty
    }

    /// active-backup `bond_select_active_slave`: keep the current active slave while its link is up,
    /// else the first slave (enslave order) with link up, else none.
    /// `bond_choose_primary_or_current` (6.12; all ports have the same speed and duplex, so `better` keeps
    /// the current slave): nil when neither is usable.
    static func choosePrimaryOrCurrent(_ bond: inout BondRecord) -> SlaveRecord? {
        let curr = bond.slaves.first { $0.name == bond.activeSlave }
        var prim = bond.primarySlave
        if prim == nil || prim?.mii != .up {
            // The slave with link up and the highest prio (the first of equals), unless it is the current one.
            var hprio: SlaveRecord?
            for s in bond.slaves where s.mii == .up && s.prio > (hprio?.prio ?? .min) { hprio = s }
            guard let hprio, hprio.name != curr?.name else {
                return curr?.mii == .up ? curr : nil
            }
            prim = hprio
        } else if bond.forcePrimary {
            bond.forcePrimary = false
            return prim
        }
        guard let curr, curr.mii == .up else { return prim }
        switch bond.primaryReselect {
        case .always: return prim
        case .better, .failure: return curr
        }
    }

    /// `bond_select_active_slave` → `bond_find_best_slave` (active-backup).
    mutating func selectActiveSlave(_ name: String) {
        guard var bond = links.bonds[name], bond.mode == .activeBackup else { return }
        let best = Self.choosePrimaryOrCurrent(&bond) ?? bond.slaves.first { $0.mii == .up }
        var changed: [String] = []
        for i in bond.slaves.indices {
            let wanted: BondSlaveState = bond.slaves[i].name == best?.name ? .active : .backup
            if bond.slaves[i].state != wanted {
                bond.slaves[i].state = wanted
                changed.append(bond.slaves[i].name)
            }
        }
        let old = bond.activeSlave
        bond.activeSlave = best?.name
        links.bonds[name] = bond
        if old != bond.activeSlave {
            if let new = bond.activeSlave {
                log(bond: name, "(slave \(new)): making interface the new active one")
            } else {
                log(bond: name, "now running without any active interface!")
            }
        }
        for slave in changed { lowerStateChanged(slave) }
    }
}

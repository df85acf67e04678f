import DevlinkModel

/// Pairing the PFs of a card into one LAG at load (lag.md §1.3), the initial RDMA devices, and the
/// read-only views.
extension EmulatorState {
    /// `mlx5_lag_is_supported` (lag.h): vport_group_manager (PFs have it: absent means 1), lag_master and
    /// 2 <= num_lag_ports <= MLX5_MAX_PORTS, which is 8 in 6.12 (include/linux/mlx5/driver.h).
    static let mlx5MaxPorts: UInt64 = 8

    static func lagCapable(_ config: DeviceConfig) -> Bool {
        config.profile == .mlx5 && (config.caps["vport_group_manager"] ?? 1) != 0 && config.cap("lag_master") != 0
            && (2...mlx5MaxPorts).contains(config.cap("num_lag_ports"))
    }

    /// Groups LAG-capable PFs of the same card (same non-zero `system_image_guid` cap, else the same
    /// PCI domain/bus/slot, `mlx5_gen_pci_id`) into one LAG, each at its PCI function's slot.
    /// Modelling choice: only cards whose `num_lag_ports` is 2 get a LAG engine (the 4/8-port hash
    /// bucket layouts are not modelled).
    mutating func setUpLinks() {
        links = LinkState()
        var cards: [String: [(Int, DeviceHandle)]] = [:]
        var order: [String] = []
        for device in devices where Self.lagCapable(device.config) && device.config.cap("num_lag_ports") == 2 {
            guard let pci = PCIAddress(handle: device.handle) else { continue }
            let guid = device.config.cap("system_image_guid")
            let key = guid != 0 ? "guid:\(guid)" : "pci:\(pci.domain):\(pci.bus):\(pci.slot)"
            if cards[key] == nil { order.append(key) }
            cards[key, default: []].append((Int(pci.function), device.handle))
        }
        for key in order {
            guard let functions = cards[key] else { continue }
            var members: [DeviceHandle?] = [nil, nil]
            for (function, handle) in functions where function < 2 && members[function] == nil { members[function] = handle }
            links.lags.append(LagRecord(members: members,
                                        tracker: LagTracker(netdevState: [LowerState(), LowerState()]),
                                        v2p: [1, 2]))
        }
        for device in devices where device.profile == .mlx5 && device.config.cap("roce") != 0 {
            links.rdma.add(prefix: "mlx5_", parent: device.handle)
        }
    }

    // MARK: views

    func lagIndex(of device: DeviceHandle) -> Int? {
        links.lags.firstIndex { $0.members.contains(device) }
    }

    func hardwareLag(_ l: Int) -> HardwareLag {
        let lag = links.lags[l]
        let members = lag.members.compactMap { $0 }
        let bond = bondHolding(l)
        var view = HardwareLag(devices: members, mode: lag.mode, flags: lag.flags, portSelectMode: lag.portSelectMode,
                               map: lag.mode == .none ? lag.nativeMap : lag.v2p,
                               rdmaDevices: members.flatMap { links.rdma.names(of: $0) }, bond: bond)
        if lag.mode == .none, let bond { view.reason = inactiveReason(l, bond: bond) }
        return view
    }

    /// The bond that has one of this LAG's uplinks as slave (the first member's bond wins).
    func bondHolding(_ l: Int) -> String? {
        for member in links.lags[l].members {
            guard let member else { continue }
            if let uplink = netdevs.byName.values.first(where: { $0.kind == .uplink && $0.port?.device == member }),
               let master = uplink.master { return master }
        }
        return nil
    }

    /// Why the PFs in `bond` are not in hardware LAG, in the order the driver checks.
    func inactiveReason(_ l: Int, bond name: String) -> String {
        guard let bond = links.bonds[name] else { return "no bond" }
        let lag = links.lags[l]
        let ours = bond.slaves.filter { lagSlot(ofNetdev: $0.name)?.lag == l }.map(\.name)
        let foreign = bond.slaves.map(\.name).filter { !ours.contains($0) }
        if !foreign.isEmpty {
            return "\(name) has slaves that are not ports of this card (\(foreign.joined(separator: ", "))): "
                + "LAG offload needs exactly the card's ports"
        }
        if ours.count < lag.ports {
            return "\(name) holds \(ours.joined(separator: ", ")) only: every port of the card must be enslaved"
        }
        let tx = bond.mode.lagTxType
        if tx != .activeBackup, tx != .hash {
            return "bond mode \(bond.mode.name) (tx type \(tx.name)) is not offloaded: "
                + "needs active-backup, balance-xor or 802.3ad"
        }
        if let problem = lagPrerequisiteProblem(l) { return problem }
        if let failure = lag.lastFailure { return failure }
        if links.queuedLagWork.contains(l) { return "bond work pending (settle)" }
        if lag.tracker.isBonded {
            // E.g. SR-IOV disabled in legacy mode: mlx5_eswitch_disable_sriov queues no bond work (6.12).
            return "prerequisites met since the last bond work; the driver re-checks on the next bond, link "
                + "or eswitch event"
        }
        return "inactive"
    }

    func bondView(_ name: String) -> Bond? {
        guard let bond = links.bonds[name], let netdev = netdevs[name] else { return nil }
        let lag = links.lags.indices.first { bondHolding($0) == name }.map(hardwareLag)
        return bond.view(ifindex: netdev.ifindex, netdev: netdev, slaveIndex: { netdevs[$0]?.ifindex ?? 0 }, lag: lag)
    }
}

import DevlinkModel

/// Bonds and hardware LAG on the emulator. Link requests take effect at once (and fire the mlx5
/// notifier synchronously); the driver's bond work and the bonding timers run in `settle()`.
extension EmulatedSession: LinkSession {
    public var linkSession: LinkSession? { self }

    public func interfaces() throws -> [NetInterface] {
        state.netdevs.sortedByIndex.map { netdev in
            let kind: NetInterface.Kind
            switch netdev.kind {
            case .uplink: kind = .uplink
            case .representor: kind = .representor
            case .bond: kind = .bond
            }
            return NetInterface(name: netdev.name, ifindex: netdev.ifindex, kind: kind, adminUp: netdev.adminUp,
                                carrier: netdev.carrier, master: netdev.master)
        }
    }

    public func bonds() throws -> [Bond] {
        state.netdevs.sortedByIndex.filter { $0.kind == .bond }.compactMap { state.bondView($0.name) }
    }

    public func bond(named name: String) throws -> Bond {
        _ = try state.netdevOrThrow(name)
        guard let bond = state.bondView(name) else { throw DevlinkError(.EINVAL, "\(name) is not a bond") }
        return bond
    }

    public func createBond(name: String, config: BondConfig) throws {
        try mutateLinks { (s) throws(DevlinkError) in try s.createBond(name: name, config: config) }
    }

    public func changeBond(name: String, config: BondConfig) throws {
        try mutateLinks { (s) throws(DevlinkError) in try s.changeBond(name: name, config: config) }
    }

    public func deleteLink(named name: String) throws {
        try mutateLinks { (s) throws(DevlinkError) in try s.deleteLink(named: name) }
    }

    @discardableResult
    public func enslave(_ slave: String, to bond: String) throws -> String? {
        try mutateLinks { (s) throws(DevlinkError) in try s.enslave(slave, to: bond) }
    }

    public func release(_ slave: String) throws {
        try mutateLinks { (s) throws(DevlinkError) in try s.release(slave) }
    }

    public func setLink(_ name: String, up: Bool) throws {
        try mutateLinks { (s) throws(DevlinkError) in try s.setLink(name, up: up) }
    }

    public func hardwareLag(_ device: DeviceHandle) throws -> HardwareLag? {
        _ = try state.deviceIndexOrThrow(device)
        return state.lagIndex(of: device).map(state.hardwareLag)
    }

    public func firmwareLog(_ device: DeviceHandle) throws -> [FirmwareCommand] {
        _ = try state.deviceIndexOrThrow(device)
        return state.links.firmwareLogs[device] ?? []
    }

    // MARK: emulator only

    /// Pulls (`plugged: false`) or plugs a netdev's cable: carrier follows when the netdev is up; a bond
    /// with miimon notices in `settle()`.
    public func setCable(_ name: String, plugged: Bool) throws {
        try mutateLinks { (s) throws(DevlinkError) in try s.setCable(name, plugged: plugged) }
    }

    /// Arms a one-shot firmware failure for the next command with `opcode` (on `device`, or any).
    public func injectFirmwareFault(_ opcode: FirmwareOpcode, status: FirmwareStatus, syndrome: UInt32,
                                    device: DeviceHandle? = nil) {
        let fault = FirmwareFault(opcode: opcode, status: status, syndrome: syndrome, device: device)
        mutateState { $0.links.firmwareFaults.append(fault) }
    }

    /// QUERY_LAG on `device`, as a DEVX user (UCX, rdma-core) issues it; logged like any command.
    /// A failed status is the driver's errno.
    public func queryLag(_ device: DeviceHandle) throws -> LagContext {
        _ = try state.deviceIndexOrThrow(device)
        guard let l = state.lagIndex(of: device) else { throw DevlinkError(.EOPNOTSUPP) }
        let entry = mutateState { $0.issueFirmware(.queryLag, on: device, lag: l) }
        if let errno = entry.status.errno { throw DevlinkError(errno) }
        return entry.context ?? LagContext()
    }

    /// bonding and mlx5 driver log lines (dmesg), oldest first.
    public var kernelLog: [String] { state.links.kernelLog }

    /// RDMA devices (`rdma dev`), in registration order, with their parent devlink device.
    public var rdmaDevices: [(name: String, device: DeviceHandle)] {
        state.links.rdma.devices.map { ($0.name, $0.parent) }
    }
}

import DevlinkModel

/// Bonds and hardware LAG on the emulator. Link requests take effect at once (and fire the mlx5
/// notifier synchronously); the driver's bond work and the bonding timers run in `settle()`.
extension EmulatedSession: LinkSession {
    /// The link operations, added to `EmulatedSession.handlers`.
    static func linkHandlers(_ table: consuming OperationHandlers<EmulatedSession>) -> OperationHandlers<EmulatedSession> {
        table
            .on(ListInterfaces.self) { s, _ in s.interfaceList() }
            .on(ListBonds.self) { s, _ in
                s.state.netdevs.sortedByIndex.filter { $0.kind == .bond }.compactMap { s.state.bondView($0.name) }
            }
            .on(GetBond.self) { s, op in
                _ = try s.state.netdevOrThrow(op.handle)
                guard let bond = s.state.bondView(op.handle) else { throw DevlinkError(.EINVAL, "\(op.handle) is not a bond") }
                return bond
            }
            .on(CreateBond.self) { s, op in
                try s.mutateLinks { (st) throws(DevlinkError) in try st.createBond(name: op.handle, config: op.changes) }
            }
            .on(ChangeBond.self) { s, op in
                try s.mutateLinks { (st) throws(DevlinkError) in try st.changeBond(name: op.handle, config: op.changes) }
            }
            .on(DeleteLink.self) { s, op in try s.mutateLinks { (st) throws(DevlinkError) in try st.deleteLink(named: op.handle) } }
            .on(Enslave.self) { s, op in try s.mutateLinks { (st) throws(DevlinkError) in try st.enslave(op.handle, to: op.changes) } }
            .on(Release.self) { s, op in try s.mutateLinks { (st) throws(DevlinkError) in try st.release(op.handle) } }
            .on(SetBondSlavePrio.self) { s, op in
                try s.mutateLinks { (st) throws(DevlinkError) in try st.setBondSlavePrio(op.handle, prio: op.changes) }
            }
            .on(SetLinkUp.self) { s, op in try s.mutateLinks { (st) throws(DevlinkError) in try st.setLink(op.handle, up: op.changes) } }
            .on(GetHardwareLag.self) { s, op in
                _ = try s.state.deviceIndexOrThrow(op.device)
                return s.state.lagIndex(of: op.device).map(s.state.hardwareLag)
            }
            .on(ListRoutes.self) { s, _ in s.state.routeList() }
            .on(AddRoute.self) { s, op in
                try s.mutateLinks { (st) throws(DevlinkError) in try st.addRoute(op.route, replace: op.replace) }
            }
            .on(DeleteRoute.self) { s, op in try s.mutateLinks { (st) throws(DevlinkError) in try st.deleteRoute(op.handle) } }
            .on(GetFirmwareLog.self) { s, op in
                _ = try s.state.deviceIndexOrThrow(op.device)
                return s.state.links.firmwareLogs[op.device] ?? []
            }
    }

    private func interfaceList() -> [NetInterface] {
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

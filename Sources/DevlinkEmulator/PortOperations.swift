import DevlinkModel

/// PORT_NEW / PORT_DEL / PORT_SET type / PORT_SPLIT / PORT_UNSPLIT: core checks, then the driver's.
extension EmulatorState {
    mutating func addPort(_ request: PortAddRequest) throws(DevlinkError) -> Port {
        let d = try deviceIndexOrThrow(request.device)
        // Core: only drivers with port_new (mlx5) can add ports.
        guard devices[d].profile == .mlx5 else { throw DevlinkError(.EOPNOTSUPP) }
        guard let flavour = request.flavour, let pfnum = request.pfnum else {
            throw DevlinkError(.EINVAL, "Port flavour or PCI PF are not specified")
        }
        // Read in place: a copy of the device would share its tables, and the first change to one of
        // them below would then copy that table whole.
        func fail(_ errno: Errno, _ text: String) -> DevlinkError { DevlinkError(errno, devices[d].driverMessage(text)) }
        // mlx5_devlink_sf_port_new (sf/devlink.c): mlx5_sf_new_check_attr first, then the SF table and
        // the eswitch mode, then mlx5_sf_alloc.
        guard flavour == .pcisf else { throw fail(.EOPNOTSUPP, "Driver supports only SF port addition") }
        guard request.portIndex == nil else {
            throw fail(.EOPNOTSUPP, "Driver does not support user defined port index assignment")
        }
        guard let sfnum = request.sfnum else {
            throw fail(.EOPNOTSUPP, "User must provide unique sfnum. Driver does not support auto assignment")
        }
        let controller = request.controller ?? 0
        if controller != 0, !devices[d].config.isECPF { throw fail(.EOPNOTSUPP, "External controller is unsupported") }
        guard pfnum == devices[d].config.pfnum else { throw fail(.EOPNOTSUPP, "Invalid pfnum supplied") }
        guard devices[d].config.sfSupported else { throw fail(.EOPNOTSUPP, "SF ports are not supported.") }
        guard devices[d].eswitchMode == .switchdev else {
            throw fail(.EOPNOTSUPP, "SF ports are only supported in eswitch switchdev mode.")
        }
        if controller != 0, !devices[d].config.externalControllers.contains(controller) {
            throw fail(.EINVAL, "Invalid controller number")
        }
        let key = DeviceState.SFKey(controller: controller, sfnum: sfnum)
        guard devices[d].sfNumbers[key] == nil else { throw fail(.EEXIST, "SF already exist. Choose different sfnum") }
        // Hardware SF table full: ENOSPC without extack (mlx5_sf_hw_table_id_alloc; a taken sfnum is
        // found first, as its loop looks at every slot before giving up).
        let maxSFs = devices[d].config.maxSFs
        var allocator = devices[d].sfIDs[controller] ?? IDAllocator()
        guard let hwID = allocator.allocate(limit: maxSFs) else { throw DevlinkError(.ENOSPC) }
        devices[d].sfIDs[controller] = allocator
        // Modelling choice: external-controller SFs use a second vport range after the local SF table.
        let vport = DeviceConfig.sfVportBase + (controller == 0 ? 0 : maxSFs) + hwID
        let index = devices[d].config.indexPrefix | vport
        devices[d].sfNumbers[key] = index
        let port = Port(handle: PortHandle(device: devices[d].config.handle, index: index), flavour: .pcisf,
                        controller: controller, pfnum: pfnum, sfnum: sfnum,
                        // devlink_port_attrs_pci_sf_set(..., external): mlx5 passes !!controller.
                        external: controller != 0, splittable: false,
                        function: initialFunction(devices[d].config, flavour: .pcisf))
        let name = uniqueName(devices[d].config.udevBase.map { base in
            controller == 0 ? String(decimalName: (base, nil), ("pf", UInt32(pfnum)), ("sf", sfnum))
                : String(decimalName: (base, nil), ("c", controller), ("pf", UInt32(pfnum)), ("sf", sfnum))
        })
        var record = PortRecord(port: port, role: .sf(controller: controller, sfnum: sfnum, hwID: hwID),
                                sequence: nextSequence(d))
        record.sfState = .allocated
        return register(device: d, record: record, netdev: name, kind: .representor, withLeaf: true)
    }

    mutating func deletePort(_ handle: PortHandle) throws(DevlinkError) {
        let (d, record) = try record(handle)
        // devlink_nl_port_del_doit: only SF ports have port_del (mlx5_esw_dl_sf_port_ops). SF ports
        // exist only in switchdev (leaving it deletes them), and 6.12's mlx5_devlink_sf_port_del has no
        // mode check: it accepts deletion in any function state (the release may wait, see unregister).
        guard devices[d].profile == .mlx5, record.isSF else { throw DevlinkError(.EOPNOTSUPP) }
        unregister(device: d, index: handle.index, deferRelease: true)
    }

    mutating func setPortType(_ handle: PortHandle, _ type: PortType) throws(DevlinkError) {
        _ = try record(handle)   // an unknown port is ENODEV first (devlink_port_get_from_info)
        // devlink_port_type_set checks for the driver op before comparing the type, so the same
        // type is EOPNOTSUPP too; neither mlx5 nor netdevsim implements port_type_set.
        throw DevlinkError(.EOPNOTSUPP)
    }

    mutating func splitPort(_ handle: PortHandle, count: UInt32) throws(DevlinkError) {
        let (d, record) = try record(handle)
        guard record.hasSplitOps else { throw DevlinkError(.EOPNOTSUPP) }
        let port = record.port
        guard port.splittable else {
            throw DevlinkError(.EINVAL, port.splitGroup != nil ? "Port cannot be split further" : "Port cannot be split")
        }
        let lanes = port.lanes ?? 0
        guard count >= 2, count & (count - 1) == 0, count <= lanes else {
            throw DevlinkError(.EINVAL, "Invalid split count")
        }
        // Modelling choice (split-capable drivers pick their own indexes): subport 0 keeps the index, the
        // others take the next free indexes above it.
        var indexes: [UInt32] = [handle.index]
        var candidate = handle.index
        while indexes.count < count {
            guard candidate < UInt32.max else { throw DevlinkError(.ENOSPC) }
            candidate += 1
            if devices[d].ports[candidate] == nil { indexes.append(candidate) }
        }
        let spec = PhysicalPortSpec(index: handle.index, portNumber: port.portNumber, netdev: port.netdev,
                                    lanes: port.lanes, splittable: true)
        unregister(device: d, index: handle.index)
        for (subport, index) in indexes.enumerated() {
            registerPhysicalPort(device: d, index: index, spec: spec, position: 0,
                                 split: (group: port.portNumber ?? 0, subport: UInt32(subport),
                                         lanes: lanes / count))
        }
    }

    mutating func unsplitPort(_ handle: PortHandle) throws(DevlinkError) {
        let (d, record) = try record(handle)
        guard record.hasSplitOps else { throw DevlinkError(.EOPNOTSUPP) }
        guard let group = record.port.splitGroup, let original = record.splitFrom else {
            throw DevlinkError(.EINVAL, "Port was not split")   // mlxsw's message for this case
        }
        let members = devices[d].ports.values
            .filter { $0.port.splitGroup == group && $0.splitFrom == original }
            .sorted { $0.port.index > $1.port.index }
        for member in members { unregister(device: d, index: member.port.index) }
        let index = original.index ?? handle.index
        registerPhysicalPort(device: d, index: index, spec: original, position: 0, split: nil)
    }
}

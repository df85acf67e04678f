import DevlinkModel

/// What makes a devlink instance an SF's own (`auxiliary/mlx5_core.sf.N`): the SF port it belongs to,
/// its auxiliary ids, and which auxiliary functions (eth, rdma, vnet) its driver loaded.
struct SFAuxDevice: Equatable, Sendable, Codable {
    /// The eswitch manager's SF port this device was created for, kept as plain values so the state
    /// stays Codable (`parent` puts them together).
    var parentBus: String
    var parentName: String
    var parentIndex: UInt32
    var sfnum: UInt32
    /// `auxiliary/mlx5_core.sf.<auxID>`: mlx5_adev_idx_alloc in mlx5_sf_dev_add.
    var auxID: UInt32
    /// The SF's own mlx5_core_dev takes another index from the same allocator (mlx5_mdev_init).
    var mdevID: UInt32
    /// Probed light (mlx5_init_one_light, 6.5+ on the eswitch manager): devlink and params only.
    var light: Bool
    /// The enable_eth value the driver loaded with (driverinit values take effect at probe/reload).
    var ethLoaded: Bool
    /// The netdev name the SF's eth function gets (udev's name, or ethN when it would not fit).
    var netdevName: String?

    /// The SF's devlink port index: mlx5e_devlink_port_register → mlx5_esw_vport_to_devlink_port_index
    /// (vhca_id << 16 | vport 0). The SF's vhca id is the firmware's; modelling choice: the SF's vport
    /// number on the manager (0x8000 + hardware id), which is unique per card.
    var portIndex: UInt32 { (parentIndex & 0xffff) << 16 }

    var parent: PortHandle { PortHandle(device: DeviceHandle(bus: parentBus, name: parentName), index: parentIndex) }
}

extension EmulatorState {
    /// The device index of an SF port's auxiliary devlink instance, if it has one.
    func sfAuxDeviceIndex(of port: PortHandle) -> Int? {
        guard let d = deviceIndex[port.device], let handle = devices[d].ports[port.index]?.sfDevice else { return nil }
        return deviceIndex[handle]
    }

    /// mlx5_sf_dev_add + mlx5_sf_dev_probe, run by the SF attach work: the auxiliary device appears and
    /// the SF driver probes it. On the eswitch manager from 6.5 (e71383fb "net/mlx5: Light probe local
    /// SFs") the probe is light: devlink and its params registered with enable_eth/rdma/vnet false, no
    /// port and no netdev until `dev param set ... enable_eth true` and `dev reload`. Before 6.5 the
    /// SF probes fully (enable_* default true) and its eth port comes up at once.
    /// Only local SFs (controller 0): an external controller's SFs are probed on that host.
    mutating func probeSFDevice(parent d: Int, port: PortHandle) {
        guard let (role, existing) = modifyPort(device: d, port.index, { ($0.role, $0.sfDevice) }),
              case .sf(let controller, let sfnum, _) = role, controller == 0,
              existing.flatMap({ deviceIndex[$0] }) == nil else { return }
        let auxID = auxIDs.allocate(limit: .max) ?? 0
        let mdevID = auxIDs.allocate(limit: .max) ?? 0
        let light = kernel >= KernelGate.mlx5LightProbeSF
        let handle = DeviceHandle(bus: "auxiliary", name: String(decimalName: ("mlx5_core.sf.", auxID)))
        // systemd's predictable name for an SF: the parent function's path name + s<sfnum>.
        let preferred = devices[d].config.udevFunctionBase.map { String(decimalName: ($0, nil), ("s", sfnum)) }
        modifyPort(device: d, port.index) { $0.sfDevice = handle }
        reserveRoomForSFDevices(parent: d)
        deviceIndex[handle] = devices.count
        devices.append(DeviceState(config: sfConfig(parent: d, handle: handle), eswitchMode: .legacy,
                                   params: Self.sfParams(light: light),
                                   healthReporters: Self.sfHealthReporters(light: light)))
        let s = devices.count - 1
        devices[s].sfAux = SFAuxDevice(parentBus: port.device.bus, parentName: port.device.name,
                                       parentIndex: port.index, sfnum: sfnum, auxID: auxID, mdevID: mdevID, light: light,
                                       ethLoaded: !light, netdevName: preferred)
        // devlink_register → devlink_notify_register: the instance, then its params.
        emit(.deviceNew(handle))
        if recordEvents { for param in devices[s].params { emit(.paramNew(param.param(device: handle))) } }
        if !light { loadSFEth(s) }
        loadSFRdma(s)
        // mlx5_sf_peer_devlink_set (6.7+): the SF port's function names this instance, notified as a
        // change of the port.
        if kernel >= KernelGate.mlx5SFNestedDevlink { setNestedDevlink(device: d, port.index, handle) }
    }

    /// SFs attach in bursts (a script activates its SFs one after the other): when the device table
    /// is full, it makes room for an instance per port of the parent at once, rather than growing and
    /// rehashing its index step by step.
    private mutating func reserveRoomForSFDevices(parent d: Int) {
        let room = devices.count + devices[d].ports.count
        if devices.count == devices.capacity { devices.reserveCapacity(room) }
        if deviceIndex.count == deviceIndex.capacity { deviceIndex.reserveCapacity(room) }
    }

    /// An SF instance's configuration: the parent's, with eswitch_manager and sf cleared in its caps
    /// and no VFs or SFs of its own. Configurations never change, so every SF of a parent has the
    /// same: one made for the previous SF of the same parent is taken over (its caps shared
    /// copy-on-write) rather than built and hashed again.
    private func sfConfig(parent d: Int, handle: DeviceHandle) -> DeviceConfig {
        let parent = devices[d].config
        if let sibling = devices.last?.sfAux, sibling.parentName == parent.handle.name,
           sibling.parentBus == parent.handle.bus, var config = devices.last?.config {
            config.handle = handle
            return config
        }
        var caps = parent.caps
        caps["eswitch_manager"] = 0
        caps["sf"] = 0
        return DeviceConfig(
            handle: handle, profile: .mlx5, pfnum: parent.pfnum, indexPrefix: 0, maxVFs: 0,
            sfSupported: false, maxSFs: 0, isECPF: false, externalControllers: [], linkSpeedMbps: parent.linkSpeedMbps,
            caps: caps, serialNumber: nil,
            firmwareVersion: parent.firmwareVersion, udevBase: nil, udevFunctionBase: nil)
    }

    /// mlx5_sf_dev_remove: the driver unloads (port and netdev go), devlink is unregistered, and the
    /// auxiliary ids are freed. (The kernel also notifies each param's deletion, PARAM_DEL, before the
    /// instance's; dls has no param-del event yet, so monitor shows only the device going.)
    mutating func removeSFDevice(of port: PortHandle) {
        // A state saved before ports named their SF device is searched.
        guard let s = sfAuxDeviceIndex(of: port) ?? devices.firstIndex(where: { $0.sfAux?.parent == port }),
              let aux = devices[s].sfAux else { return }
        if let d = deviceIndex[port.device] { modifyPort(device: d, port.index) { $0.sfDevice = nil } }
        unloadSFEth(s)
        links.rdma.remove(parent: devices[s].handle)
        if kernel >= KernelGate.mlx5SFNestedDevlink, let d = deviceIndex[port.device] {
            setNestedDevlink(device: d, port.index, nil)
        }
        let handle = devices[s].handle
        emit(.deviceDel(handle))
        auxIDs.release(aux.mdevID)
        auxIDs.release(aux.auxID)
        devices.remove(at: s)
        deviceIndex[handle] = nil
        for i in s..<devices.count { deviceIndex[devices[i].handle] = i }
    }

    /// mlx5_devlink_reload_down/up for an SF's instance. A light one (mlx5_dev_is_lightweight) has
    /// driver_reinit only (EOPNOTSUPP, no message, otherwise) and comes back fully initialised
    /// (mlx5_init_one_devl_locked) with the auxiliary functions its enable_* values ask for. A fully
    /// probed SF has no firmware reset ("FW activate is unsupported for this function").
    mutating func reloadSFDevice(_ s: Int, action: ReloadAction) throws(DevlinkError) -> [ReloadAction] {
        guard var aux = devices[s].sfAux else { return [action] }
        if action != .driverReinit {
            if aux.light { throw DevlinkError(.EOPNOTSUPP) }
            throw DevlinkError(.EOPNOTSUPP, devices[s].driverMessage("FW activate is unsupported for this function"))
        }
        unloadSFEth(s)
        links.rdma.remove(parent: devices[s].handle)
        // mlx5_devlink_reload_up on a light SF: mlx5_fw_reporters_create before mlx5_init_one_devl_locked.
        if aux.light { devices[s].healthReporters += Self.sfFWReporters }
        aux.light = false
        aux.ethLoaded = Self.driverinitBool(devices[s].params, "enable_eth")
        devices[s].sfAux = aux
        if aux.ethLoaded { loadSFEth(s) }
        loadSFRdma(s)
        return [.driverReinit]
    }

    /// mlx5_ib on the SF's `mlx5_core.rdma.N` auxiliary device, added when enable_rdma is set
    /// (is_ib_enabled; a light probe adds none, mlx5_dev_is_lightweight) and the SF is no eswitch manager
    /// (mlx5_rdma_supported): mlx5_ib_stage_ib_reg_init registers it as "mlx5_%d", which the RDMA core
    /// (alloc_name) turns into the lowest number no RDMA device of that pattern holds.
    private mutating func loadSFRdma(_ s: Int) {
        guard let aux = devices[s].sfAux, !aux.light, Self.driverinitBool(devices[s].params, "enable_rdma") else { return }
        links.rdma.add(prefix: "mlx5_", parent: devices[s].handle)
    }

    /// mlx5e on the SF: its devlink port (flavour virtual) and netdev.
    private mutating func loadSFEth(_ s: Int) {
        guard let aux = devices[s].sfAux else { return }
        let handle = PortHandle(device: devices[s].handle, index: aux.portIndex)
        let port = Port(handle: handle, flavour: .virtual, splittable: false)
        let record = PortRecord(port: port, role: .physical, sequence: nextSequence(s))
        register(device: s, record: record, netdev: uniqueName(aux.netdevName), kind: .uplink, withLeaf: false)
    }

    private mutating func unloadSFEth(_ s: Int) {
        for index in devices[s].ports.keys.sorted(by: >) { unregister(device: s, index: index) }
    }

    private mutating func setNestedDevlink(device d: Int, _ index: UInt32, _ handle: DeviceHandle?) {
        guard let i = devices[d].ports.index(forKey: index) else { return }
        devices[d].ports.values[i].port.function?.nestedDevlink = handle
        if recordEvents { emit(.portNew(devices[d].ports.values[i].port)) }
    }

    static func driverinitBool(_ params: [ParamRecord], _ name: String) -> Bool {
        if case .bool(let b)? = params.first(where: { $0.name == name })?.values[.driverinit] { return b }
        return false
    }

    /// The SF instance's params in the kernel's dump order (the params xarray, by param id: generic ids
    /// first, then mlx5's own): mlx5_devlink_params_register and mlx5_devlink_auxdev_params_register
    /// (enable_* = !mlx5_dev_is_lightweight), enable_roce = roce cap && !lightweight, the EQ depths at
    /// their defaults (MLX5_COMP_EQ_SIZE 1024, MLX5_NUM_ASYNC_EQE 4096).
    static func sfParams(light: Bool) -> [ParamRecord] { light ? lightSFParams : fullSFParams }

    private static let lightSFParams = makeSFParams(light: true)
    private static let fullSFParams = makeSFParams(light: false)

    private static func makeSFParams(light: Bool) -> [ParamRecord] {
        [
            ParamRecord(name: "enable_roce", generic: true, type: .bool, values: [.driverinit: .bool(!light)]),
            ParamRecord(name: "enable_eth", generic: true, type: .bool, values: [.driverinit: .bool(!light)]),
            ParamRecord(name: "enable_rdma", generic: true, type: .bool, values: [.driverinit: .bool(!light)]),
            ParamRecord(name: "enable_vnet", generic: true, type: .bool, values: [.driverinit: .bool(!light)]),
            ParamRecord(name: "io_eq_size", generic: true, type: .u32, values: [.driverinit: .u32(1024)]),
            ParamRecord(name: "event_eq_size", generic: true, type: .u32, values: [.driverinit: .u32(4096)]),
        ]
    }
}

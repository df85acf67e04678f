import DevlinkModel

/// The whole emulated world as one value: devices, netdevs, pending driver work and undrained events.
/// Copying it is a snapshot (copy-on-write storage makes that cheap); assigning it back restores exactly.
public struct EmulatorState: Equatable, Sendable, Codable {
    var devices: [DeviceState] = []
    var deviceIndex: [DeviceHandle: Int] = [:]
    public internal(set) var netdevs = NetdevTable()
    var naming: NetdevNaming
    /// The modeled kernel: version-gated rules (KernelGate) follow it.
    public internal(set) var kernel: KernelVersion
    /// Asynchronous driver work not yet done (see `EmulatedSession.settle()`).
    var pending = PendingQueue()
    /// How far the emulated time has gone, and which bond timers may still change something.
    var clock = ClockState()
    var events: [DevlinkEvent] = []
    var recordEvents = true
    /// Bonds, mlx5 LAG per card, RDMA names, firmware logs (see LinkState.swift).
    var links = LinkState()
    /// mlx5's auxiliary device index allocator (mlx5_adev_idx_alloc): every mlx5 core device takes
    /// one at init, and each SF's auxiliary device one more (SFDevice/SFAuxDevice.swift).
    var auxIDs = IDAllocator()

    /// Builds the initial state of a topology.
    public init(topology: Topology) throws(TopologyError) {
        naming = topology.netdevNaming ?? .udev
        kernel = topology.kernelVersion ?? .default
        guard !topology.devices.isEmpty else { throw TopologyError("no devices") }
        for spec in topology.devices {
            let config = try DeviceConfig(spec: spec, naming: naming)
            guard deviceIndex[config.handle] == nil else {
                throw TopologyError("device \"\(config.handle)\" listed twice")
            }
            let mode: EswitchMode
            switch spec.eswitchMode ?? "legacy" {
            case "legacy": mode = .legacy
            case "switchdev": mode = .switchdev
            case let other:
                throw TopologyError("device \"\(config.handle)\": eswitch_mode \"\(other)\" (expected legacy or switchdev)")
            }
            deviceIndex[config.handle] = devices.count
            devices.append(DeviceState(config: config, eswitchMode: mode, params: Self.defaultParams(config),
                                       resources: Self.defaultResources(config),
                                       healthReporters: Self.defaultHealthReporters(config)))
            if config.profile == .mlx5 { _ = auxIDs.allocate(limit: .max) }
            try registerInitialPorts(device: devices.count - 1, spec: spec)
            let vfs = spec.numVfs ?? 0
            if vfs > config.maxVFs {
                throw TopologyError("device \"\(config.handle)\": num_vfs \(vfs) exceeds max_vfs \(config.maxVFs)")
            }
            if vfs > 0 {
                devices[devices.count - 1].numVFs = vfs
                if mode == .switchdev { createVFPorts(device: devices.count - 1, count: vfs) }
            }
        }
        setUpLinks()
        events = []
    }

    private mutating func registerInitialPorts(device d: Int, spec: DeviceSpec) throws(TopologyError) {
        let config = devices[d].config
        let specs = spec.physicalPorts ?? [PhysicalPortSpec()]
        for (position, portSpec) in specs.enumerated() {
            let index = portSpec.index ?? defaultPhysicalIndex(config, position: position)
            guard devices[d].ports[index] == nil else {
                throw TopologyError("device \"\(config.handle)\": port index \(index) used twice")
            }
            if let name = portSpec.netdev, netdevs.contains(name) {
                throw TopologyError("device \"\(config.handle)\": netdev name \"\(name)\" used twice")
            }
            if portSpec.splittable == true, (portSpec.lanes ?? 0) < 2 {
                throw TopologyError("device \"\(config.handle)\": a splittable port needs lanes >= 2")
            }
            registerPhysicalPort(device: d, index: index, spec: portSpec, position: position, split: nil)
        }
        // Split ops are per driver: when any physical port is splittable, every physical port of the
        // device gets them (so the others answer "Port cannot be split" rather than EOPNOTSUPP).
        if specs.contains(where: { $0.splittable == true }) {
            for (index, record) in devices[d].ports where record.role == .physical {
                devices[d].ports[index]?.hasSplitOps = true
            }
        }
        for controller in config.externalControllers {
            registerHostPFPort(device: d, controller: controller)
        }
    }

    private func defaultPhysicalIndex(_ config: DeviceConfig, position: Int) -> UInt32 {
        switch config.profile {
        // mlx5's uplink vport is 0xffff; further physical ports (topology only) count down from it.
        case .mlx5: return config.indexPrefix | (0xffff - UInt32(min(position, 0x7fff)))
        case .netdevsim: return UInt32(position)
        }
    }

    static func defaultParams(_ config: DeviceConfig) -> [ParamRecord] {
        switch config.profile {
        case .mlx5:
            // enable_roce starts as the `roce` cap (mlx5_devlink_set_params_init_values, 6.12).
            let roce = config.cap("roce") != 0
            return [
                ParamRecord(name: "enable_roce", generic: true, type: .bool, values: [.driverinit: .bool(roce)]),
                ParamRecord(name: "max_macs", generic: true, type: .u32, values: [.driverinit: .u32(128)]),
                ParamRecord(name: "flow_steering_mode", generic: false, type: .string,
                            values: [.runtime: .string("dmfs")]),
                ParamRecord(name: "fdb_large_groups", generic: false, type: .u32, values: [.driverinit: .u32(15)]),
                ParamRecord(name: "esw_port_metadata", generic: false, type: .bool, values: [.runtime: .bool(true)]),
                mpeswParam,
            ]
        case .netdevsim:
            return [
                ParamRecord(name: "max_macs", generic: true, type: .u32, values: [.driverinit: .u32(32)]),
                ParamRecord(name: "test1", generic: false, type: .bool, values: [.driverinit: .bool(true)]),
            ]
        }
    }

    // MARK: lookups

    func deviceIndexOrThrow(_ handle: DeviceHandle) throws(DevlinkError) -> Int {
        guard let d = deviceIndex[handle] else { throw DevlinkError(.ENODEV) }
        return d
    }

    func record(_ handle: PortHandle) throws(DevlinkError) -> (device: Int, record: PortRecord) {
        let d = try deviceIndexOrThrow(handle.device)
        guard let record = devices[d].ports[handle.index] else { throw DevlinkError(.ENODEV) }
        return (d, record)
    }

    mutating func emit(_ event: DevlinkEvent) {
        if recordEvents { events.append(event) }
    }
}

extension EmulatorState {
    /// A device's HCA capabilities (mlx5 profile defaults merged with the topology), or nil if unknown.
    public func deviceCaps(_ handle: DeviceHandle) -> [String: UInt64]? {
        deviceIndex[handle].map { devices[$0].config.caps }
    }

    /// The driver profile of a device, or nil if unknown.
    public func profile(of handle: DeviceHandle) -> DriverProfile? {
        deviceIndex[handle].map { devices[$0].profile }
    }
}

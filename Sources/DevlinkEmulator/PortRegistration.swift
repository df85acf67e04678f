import DevlinkModel

/// Driver-side port registration and removal, with the kernel's notification order:
/// register → PORT_NEW (no netdev yet), leaf create → RATE_NEW, netdev bound → PORT_NEW (type eth);
/// removal: netdev gone → PORT_NEW (type notset), leaf destroy → RATE_DEL, unregister → PORT_DEL.
extension EmulatorState {
    mutating func registerPhysicalPort(device d: Int, index: UInt32, spec: PhysicalPortSpec, position: Int,
                                       split: (group: UInt32, subport: UInt32, lanes: UInt32?)?) {
        let config = devices[d].config
        let portNumber = spec.portNumber ?? (config.profile == .mlx5 ? UInt32(config.pfnum) : UInt32(position) + 1)
        let handle = PortHandle(device: config.handle, index: index)
        var port = Port(handle: handle, flavour: .physical, portNumber: portNumber,
                        splittable: split == nil && spec.splittable == true, lanes: spec.lanes)
        var netdevName = spec.netdev
        if let split {
            port.splitGroup = split.group
            port.splitSubportNumber = split.subport
            port.lanes = split.lanes
            // Split subports get a phys_port_name suffix (`p3s0`, `__devlink_port_phys_port_name_get`
            // in net/devlink/port.c), and the usual udev rules append it to the parent's name: swp3
            // splits into swp3s0 and swp3s1. A parent that kept its kernel name (ethN) had no rule
            // renaming it, so its subports take kernel names too.
            netdevName = spec.netdev.flatMap { $0.isKernelEthName ? nil : "\($0)s\(split.subport)" }
        }
        let name = netdevName ?? uniqueName(config.udevFunctionBase.map { base in
            "\(base)np\(portNumber)" + (split.map { "s\($0.subport)" } ?? "")
        })
        var record = PortRecord(port: port, role: .physical, sequence: nextSequence(d))
        record.hasSplitOps = spec.splittable == true || split != nil
        if split != nil { record.splitFrom = spec }
        register(device: d, record: record, netdev: name, kind: .uplink, withLeaf: false)
    }

    mutating func registerHostPFPort(device d: Int, controller: UInt32) {
        let config = devices[d].config
        // mlx5 host PF vport is 0 (MLX5_VPORT_PF); one external controller is modelled (checked at load).
        let index = config.indexPrefix
        let port = Port(handle: PortHandle(device: config.handle, index: index), flavour: .pcipf,
                        controller: controller, pfnum: config.pfnum, external: true, splittable: false,
                        function: initialFunction(config, flavour: .pcipf))
        let name = uniqueName(config.udevBase.map { "\($0)c\(controller)pf\(config.pfnum)" })
        let record = PortRecord(port: port, role: .hostPF(controller: controller), sequence: nextSequence(d))
        register(device: d, record: record, netdev: name, kind: .representor, withLeaf: true)
    }

    /// VF ports (switchdev only): mlx5 index prefix|(vf+1), netdevsim 128+vf; each with a leaf.
    mutating func createVFPorts(device d: Int, count: UInt32) {
        let config = devices[d].config
        for vf in 0..<count {
            let vfnum = UInt16(truncatingIfNeeded: vf)
            let index: UInt32
            var function: PortFunction?
            switch config.profile {
            case .mlx5:
                index = config.indexPrefix | (vf + 1)
                function = initialFunction(config, flavour: .pcivf)
            case .netdevsim:
                index = 128 + vf
                function = nil
            }
            let port = Port(handle: PortHandle(device: config.handle, index: index), flavour: .pcivf, controller: 0,
                            pfnum: config.pfnum, vfnum: vfnum, external: false, splittable: false,
                            function: function)
            let name = uniqueName(config.udevBase.map { "\($0)pf\(config.pfnum)vf\(vf)" })
            let record = PortRecord(port: port, role: .vf(vf: vfnum), sequence: nextSequence(d))
            register(device: d, record: record, netdev: name, kind: .representor, withLeaf: true)
        }
    }

    /// Removes all VF ports, highest VF first (drivers tear down in reverse).
    mutating func removeVFPorts(device d: Int) {
        let vfPorts = devices[d].ports.values.filter(\.isVF).sorted { $0.port.index > $1.port.index }
        for record in vfPorts { unregister(device: d, index: record.port.index) }
    }

    /// Removes all SF ports (mlx5 on leaving switchdev), freeing their sfnums.
    /// Leaving switchdev tears the SF table down: every SF goes, and so do sfnums still held by SFs
    /// deleted before (modelling choice: freed with the table).
    mutating func removeSFPorts(device d: Int) {
        let sfPorts = devices[d].ports.values.filter(\.isSF).sorted { $0.port.index > $1.port.index }
        for record in sfPorts { unregister(device: d, index: record.port.index) }
        let handle = devices[d].handle
        for item in pending where item.port.device == handle {
            if case .sfRelease(let controller, let sfnum, let hwID) = item.kind {
                removeSFDevice(of: item.port)
                releaseSF(device: d, controller: controller, sfnum: sfnum, hwID: hwID)
            }
        }
        pending.removeAll { $0.port.device == handle }
    }

    mutating func releaseSF(device d: Int, controller: UInt32, sfnum: UInt32, hwID: UInt32) {
        devices[d].sfNumbers[DeviceState.SFKey(controller: controller, sfnum: sfnum)] = nil
        devices[d].sfIDs[controller, default: IDAllocator()].release(hwID)
    }

    func defaultMaxIOEQs(_ config: DeviceConfig) -> UInt32? {
        // Before 6.10 devlink has no DEVLINK_PORT_FN_ATTR_MAX_IO_EQS (5af3e3876d56), so a port
        // dump carries none (nil, as the netlink decoder reads it).
        guard kernel >= DevlinkFeature.maxIOEQs.since else { return nil }
        // mlx5 reports the function's HCA max_num_eqs minus 4 control EQs; a device without
        // max_num_eqs_24b (cap 0) answers EOPNOTSUPP and the attribute is left out.
        let eqs = config.cap("max_num_eqs")
        guard eqs != 0 else { return nil }
        return eqs > 4 ? UInt32(clamping: eqs - 4) : 0
    }

    mutating func nextSequence(_ d: Int) -> UInt64 {
        devices[d].nextPortSequence += 1
        return devices[d].nextPortSequence
    }

    /// The preferred udev-style name if free and short enough, else the lowest free ethN: udev never
    /// renames to a name over IFNAMSIZ - 1 (15) bytes (dev_valid_name), so the kernel's name stays.
    func uniqueName(_ preferred: String?) -> String {
        if let preferred, preferred.utf8.count <= 15, !netdevs.contains(preferred) { return preferred }
        return netdevs.nextEthName()
    }

    /// Registers a port and its netdev; returns the port as registered. The record goes into the table
    /// once, complete: nothing on the way reads the table, and what the events show in between is
    /// made only when they are recorded.
    @discardableResult
    mutating func register(device d: Int, record: PortRecord, netdev name: String, kind: Netdev.Kind,
                           withLeaf: Bool) -> Port {
        var record = record
        let handle = record.port.handle
        // mlx5 creates the leaf before the representor netdev; netdevsim after it, and 6.12's core
        // notifies the netdev twice (NETDEV_POST_INIT: type eth without a name, then NETDEV_REGISTER).
        let netdevsim = devices[d].profile == .netdevsim
        if recordEvents { emit(.portNew(record.port)) }
        if withLeaf && !netdevsim { addLeaf(device: d, handle) }
        if netdevsim, recordEvents {
            var early = record.port
            early.type = .eth
            emit(.portNew(early))
        }
        let netdev = netdevs.register(name: name, kind: kind, port: handle)
        record.port.type = .eth
        record.port.netdev = netdev.name
        record.port.ifindex = netdev.ifindex
        if recordEvents { emit(.portNew(record.port)) }
        let port = record.port
        devices[d].ports[handle.index] = record
        if withLeaf && netdevsim { addLeaf(device: d, handle) }
        return port
    }

    private mutating func removeLeaf(device d: Int, _ index: UInt32) {
        if let leaf = devices[d].rates.remove(.leaf(portIndex: index)) { emit(.rateDel(reported(leaf))) }
    }

    private mutating func addLeaf(device d: Int, _ handle: PortHandle) {
        let leaf = RateObject(handle: .leaf(handle))
        devices[d].rates.insert(leaf)
        if recordEvents { emit(.rateNew(reported(leaf))) }
    }

    /// Unregisters a port: netdev, leaf (parent child count drops), port; frees an SF's sfnum and id.
    /// `deferRelease`: mlx5_sf_dealloc of an SF that is not in the ALLOCATED state (active, or
    /// inactive but still attached) keeps its hardware id, and so its sfnum, until the firmware
    /// reports the function detached.
    mutating func unregister(device d: Int, index: UInt32, deferRelease: Bool = false) {
        guard var record = devices[d].ports[index] else { return }
        // netdevsim destroys the leaf before the netdev, which 6.12's core reports twice (NETDEV_UNREGISTER:
        // type eth without the name, then type notset); mlx5 the other way round.
        let netdevsim = devices[d].profile == .netdevsim
        if netdevsim { removeLeaf(device: d, index) }
        if let name = record.port.netdev {
            netdevs.unregister(name: name)
            record.port.netdev = nil
            record.port.ifindex = nil
            if netdevsim { emit(.portNew(record.port)) }
            record.port.type = .notset
            emit(.portNew(record.port))
        }
        if !netdevsim { removeLeaf(device: d, index) }
        devices[d].ports[index] = nil
        if case .sf(let controller, let sfnum, let hwID) = record.role {
            pending.removeAll { $0.port == record.port.handle }
            if deferRelease, record.sfState != .allocated {
                schedule(.sfRelease(controller: controller, sfnum: sfnum, hwID: hwID), port: record.port.handle)
            } else {
                removeSFDevice(of: record.port.handle)
                releaseSF(device: d, controller: controller, sfnum: sfnum, hwID: hwID)
            }
        }
        emit(.portDel(record.port))
    }
}

private extension String {
    /// `eth` and a number: the name the kernel gives a netdev that udev did not rename.
    var isKernelEthName: Bool {
        let digits = utf8.dropFirst(3)
        return hasPrefix("eth") && !digits.isEmpty && digits.allSatisfy { $0 >= UInt8(ascii: "0") && $0 <= UInt8(ascii: "9") }
    }
}

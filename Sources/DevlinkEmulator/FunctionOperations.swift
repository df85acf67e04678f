import DevlinkModel

/// PORT_SET with a PORT_FUNCTION nest (reference §4.1): validate every requested attribute against the
/// port's ops, then apply hw_addr, caps, max_io_eqs and state last. Not transactional.
extension EmulatorState {
    /// Which function ops a port has (devlink_port_ops of its driver).
    struct FunctionOps {
        var hwAddr = false, state = false, roce = false, migratable = false
        var ipsecCrypto = false, ipsecPacket = false, maxIOEQs = false
    }

    func functionOps(_ record: PortRecord, _ config: DeviceConfig) -> FunctionOps {
        guard config.profile == .mlx5 else { return FunctionOps() }   // netdevsim ports have no fn ops
        var ops = FunctionOps()
        // Before the per-port ops (KernelGate.mlx5PerPortOps) hw_addr, state (CONFIG_MLX5_SF_MANAGER)
        // and migratable were devlink_ops members, present for every port of the instance: the core
        // lets the request through and the driver answers (setPortFunction, setSFState). roce and
        // migratable on the uplink are not modelled before 6.5.
        let deviceWideOps = kernel < KernelGate.mlx5PerPortOps
        switch record.role {
        case .physical:
            ops.hwAddr = deviceWideOps
            ops.state = deviceWideOps
        case .vf, .hostPF:
            ops.state = deviceWideOps
            ops.hwAddr = true
            ops.roce = true
            ops.migratable = true
            ops.maxIOEQs = true
            // mlx5_esw_pf_vf_dl_port_ops has the ipsec ops with CONFIG_XFRM_OFFLOAD (Debian: y); the
            // driver refuses when the device lacks the offload (see below).
            ops.ipsecCrypto = true
            ops.ipsecPacket = true
        case .sf:
            ops.hwAddr = true
            ops.state = true
            ops.roce = true
            ops.maxIOEQs = true
            // With the device-wide migratable op devlink_port_function_validate refuses an SF port on
            // its flavour ("... supported for VFs only").
            ops.migratable = deviceWideOps
        }
        return ops
    }

    /// The function nest a new mlx5 PF/VF/SF port reports (devlink_nl_port_function_attrs_put):
    /// a get that answers EOPNOTSUPP leaves its attribute out. roce needs VHCA management
    /// (mlx5_devlink_port_fn_roce_get), migratable also the migration cap and a VF
    /// (mlx5_devlink_port_fn_migratable_get, devlink_port_fn_migratable_fill), ipsec the device
    /// offload and a VF (mlx5_devlink_port_fn_ipsec_crypto_get), max_io_eqs VHCA management and
    /// max_num_eqs_24b (mlx5_devlink_port_fn_max_io_eqs_get; the `max_num_eqs` cap, 0 = absent).
    func initialFunction(_ config: DeviceConfig, flavour: PortFlavour) -> PortFunction {
        let vhca = config.cap("vhca_resource_manager") != 0
        let vf = flavour == .pcivf
        let ipsec = vf && config.cap("ipsec_offload") != 0 && kernel >= KernelGate.portFunctionIPsec ? false : nil
        var function = PortFunction(hwAddr: .zero, roce: vhca ? true : nil,
                                    migratable: vf && vhca && config.cap("migration") != 0 ? false : nil,
                                    ipsecCrypto: ipsec, ipsecPacket: ipsec,
                                    maxIOEQs: vhca ? defaultMaxIOEQs(config) : nil)
        if flavour == .pcisf {
            function.state = .inactive
            function.opstate = .detached
        }
        return function
    }

    mutating func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws(DevlinkError) {
        let (d, record) = try record(handle)
        let config = devices[d].config
        let ops = functionOps(record, config)
        let isVF = record.port.flavour == .pcivf
        func eop(_ text: String) -> DevlinkError { DevlinkError(.EOPNOTSUPP, text) }
        func drv(_ errno: Errno, _ text: String) -> DevlinkError {
            DevlinkError(errno, devices[d].driverMessage(text))
        }

        // Before the IPsec caps the bitfield's valid mask (DEVLINK_PORT_FN_CAPS_VALID_MASK) is roce |
        // migratable: nla_parse_nested fails in devlink_port_function_set, whose own message
        // replaces the policy's (the nest is not validated earlier: devlink_nl_policy has it as a
        // plain NLA_NESTED until the generated ops of 6.6).
        if kernel < KernelGate.portFunctionIPsec, changes.ipsecCrypto != nil || changes.ipsecPacket != nil {
            throw DevlinkError(.EINVAL, "Fail to parse port function attributes")
        }
        // Validation (devlink_port_function_validate), nothing applied yet.
        if changes.hwAddr != nil, !ops.hwAddr { throw eop("Port doesn't support function attributes") }
        if changes.state != nil, !ops.state { throw eop("Function does not support state setting") }
        // The caps in bit order: the attribute, its name in the core's messages, whether the driver has
        // the op, whether the core takes it for VFs only, and the device caps the mlx5 setter checks
        // (mlx5_devlink_port_fn_roce_set, _migratable_set, _ipsec_crypto_set, _ipsec_packet_set).
        // The table is built only for a request that asks for a cap: most set hw_addr, max_io_eqs or
        // state alone.
        let asksForCaps = changes.roce != nil || changes.migratable != nil
            || changes.ipsecCrypto != nil || changes.ipsecPacket != nil
        let vhca = ("vhca_resource_manager", "Device doesn't support VHCA management")
        let caps: [(field: WritableKeyPath<PortFunction, Bool?>, name: String, op: Bool, vfOnly: Bool,
                    needs: [(cap: String, message: String)])] = !asksForCaps ? [] : [
            (\.roce, "RoCE", ops.roce, false, [vhca]),
            (\.migratable, "migratable", ops.migratable, true, [("migration", "Device doesn't support migration"), vhca]),
            (\.ipsecCrypto, "ipsec_crypto", ops.ipsecCrypto, true, [("ipsec_offload", "Device doesn't support IPsec crypto")]),
            (\.ipsecPacket, "ipsec_packet", ops.ipsecPacket, true,
             [("ipsec_offload", "Device doesn't support IPsec packet mode")]),
        ]
        for cap in caps where changes[keyPath: cap.field] != nil {
            guard cap.op else { throw eop("Port doesn't support \(cap.name) function attribute") }
            guard isVF || !cap.vfOnly else { throw eop("\(cap.name) function attribute supported for VFs only") }
        }
        if changes.maxIOEQs != nil, !ops.maxIOEQs { throw eop("Function does not support max_io_eqs setting") }

        // 1. hw_addr (core checks, then the driver stores it).
        if let mac = changes.hwAddr {
            guard mac.bytes.count <= MACAddress.maxLength else {
                throw DevlinkError(.EINVAL, "Port function hardware address too long")
            }
            if record.port.type == .eth {
                guard mac.isEthernet else { throw DevlinkError(.EINVAL, "Address must be 6 bytes for Ethernet device") }
                guard !mac.isMulticast else { throw DevlinkError(.EINVAL, "Non-unicast hardware address unsupported") }
            }
            // Before 6.5 the uplink reaches mlx5_devlink_port_function_hw_addr_set, whose
            // is_port_function_supported takes only the PF, VF and SF vports.
            if record.role == .physical { throw drv(.EINVAL, "Port doesn't support set hw_addr") }
            modifyPort(device: d, handle.index) { $0.port.function?.hwAddr = mac }
        }
        // 2. caps, bit order: roce, migratable, ipsec_crypto, ipsec_packet (ipsec:
        // mlx5_esw_ipsec_vf_*_offload_supported).
        for cap in caps {
            guard let value = changes[keyPath: cap.field] else { continue }
            for need in cap.needs where config.cap(need.cap) == 0 { throw drv(.EOPNOTSUPP, need.message) }
            modifyPort(device: d, handle.index) { $0.port.function?[keyPath: cap.field] = value }
        }
        // 3. max_io_eqs: the function's HCA max_num_eqs (u16) must hold the value plus 4 control EQs.
        if let eqs = changes.maxIOEQs {
            guard config.cap("vhca_resource_manager") != 0 else {
                throw drv(.EOPNOTSUPP, "Device doesn't support VHCA management")
            }
            guard config.cap("max_num_eqs") != 0 else {
                throw drv(.EOPNOTSUPP, "Device doesn't support changing the max number of EQs")
            }
            guard UInt64(eqs) + 4 <= UInt64(UInt16.max) else { throw drv(.EINVAL, "Supplied value out of range") }
            modifyPort(device: d, handle.index) { record in
                record.port.function?.maxIOEQs = eqs
                record.maxIOEQsSet = true
            }
        }
        // 4. state last.
        if let state = changes.state {
            try setSFState(device: d, index: handle.index, state)
        }
        if recordEvents, let port = devices[d].ports[handle.index]?.port { emit(.portNew(port)) }
    }

    /// mlx5_devlink_sf_port_fn_state_set → mlx5_sf_state_set (no mode check: SF ports exist only in
    /// switchdev).
    private mutating func setSFState(device d: Int, index: UInt32, _ state: FunctionState) throws(DevlinkError) {
        guard var record = devices[d].ports[index] else { return }
        let device = devices[d]
        guard let hw = record.sfState else {
            // Before 6.5 any port reaches the device-wide op: without an SF table (legacy, or no SF
            // support) EOPNOTSUPP, else mlx5_sf_lookup_by_index finds no SF (ENODEV, no extack).
            guard device.config.sfSupported, device.eswitchMode == .switchdev else {
                throw DevlinkError(.EOPNOTSUPP, device.driverMessage(
                    "Port state set is only supported in eswitch switchdev mode or SF ports are disabled."))
            }
            throw DevlinkError(.ENODEV)
        }
        if state == hw.state { return }
        switch state {
        case .active:
            guard hw == .allocated else {
                throw DevlinkError(.EBUSY, device.driverMessage("SF is inactivated but it is still attached"))
            }
            // mlx5_sf_activate: without an explicit max_io_eqs, and when the device has
            // max_num_eqs_24b, the SF default of 8 goes through mlx5_devlink_port_fn_max_io_eqs_set,
            // which needs VHCA management.
            if !record.maxIOEQsSet, device.config.cap("max_num_eqs") != 0 {
                guard device.config.cap("vhca_resource_manager") != 0 else {
                    throw DevlinkError(.EOPNOTSUPP, device.driverMessage("Device doesn't support VHCA management"))
                }
                // Reported only by a kernel with the attribute (6.10 on).
                if kernel >= DevlinkFeature.maxIOEQs.since { record.port.function?.maxIOEQs = 8 }
            }
            record.sfState = .active
            schedule(.sfAttach, port: record.port.handle)
        case .inactive:
            record.sfState = .teardownRequest
            schedule(.sfDetach, port: record.port.handle)
        }
        record.port.function?.state = record.sfState?.state
        record.port.function?.opstate = record.sfState?.opstate
        devices[d].ports[index] = record
    }
}

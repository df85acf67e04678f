import DevlinkModel

/// ESWITCH_GET / ESWITCH_SET and the mode change side effects on ports.
extension EmulatorState {
    func eswitch(_ handle: DeviceHandle) throws(DevlinkError) -> Eswitch {
        let device = devices[try deviceIndexOrThrow(handle)]
        // An SF's own instance has no eswitch (mlx5_devlink_eswitch_mode_get: !mlx5_esw_allowed).
        if device.sfAux != nil { throw DevlinkError(.EOPNOTSUPP) }
        switch device.profile {
        case .mlx5: return Eswitch(mode: device.eswitchMode, inlineMode: device.inlineMode, encapMode: device.encapMode)
        case .netdevsim: return Eswitch(mode: device.eswitchMode)   // no inline/encap getters
        }
    }

    /// Mode, then inline-mode, then encap-mode; each applied before the next is tried.
    mutating func setEswitch(_ handle: DeviceHandle, _ changes: EswitchChanges) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(handle)
        if devices[d].sfAux != nil, !changes.isEmpty { throw DevlinkError(.EOPNOTSUPP) }
        if changes.mode == .switchdevInactive, kernel < KernelGate.eswitchSwitchdevInactive {
            // devlink_eswitch_set_nl_policy: NLA_POLICY_MAX(NLA_U16, 1) before 6.19, for every driver.
            throw DevlinkError(.ERANGE, "integer out of range")
        }
        if let mode = changes.mode {
            guard devices[d].rates.nodeCount == 0 else { throw DevlinkError(.EBUSY, "Rate node(s) exists.") }
            try setMode(device: d, mode)
        }
        if let inline = changes.inlineMode {
            guard devices[d].profile == .mlx5 else { throw DevlinkError(.EOPNOTSUPP) }
            // mlx5_devlink_eswitch_inline_mode_set on MLX5_CAP_ETH(wqe_inline_mode), numbered as in
            // include/linux/mlx5/vport.h: 0 L2 (never settable, not even none), 1 per vport context
            // (any mode), 2 not required (none only, as a no-op).
            switch devices[d].config.cap("wqe_inline_mode") {
            case 1: devices[d].inlineMode = inline
            case 2 where inline == .none: break
            default: throw DevlinkError(.EOPNOTSUPP, devices[d].driverMessage("Inline mode can't be set"))
            }
        }
        if let encap = changes.encapMode {
            guard devices[d].profile == .mlx5 else { throw DevlinkError(.EOPNOTSUPP) }
            // No offloaded flows exist in the emulator, so the FDB re-creation always succeeds.
            devices[d].encapMode = encap
        }
    }

    private mutating func setMode(device d: Int, _ mode: EswitchMode) throws(DevlinkError) {
        // From 6.19 the policy lets switchdev_inactive through: nsim_devlink_eswitch_mode_set knows
        // only legacy and switchdev (EINVAL). mlx5 supports it from 6.19 (9da611df15aa), which the
        // emulator does not model: it answers EINVAL as mlx5's esw_mode_from_devlink did before.
        guard mode != .switchdevInactive else { throw DevlinkError(.EINVAL) }
        let current = devices[d].eswitchMode
        guard mode != current else { return }
        devices[d].eswitchMode = mode
        let vfs = devices[d].numVFs
        if mode == .switchdev {
            if vfs > 0 { createVFPorts(device: d, count: vfs) }
        } else {
            // Leaving switchdev: mlx5 deletes SF ports, both drivers remove the VF representor ports.
            if devices[d].profile == .mlx5 { removeSFPorts(device: d) }
            removeVFPorts(device: d)
        }
    }

    // MARK: SR-IOV

    func sriovNumVFs(_ handle: DeviceHandle) throws(DevlinkError) -> UInt32 {
        devices[try deviceIndexOrThrow(handle)].numVFs
    }

    /// Writing `sriov_numvfs`: PCI core rules for mlx5, netdevsim's bus rules for netdevsim.
    mutating func setSriovNumVFs(_ handle: DeviceHandle, _ count: UInt32) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(handle)
        let device = devices[d]
        switch device.profile {
        case .mlx5:
            // kstrtou16 then "> sriov_totalvfs" → ERANGE; same value ok; non-zero → non-zero EBUSY.
            guard count <= UInt32(UInt16.max), count <= device.config.maxVFs else { throw DevlinkError(.ERANGE) }
            if count == device.numVFs { return }
            if count != 0, device.numVFs != 0 { throw DevlinkError(.EBUSY) }
        case .netdevsim:
            if count == device.numVFs { return }
            if count != 0, device.numVFs != 0 { throw DevlinkError(.EBUSY) }
            if count > device.config.maxVFs { throw DevlinkError(.ENOMEM) }
        }
        let switchdev = device.eswitchMode == .switchdev
        if count == 0 {
            if switchdev {
                if device.profile == .netdevsim {
                    // netdevsim falls back to legacy: all rate nodes destroyed (no core check), VF ports go.
                    destroyAllRateNodes(device: d)
                    devices[d].eswitchMode = .legacy
                }
                removeVFPorts(device: d)
            }
            devices[d].numVFs = 0
        } else {
            devices[d].numVFs = count
            if switchdev { createVFPorts(device: d, count: count) }
        }
    }

    /// devl_rate_nodes_destroy: unparent everything, then delete every node.
    mutating func destroyAllRateNodes(device d: Int) {
        let all = devices[d].rates.listing()
        for object in all where object.parent != nil {
            devices[d].rates.update(object.handle.target) { $0.parent = nil }
        }
        for object in all where object.handle.isNode {
            if let removed = devices[d].rates.remove(object.handle.target) { emit(.rateDel(reported(removed))) }
        }
    }
}

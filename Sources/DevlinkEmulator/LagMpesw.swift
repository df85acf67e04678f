import DevlinkModel

/// Multi-port E-Switch LAG (lag.md §1.12, mpesw.c, mode MPESW), driven by the mlx5 driver param
/// `esw_multiport` (bool, cmode runtime) on either PF of a card: true → `mlx5_lag_mpesw_enable`,
/// false → `mlx5_lag_mpesw_disable`. The kernel runs both on the LAG workqueue and waits for them, so
/// the emulator applies them inside the PARAM_SET request.
///
/// Modelling choices:
/// - `mode_changes_in_progress` (-EAGAIN) is only non-zero inside an eswitch/SR-IOV request here, so a
///   PARAM_SET never sees it: EAGAIN is not reachable.
/// - MPESW activation passes `shared_fdb=true` (lag.md §1.12): flags shared_fdb + native FDB selection,
///   "Operation mode is single FDB"; the IB device is re-registered on PF0 as `mlx5_bond_N` (lag active)
///   with no CREATE_VPORT_LAG, as for shared-FDB VF LAG.
/// - The v2p map is not inferred in MPESW (§1.8 step 2); `hardware_lag()` shows the native map.
/// - Eswitch manager = cap `eswitch_manager` (absent = 1, as for a PF).
extension EmulatorState {
    static let mpeswParamName = "esw_multiport"

    /// The registered param; its value is never stored: a get reads `mlx5_lag_is_mpesw(dev)`.
    static let mpeswParam = ParamRecord(name: mpeswParamName, generic: false, type: .bool, values: [.runtime: .bool(false)])

    func isMpeswParam(_ d: Int, _ name: String) -> Bool {
        devices[d].profile == .mlx5 && name == Self.mpeswParamName
    }

    func isEswitchManager(_ d: Int) -> Bool { (devices[d].config.caps["eswitch_manager"] ?? 1) != 0 }

    /// mlx5_eswitch_init registers the eswitch params (esw_multiport) only on a vport manager
    /// (`vport_group_manager` on a PF) or an eswitch manager; elsewhere the param does not exist.
    func hasMpeswParam(_ d: Int) -> Bool {
        (devices[d].config.caps["vport_group_manager"] ?? 1) != 0 || isEswitchManager(d)
    }

    /// `mlx5_devlink_esw_multiport_get` (6.12): no eswitch-manager check, just whether this PF's LAG
    /// is in MPESW mode.
    func mpeswParamView(_ d: Int) -> Param {
        let handle = devices[d].handle
        let on = lagIndex(of: handle).map { links.lags[$0].mode == .mpesw } ?? false
        var record = Self.mpeswParam
        record.values[.runtime] = .bool(on)
        return record.param(device: handle)
    }

    /// `mlx5_devlink_esw_multiport_set`.
    mutating func setMpeswParam(_ d: Int, _ value: ParamValue) throws(DevlinkError) {
        guard isEswitchManager(d) else { throw DevlinkError(.EOPNOTSUPP) }
        // No LAG device (PF not LAG-capable): mlx5_lag_mpesw_queue_work returns 0, nothing happens.
        guard let l = lagIndex(of: devices[d].handle) else { return }
        if value == .bool(true) {
            try enableMpesw(l)
        } else if links.lags[l].mode == .mpesw {
            disableLag(l)   // disable_mpesw: returns nothing, a DESTROY_LAG failure is only logged
        }
    }

    /// `enable_mpesw`.
    mutating func enableMpesw(_ l: Int) throws(DevlinkError) {
        guard links.lags[l].mode == .none else { throw DevlinkError(.EINVAL) }
        // ports > MLX5_LAG_MPESW_OFFLOADS_SUPPORTED_PORTS (4): EOPNOTSUPP, not reachable (2-port LAGs only).
        // Then, all EOPNOTSUPP: dev0 in switchdev, port_select_flow_table, create_lag_when_not_master_up,
        // mlx5_lag_check_prereq and mlx5_lag_shared_fdb_supported (enable_mpesw, 6.12).
        guard let dev0 = links.lags[l].dev0, let d0 = deviceIndex[dev0], devices[d0].eswitchMode == .switchdev,
              lagCap(l, "port_select_flow_table"), lagCap(l, "create_lag_when_not_master_up"),
              lagPrerequisiteProblem(l) == nil, lagSharedFDBSupported(l) else { throw DevlinkError(.EOPNOTSUPP) }
        let members = links.lags[l].members.compactMap { $0 }
        for m in members { links.rdma.remove(parent: m) }
        // mlx5_activate_lag(ldev, NULL, MPESW, true): no v2p, no port-selection FT, no map line.
        let context = LagContext(fdbSelectionMode: 1, portSelectMode: .mpesw)
        log(dev0, "shared_fdb:1 mode:\(context.portSelectMode.name)")
        let create = issueFirmware(.createLag, on: dev0, lag: l, context: context)
        guard create.succeeded else {
            let errno = create.status.errno ?? .EIO
            log(dev0, "Failed to create LAG (\(-errno.number))")
            log(dev0, "Failed to activate VF LAG\nMake sure all VFs are unbound prior to VF LAG activation or deactivation")
            log(dev0, "Failed to create LAG in MPESW mode (\(-errno.number))")
            links.lags[l].lastFailure = "CREATE_LAG (MPESW) failed: status \(create.status.text)"
                + "(0x\(String(create.status.rawValue, radix: 16))), syndrome 0x\(String(create.syndrome, radix: 16))"
            addRdmaDevices(members)
            throw DevlinkError(errno)
        }
        links.lags[l].mode = .mpesw
        links.lags[l].flags = [.sharedFDB, .fdbSelectionNative]
        links.lags[l].portSelectMode = .mpesw
        links.lags[l].v2p = links.lags[l].nativeMap
        links.lags[l].lastFailure = nil
        log(dev0, "Operation mode is single FDB")
        links.rdma.add(prefix: "mlx5_bond_", parent: dev0)
    }
}

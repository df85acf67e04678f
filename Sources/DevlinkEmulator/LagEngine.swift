import DevlinkModel

/// `mlx5_do_bond` and what it calls (lag.md §1.6-§1.10), for the ≈v6.3-v6.12 driver generation:
/// activation with mode choice (RoCE when no PF has SR-IOV and all are legacy, else VF LAG), port
/// selection (hash when the `port_select_flow_table` cap allows), the v2p map and its remap, and
/// deactivation, with the RDMA devices removed and re-added the way the driver does it.
extension EmulatorState {
    /// Runs the queued bond work due by `time`, in queue order; returns whether any ran. Work the
    /// run queues again waits for its own due time.
    @discardableResult
    mutating func runLagWork(dueBy time: EmulatorInstant = EmulatorInstant(nanoseconds: .max)) -> Bool {
        let work = links.queuedLagWork.filter { (links.lagWorkDue[$0] ?? .zero) <= time }
        guard !work.isEmpty else { return false }
        links.queuedLagWork.removeAll { work.contains($0) }
        for l in work { links.lagWorkDue[l] = nil }
        for l in work where links.lags.indices.contains(l) { doBond(l) }
        return true
    }

    mutating func doBond(_ l: Int) {
        let lag = links.lags[l]
        var doBond = false
        if lagNetdevsReady(l) {
            if lag.mode == .multipath { return }   // multipath LAG ignores bond changes
            doBond = lag.tracker.isBonded && lagPrerequisiteProblem(l) == nil
        }
        let active = lag.mode != .none
        if doBond, !active {
            activateLag(l)
        } else if doBond, active, lag.mode != .mpesw {
            modifyLag(l)
        } else if !doBond, active, lag.mode != .mpesw {
            disableLag(l)
        }
    }

    /// `mlx5_lag_check_prereq` (6.12): nil when the PFs may form a LAG, else why not. In order: every PF
    /// present; no PF with VFs outside switchdev; one eswitch mode on all PFs; one RoCE state on all PFs
    /// (51ef9305b8f4 "net/mlx5: Lag, do bond only if slaves agree on roce state"). 6.12's check has no
    /// "switchdev LAG is 2 ports only" rule (MLX5_LAG_OFFLOADS_SUPPORTED_PORTS is gone from lag.c).
    func lagPrerequisiteProblem(_ l: Int) -> String? {
        let lag = links.lags[l]
        var modes: [EswitchMode] = []
        var indices: [Int] = []
        for member in lag.members {
            guard let member, let d = deviceIndex[member] else { return "a PF of the card is not present" }
            indices.append(d)
        }
        for d in indices {
            let device = devices[d]
            if device.numVFs > 0, device.eswitchMode != .switchdev {
                return "\(device.handle) has VFs in legacy eswitch mode (VF LAG needs switchdev)"
            }
            modes.append(device.eswitchMode)
        }
        if Set(modes).count > 1 {
            let list = zip(lag.members, modes).map { "\($0.0.map(\.description) ?? "?") \($0.1.name)" }
            return "eswitch modes differ (\(list.joined(separator: ", ")))"
        }
        let roce = indices.map(lagRoceState)
        if Set(roce).count > 1 {
            let list = zip(indices, roce).map { "\(devices[$0.0].handle) \($0.1 ? "on" : "off")" }
            return "RoCE state differs (\(list.joined(separator: ", "))): the PFs must agree on RoCE"
        }
        return nil
    }

    /// `mlx5_get_roce_state` as the driver sees it after load: with `roce_rw_supported` the `roce` cap
    /// (which load sets from enable_roce), else enable_roce's applied driverinit value, which load
    /// initialises from the `roce` cap (mlx5_devlink_set_params_init_values). The emulator has no
    /// reload that would apply a new driverinit value, so both come to the `roce` cap.
    func lagRoceState(_ d: Int) -> Bool {
        devices[d].config.cap("roce") != 0
    }

    /// `mlx5_lag_is_roce_lag`: no PF has SR-IOV enabled and every PF is in legacy mode.
    func lagIsRoce(_ l: Int) -> Bool {
        links.lags[l].members.allSatisfy { member in
            guard let member, let d = deviceIndex[member] else { return false }
            return devices[d].numVFs == 0 && devices[d].eswitchMode == .legacy
        }
    }

    /// `mlx5_shared_fdb_supported` (2-port form).
    func lagSharedFDBSupported(_ l: Int) -> Bool {
        let members = links.lags[l].members.compactMap { $0.flatMap { deviceIndex[$0] } }
        guard members.count == 2 else { return false }
        let (d0, d1) = (devices[members[0]], devices[members[1]])
        let metadata = [d0, d1].allSatisfy { d in
            d.params.first { $0.name == "esw_port_metadata" }?.values[.runtime] == .bool(true)
        }
        return d0.eswitchMode == .switchdev && d1.eswitchMode == .switchdev && metadata
            && d1.config.cap("lag_native_fdb_selection") != 0 && d1.config.cap("root_ft_on_other_esw") != 0
            && d0.config.cap("esw_shared_ingress_acl") != 0
    }

    func lagCap(_ l: Int, _ name: String) -> Bool {
        guard let dev0 = links.lags[l].dev0, let d = deviceIndex[dev0] else { return false }
        return devices[d].config.cap(name) != 0
    }

    /// `mlx5_infer_tx_affinity_mapping` for buckets = 1: a disabled port maps to an enabled one; all up
    /// or all down keeps the native map. With more than one enabled port the kernel picks at random;
    /// the emulator picks them in turn (deterministic; identical for 2 ports).
    func inferMap(_ tracker: LagTracker, ports: Int) -> [UInt8] {
        let enabled = (0..<ports).filter { tracker.netdevState[$0].txEnabled && tracker.netdevState[$0].linkUp }
        var map = (0..<ports).map { UInt8($0 + 1) }
        guard !enabled.isEmpty, enabled.count != ports else { return map }
        var next = 0
        for i in 0..<ports where !enabled.contains(i) {
            map[i] = UInt8(enabled[next % enabled.count] + 1)
            next += 1
        }
        return map
    }

    /// Physical ports in use as a bitmask (bit i = port i+1), for `active_port`.
    static func activePortMask(_ map: [UInt8]) -> UInt8 {
        map.reduce(0) { $0 | (1 << ($1 - 1)) }
    }

    func mapText(_ map: [UInt8], hash: Bool) -> String {
        if hash {
            let ports = (1...map.count).filter { p in map.contains(UInt8(p)) }
            return "lag map active ports: " + ports.map(String.init).joined(separator: ", ")
        }
        return "lag map:" + map.enumerated().map { " port \($0.offset + 1):\($0.element)" }.joined()
    }

    // MARK: activate

    mutating func activateLag(_ l: Int) {
        guard let dev0 = links.lags[l].dev0 else { return }
        let roce = lagIsRoce(l)
        let mode: LagMode = roce ? .roce : .sriov
        let shared = !roce && lagSharedFDBSupported(l)
        let members = links.lags[l].members.compactMap { $0 }
        if shared || roce { for m in members { links.rdma.remove(parent: m) } }

        var flags: LagModeFlags = shared ? [.sharedFDB, .fdbSelectionNative] : []
        let tracker = links.lags[l].tracker
        let hash = lagCap(l, "port_select_flow_table") && (roce || tracker.txType == .hash)
        if hash { flags.insert(.hashBased) }
        let map = inferMap(tracker, ports: links.lags[l].ports)
        let create = createLag(l, on: dev0, map: map, hash: hash, shared: shared)
        guard create.succeeded else {
            let err = -(create.status.errno?.number ?? 5)
            log(dev0, "Failed to create LAG (\(err))")
            log(dev0, roce ? "Failed to activate RoCE LAG"
                : "Failed to activate VF LAG\nMake sure all VFs are unbound prior to VF LAG activation or deactivation")
            links.lags[l].lastFailure = "CREATE_LAG failed: status \(create.status.text)(0x\(String(create.status.rawValue, radix: 16))), "
                + "syndrome 0x\(String(create.syndrome, radix: 16))"
            if shared || roce { addRdmaDevices(members) }
            return
        }
        links.lags[l].mode = mode
        links.lags[l].flags = flags
        links.lags[l].portSelectMode = hash ? .hash : .queueAffinity
        links.lags[l].v2p = map
        links.lags[l].lastFailure = nil
        if shared { log(dev0, "Operation mode is single FDB") }
        if roce || shared {
            // The IB device comes back on PF0 only, registered while LAG is active: mlx5_bond_%d.
            links.rdma.add(prefix: "mlx5_bond_", parent: dev0)
            if roce { createVportLag(l, on: dev0) }
        }
    }

    /// `mlx5_create_lag` as both activation paths call it: the LAG context for the port selection
    /// and the map, the driver's two log lines, then CREATE_LAG.
    mutating func createLag(_ l: Int, on dev0: DeviceHandle, map: [UInt8], hash: Bool, shared: Bool) -> FirmwareCommand {
        var context = LagContext(fdbSelectionMode: shared ? 1 : 0, portSelectMode: hash ? .hash : .queueAffinity)
        if hash {
            if lagCap(l, "port_select_flow_table_bypass") { context.activePort = Self.activePortMask(map) }
        } else {
            context.txRemapAffinity1 = map[0]
            context.txRemapAffinity2 = map.count > 1 ? map[1] : 0
        }
        log(dev0, mapText(map, hash: hash))
        log(dev0, "shared_fdb:\(shared ? 1 : 0) mode:\(context.portSelectMode.name)")
        return issueFirmware(.createLag, on: dev0, lag: l, context: context)
    }

    /// mlx5_ib's RoCE LAG init on the bond's IB device: CREATE_VPORT_LAG; when it fails the IB device
    /// fails to register.
    private mutating func createVportLag(_ l: Int, on dev0: DeviceHandle) {
        let entry = issueFirmware(.createVportLag, on: dev0, lag: l)
        if entry.succeeded {
            links.lags[l].vportLag = true
        } else {
            links.rdma.remove(parent: dev0)
        }
    }

    mutating func addRdmaDevices(_ members: [DeviceHandle]) {
        for m in members {
            if let d = deviceIndex[m], devices[d].config.cap("roce") != 0 { links.rdma.add(prefix: "mlx5_", parent: m) }
        }
    }

    // MARK: remap

    /// `mlx5_modify_lag`: only a changed map reaches the hardware. `tracker` is the bond's unless the
    /// caller builds one (multipath's port affinity).
    mutating func modifyLag(_ l: Int, tracker: LagTracker? = nil) {
        guard let dev0 = links.lags[l].dev0 else { return }
        let lag = links.lags[l]
        let map = inferMap(tracker ?? lag.tracker, ports: lag.ports)
        guard map != lag.v2p else { return }
        let hash = lag.flags.contains(.hashBased)
        if hash {
            // Port-selection flow table rules are re-pointed (steering, not a LAG command); the LAG
            // context follows only with the bypass cap.
            if lagCap(l, "port_select_flow_table_bypass") {
                let entry = issueFirmware(.modifyLag, on: dev0, lag: l,
                                          context: LagContext(portSelectMode: .hash, activePort: Self.activePortMask(map)),
                                          fieldSelect: 0x2)
                guard entry.succeeded else { return modifyFailed(l, dev0, entry) }
            }
        } else {
            let context = LagContext(txRemapAffinity1: map[0], txRemapAffinity2: map.count > 1 ? map[1] : 0)
            let entry = issueFirmware(.modifyLag, on: dev0, lag: l, context: context, fieldSelect: 0x1)
            guard entry.succeeded else { return modifyFailed(l, dev0, entry) }
        }
        links.lags[l].v2p = map
        log(dev0, mapText(map, hash: hash))
    }

    /// The old map stays; the next bond work tries again.
    private mutating func modifyFailed(_ l: Int, _ dev0: DeviceHandle, _ entry: FirmwareCommand) {
        log(dev0, "Failed to modify LAG (\(-(entry.status.errno?.number ?? 5)))")
    }

    // MARK: deactivate

    /// `mlx5_disable_lag` + `mlx5_deactivate_lag`.
    mutating func disableLag(_ l: Int) {
        guard let dev0 = links.lags[l].dev0 else { return }
        let lag = links.lags[l]
        let roce = lag.mode == .roce
        let shared = lag.flags.contains(.sharedFDB)
        let members = lag.members.compactMap { $0 }
        if shared {
            for m in members { links.rdma.remove(parent: m) }
        } else if roce {
            links.rdma.remove(parent: dev0)
        }
        if lag.vportLag {
            // mlx5_ib's LAG cleanup on the bond IB device; a failure is only logged.
            issueFirmware(.destroyVportLag, on: dev0, lag: l)
            links.lags[l].vportLag = false
        }
        links.lags[l].mode = .none
        links.lags[l].flags = []
        links.lags[l].portSelectMode = nil
        links.lags[l].multipathFib = nil   // mlx5_lag_mp_reset
        let destroy = issueFirmware(.destroyLag, on: dev0, lag: l)
        guard destroy.succeeded else {
            // Mode is already NONE; the IB devices are not re-added.
            log(dev0, roce ? "Failed to deactivate RoCE LAG; driver restart required"
                : "Failed to deactivate VF LAG; driver restart required\n"
                    + "Make sure all VFs are unbound prior to VF LAG activation or deactivation")
            return
        }
        if shared || roce { addRdmaDevices(members) }
    }

    // MARK: eswitch / SR-IOV changes

    /// `mlx5_lag_disable_change`: an eswitch mode set or an SR-IOV enable that creates the FDB disables
    /// an active LAG first (synchronously, inside the devlink request). In 6.12 that is
    /// `mlx5_disable_lag` for every active mode, MPESW included (no `mlx5_disable_mpesw` yet); the bond
    /// work that follows never brings MPESW back.
    mutating func lagDisableChange(_ device: DeviceHandle) {
        guard let l = links.lags.firstIndex(where: { $0.members.contains(device) }) else { return }
        if links.lags[l].mode != .none { disableLag(l) }
    }

    /// `mlx5_lag_enable_change`: the bond work re-evaluates afterwards. Only queued when it can do
    /// something (bonded or active): the kernel's no-op run is not observable, and would only show up
    /// in `pendingWorkCount`.
    mutating func lagEnableChange(_ device: DeviceHandle) {
        guard let l = links.lags.firstIndex(where: { $0.members.contains(device) }) else { return }
        if links.lags[l].tracker.isBonded || links.lags[l].mode != .none { queueLagWork(l) }
    }
}

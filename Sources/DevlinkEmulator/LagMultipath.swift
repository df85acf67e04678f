import DevlinkModel

/// mlx5 multipath LAG, drivers/net/ethernet/mellanox/mlx5/core/lag/mp.c as of Linux 6.12 (lag.md
/// §1.11): the FIB notifier checks the prerequisites and queues the event on the LAG's
/// "mlx5_lag_mp" workqueue; the work (run in `settle()`) follows one IPv4 route whose paths go out
/// through the card's two uplinks, activates the LAG in MULTIPATH mode the first time it sees one and
/// moves the port affinity as paths die and come back.
///
/// Deliberately as in 6.12: a route delete only stops tracking (`mp->fib.mfi = NULL`); the LAG stays
/// active until an eswitch mode or SR-IOV change (`mlx5_lag_disable_change`) or an uplink going away
/// deactivates it. Bond events are ignored while it is active (`mlx5_do_bond`).
extension EmulatorState {
    /// `mlx5_lag_fib_event`: the FIB notifier of every LAG, called inside the request that changed
    /// the FIB. Nothing is decided here but whether to queue the work.
    mutating func mlx5LagFibEvent(_ event: FibEvent) {
        for l in links.lags.indices where multipathPrerequisitesMet(l) {
            // `fi->nh` (nexthop objects) cannot occur: dls routes carry their paths inline.
            if kernel < KernelGate.mlx5MultipathAnyNexthops {
                // Before 6.2 a route event is dropped unless its first path is one of the uplinks.
                switch event {
                case .entryReplace(_, let info), .entryDelete(_, let info):
                    guard let first = info.devices.first, multipathSlot(l, first) != nil else { continue }
                default: break
                }
            }
            links.fibWork.append(FibWork(lag: l, event: event))
            if links.fibWorkDue == nil { links.fibWorkDue = clock.now.adding(.fibWork) }
        }
    }

    /// `mlx5_lag_multipath_check_prereq`: NDEVS_READY, no LAG active in another mode, and both PFs in
    /// switchdev (`mlx5_esw_multipath_prereq`). Only 2-port LAGs register the notifier
    /// (MLX5_LAG_MULTIPATH_OFFLOADS_SUPPORTED_PORTS).
    func multipathPrerequisitesMet(_ l: Int) -> Bool {
        let lag = links.lags[l]
        guard lag.ports == 2, lagNetdevsReady(l) else { return false }
        if lag.mode != .none, lag.mode != .multipath { return false }
        return lag.members.allSatisfy { member in
            guard let member, let d = deviceIndex[member] else { return false }
            return devices[d].eswitchMode == .switchdev
        }
    }

    /// `mlx5_lag_fib_update`: runs the queued FIB work in order.
    mutating func runFibWork() {
        let work = links.fibWork
        links.fibWork = []
        links.fibWorkDue = nil
        for item in work where links.lags.indices.contains(item.lag) {
            switch item.event {
            case .entryReplace(let prefix, let info): fibRouteEvent(item.lag, delete: false, prefix: prefix, info: info)
            case .entryDelete(let prefix, let info): fibRouteEvent(item.lag, delete: true, prefix: prefix, info: info)
            case .nexthopAdd(let device, let info): fibNexthopEvent(item.lag, delete: false, device: device, info: info)
            case .nexthopDelete(let device, let info): fibNexthopEvent(item.lag, delete: true, device: device, info: info)
            }
        }
    }

    /// `mlx5_lag_dev_get_netdev_idx`: the PF slot whose uplink is `device`.
    func multipathSlot(_ l: Int, _ device: String) -> Int? {
        guard let slot = lagSlot(ofNetdev: device), slot.lag == l else { return nil }
        return slot.index
    }

    /// `mlx5_lag_get_next_fib_dev`: the first path after `current` (from the start when nil) that goes
    /// out through one of the LAG's uplinks, as a slot.
    private func nextFibDevice(_ l: Int, _ info: FibInfoKey, after current: Int?) -> Int? {
        var i = 0
        let devices = info.devices
        if let current {
            // The kernel searches for the current netdev again, from the first path.
            while i < devices.count {
                defer { i += 1 }
                if multipathSlot(l, devices[i]) == current { break }
            }
        }
        while i < devices.count {
            if let slot = multipathSlot(l, devices[i]) { return slot }
            i += 1
        }
        return nil
    }

    /// `mlx5_lag_fib_route_event`.
    private mutating func fibRouteEvent(_ l: Int, delete: Bool, prefix: IPv4Prefix, info: FibInfoKey) {
        let tracked = links.lags[l].multipathFib
        if delete {
            // Stop tracking; the LAG itself stays as it is.
            if tracked?.info == info { links.lags[l].multipathFib = nil }
            return
        }
        // Another prefix with a lower priority (a higher or equal metric) than the tracked route.
        if let tracked, tracked.info != info, tracked.prefix != prefix, info.metric >= tracked.priority { return }
        if kernel < KernelGate.mlx5MultipathAnyNexthops { return fibRouteEventBefore62(l, prefix: prefix, info: info) }

        let dev0 = nextFibDevice(l, info, after: nil)
        let dev1 = nextFibDevice(l, info, after: dev0)
        guard let dev0 else {
            if tracked?.prefix == prefix { links.lags[l].multipathFib = nil }
            return
        }
        if dev0 == dev1 {
            logMultipath(l, "Multipath offload doesn't support routes with multiple nexthops of the same device")
            return
        }
        guard dev1 != nil else {
            // One path through one of our uplinks: all traffic to that port, if the LAG is active.
            if links.lags[l].mode != .none {
                setPortAffinity(l, port: dev0 + 1)
                links.lags[l].multipathFib = MultipathFib(info: info, priority: info.metric, prefix: prefix)
            }
            return
        }
        // The first multipath route seen: activate with the bond tracker's state, as the driver does.
        if tracked == nil, links.lags[l].mode == .none { activateMultipathLag(l) }
        setPortAffinity(l, port: 0)
        links.lags[l].multipathFib = MultipathFib(info: info, priority: info.metric, prefix: prefix)
    }

    /// The same event before 7c33e73995e9 (6.2): one path through an uplink moves the affinity of an
    /// active LAG; otherwise exactly two paths, the two uplinks in either order.
    private mutating func fibRouteEventBefore62(_ l: Int, prefix: IPv4Prefix, info: FibInfoKey) {
        let devices = info.devices
        if devices.count == 1 {
            guard links.lags[l].mode != .none, let i = multipathSlot(l, devices[0]) else { return }
            setPortAffinity(l, port: i + 1)
            links.lags[l].multipathFib = MultipathFib(info: info, priority: info.metric, prefix: prefix)
            return
        }
        guard devices.count == 2 else { return }
        let slots = devices.map { multipathSlot(l, $0) }
        guard slots == [0, 1] || slots == [1, 0] else {
            logMultipath(l, "Multipath offload require two ports of the same HCA")
            return
        }
        if links.lags[l].multipathFib == nil, links.lags[l].mode == .none { activateMultipathLag(l) }
        setPortAffinity(l, port: 0)
        links.lags[l].multipathFib = MultipathFib(info: info, priority: info.metric, prefix: prefix)
    }

    /// `mlx5_lag_fib_nexthop_event`: only for the tracked route.
    private mutating func fibNexthopEvent(_ l: Int, delete: Bool, device: String, info: FibInfoKey) {
        guard let tracked = links.lags[l].multipathFib, tracked.info == info else { return }
        if delete {
            // All traffic to the peer of the port whose path died.
            if let i = multipathSlot(l, device) { setPortAffinity(l, port: (i + 1) % 2 + 1) }
        } else if info.paths.count == 2 {
            setPortAffinity(l, port: 0)
        }
    }

    /// `mlx5_lag_set_port_affinity`: 0 = both ports, 1 or 2 = that port only. Builds a tracker with
    /// only those ports enabled and lets `mlx5_modify_lag` remap (MODIFY_LAG only if the map changes).
    /// The MLX5_DEV_EVENT_PORT_AFFINITY notification to the enabled PFs has no visible effect here.
    private mutating func setPortAffinity(_ l: Int, port: Int) {
        guard links.lags[l].mode == .multipath else { return }
        var tracker = LagTracker(netdevState: Array(repeating: LowerState(), count: links.lags[l].ports))
        for i in 0..<2 where port == 0 || port == i + 1 {
            tracker.netdevState[i] = LowerState(linkUp: true, txEnabled: true)
        }
        modifyLag(l, tracker: tracker)
    }

    private mutating func logMultipath(_ l: Int, _ text: String) {
        if let dev0 = links.lags[l].dev0 { log(dev0, text) }
    }
}

extension EmulatorState {
    /// `mlx5_activate_lag(ldev, &ldev->tracker, MLX5_LAG_MODE_MULTIPATH, false)`: no shared FDB, the
    /// IB devices stay as they are (no `mlx5_lag_remove_devices` on this path), port selection as for
    /// VF LAG (`mlx5_lag_set_port_sel_mode_offloads`: hash only for a hash bond's tracker), the map
    /// inferred from the bond tracker (native without a bond), then `mlx5_create_lag`.
    mutating func activateMultipathLag(_ l: Int) {
        guard let dev0 = links.lags[l].dev0 else { return }
        let tracker = links.lags[l].tracker
        let hash = lagCap(l, "port_select_flow_table") && tracker.txType == .hash
        let map = inferMap(tracker, ports: links.lags[l].ports)
        let create = createLag(l, on: dev0, map: map, hash: hash, shared: false)
        guard create.succeeded else {
            // mp.c ignores the error: the route is tracked anyway, so later routes do not retry.
            log(dev0, "Failed to create LAG (\(-(create.status.errno?.number ?? 5)))")
            log(dev0, "Failed to activate VF LAG\nMake sure all VFs are unbound prior to VF LAG activation or deactivation")
            links.lags[l].lastFailure = "CREATE_LAG failed: status \(create.status.text)(0x\(String(create.status.rawValue, radix: 16))), "
                + "syndrome 0x\(String(create.syndrome, radix: 16))"
            return
        }
        links.lags[l].mode = .multipath
        links.lags[l].flags = hash ? [.hashBased] : []
        links.lags[l].portSelectMode = hash ? .hash : .queueAffinity
        links.lags[l].v2p = map
        links.lags[l].lastFailure = nil
    }
}

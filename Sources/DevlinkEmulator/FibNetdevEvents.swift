import DevlinkModel

/// What the FIB does when an interface changes (net/ipv4/fib_frontend.c `fib_netdev_event`,
/// fib_semantics.c `fib_sync_down_dev` / `fib_sync_up`): paths through a device that goes down or
/// away die (`dead linkdown`) with FIB_EVENT_NH_DEL, routes left without a live path are flushed;
/// a device coming up revives its paths with FIB_EVENT_NH_ADD. Carrier loss only marks `linkdown`.
extension EmulatorState {
    /// Admin state and carrier of every netdev, taken before a request so that the changes it made
    /// can be replayed as netdev events afterwards. Nil when there are no routes (nothing to do).
    func fibLinkSnapshot() -> [String: (up: Bool, carrier: Bool)]? {
        guard !links.fib.isEmpty else { return nil }
        var snapshot: [String: (up: Bool, carrier: Bool)] = [:]
        for netdev in netdevs.byName.values { snapshot[netdev.name] = (netdev.adminUp, netdev.carrier) }
        return snapshot
    }

    /// Replays the interface changes since `before` as NETDEV_UNREGISTER / DOWN / UP / CHANGE events.
    mutating func fibNetdevsChanged(since before: [String: (up: Bool, carrier: Bool)]?) {
        guard let before else { return }
        for name in before.keys.sorted() {
            guard let old = before[name] else { continue }
            guard let now = netdevs[name] else {
                fibSyncDown(name, event: .unregister)
                continue
            }
            if old.up, !now.adminUp {
                fibSyncDown(name, event: .down)
            } else if !old.up, now.adminUp {
                fibSyncUp(name, clearing: .dead)
            } else if now.adminUp, old.carrier != now.carrier {
                // NETDEV_CHANGE: carrier (IFF_RUNNING / IFF_LOWER_UP) decides which way.
                if now.carrier { fibSyncUp(name, clearing: .linkdown) } else { fibSyncDown(name, event: .change) }
            }
        }
    }

    enum FibDownEvent { case unregister, down, change }
    enum FibUpFlag { case dead, linkdown }

    /// `fib_sync_down_dev` + `fib_flush`. NH_DEL goes out for a path marked dead; a path only marked
    /// linkdown is announced only with `ignore_routes_with_linkdown`, which is off (`call_fib_nh_notifiers`).
    private mutating func fibSyncDown(_ device: String, event: FibDownEvent) {
        // The kernel walks each fib_info once; prefixes sharing one (same attributes and paths) are
        // one fib_info, so its paths are announced once.
        var announced = Set<FibInfoKey>()
        for r in links.fib.routes.indices {
            let info = FibInfoKey(links.fib.routes[r])
            let first = announced.insert(info).inserted
            for n in links.fib.routes[r].nexthops.indices where links.fib.routes[r].nexthops[n].device == device {
                if links.fib.routes[r].nexthops[n].dead { continue }
                if event != .change { links.fib.routes[r].nexthops[n].dead = true }
                links.fib.routes[r].nexthops[n].linkdown = true
                if event != .change, first { fibNotify(.nexthopDelete(device: device, info: info)) }
            }
        }
        guard event != .change else { return }
        // fib_table_flush: routes whose every path is dead go, in trie order, each notified.
        var r = 0
        while r < links.fib.routes.count {
            if links.fib.routes[r].nexthops.allSatisfy(\.dead) { removeRoute(at: r) } else { r += 1 }
        }
    }

    /// `fib_sync_up`: clears `dead` (and `linkdown` when the device has carrier) or `linkdown` on the
    /// device's paths and sends NH_ADD for each path revived.
    private mutating func fibSyncUp(_ device: String, clearing flag: FibUpFlag) {
        let carrier = netdevs[device]?.carrier ?? false
        var announced = Set<FibInfoKey>()
        for r in links.fib.routes.indices {
            let first = announced.insert(FibInfoKey(links.fib.routes[r])).inserted
            for n in links.fib.routes[r].nexthops.indices where links.fib.routes[r].nexthops[n].device == device {
                var nh = links.fib.routes[r].nexthops[n]
                let affected = flag == .dead ? nh.dead : nh.linkdown
                guard affected else { continue }
                if flag == .dead {
                    nh.dead = false
                    if carrier { nh.linkdown = false }
                } else {
                    nh.linkdown = false
                }
                links.fib.routes[r].nexthops[n] = nh
                if !nh.dead, first { fibNotify(.nexthopAdd(device: device, info: FibInfoKey(links.fib.routes[r]))) }
            }
        }
    }
}

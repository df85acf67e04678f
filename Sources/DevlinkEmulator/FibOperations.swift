import DevlinkModel

/// IPv4 route requests on the emulator, as net/ipv4 (6.12) answers them: `inet_rtm_newroute` →
/// `fib_table_insert` / `fib_create_info` / `fib_check_nh`, `inet_rtm_delroute` → `fib_table_delete`.
/// Each change that the trie would notify (`call_fib_entry_notifiers`) is handed to the FIB notifier
/// chain (`fibNotify`), where mlx5's multipath LAG listens.
extension EmulatorState {
    func routeList() -> [Route] { links.fib.routes }

    /// `call_fib4_notifiers`: the FIB notifier chain, in registration order of its listeners.
    mutating func fibNotify(_ event: FibEvent) {
        nsimFibEvent(event)
        mlx5LagFibEvent(event)
    }

    mutating func addRoute(_ requested: Route, replace: Bool) throws(DevlinkError) {
        // fib_valid_key_len.
        guard !requested.prefix.hasHostBits else { throw DevlinkError(.EINVAL, "Invalid prefix for given prefix length") }
        // No device and no gateway: fib_check_nh_nongw finds no in_device for ifindex 0.
        guard !requested.nexthops.isEmpty else { throw DevlinkError(.ENODEV) }
        var route = requested
        for i in route.nexthops.indices { try checkNexthop(&route.nexthops[i], scope: route.scope) }

        let prefix = route.prefix
        let same = links.fib.aliases(of: prefix).first { links.fib.routes[$0].metric == route.metric }
        let first = links.fib.aliases(of: prefix).first
        if let same {
            // fib_table_insert: an alias with the same tos and priority exists.
            guard replace else { throw DevlinkError(.EEXIST) }
            links.fib.routes[same] = route
            if same == first { fibNotify(.entryReplace(prefix: prefix, info: FibInfoKey(route))) }
            return
        }
        let at = links.fib.insertionIndex(prefix, metric: route.metric)
        links.fib.routes.insert(route, at: at)
        // Notified only when the new alias is the first of its prefix (the one used for forwarding).
        if links.fib.aliases(of: prefix).first == at { fibNotify(.entryReplace(prefix: prefix, info: FibInfoKey(route))) }
    }

    /// `fib_check_nh` for one path: the device must exist and be up; a gateway must be reachable
    /// (the emulator's interfaces have no IPv4 addresses, so only `onlink` gateways are); no carrier
    /// marks the path `linkdown`.
    private func checkNexthop(_ nh: inout RouteNexthop, scope: UInt8) throws(DevlinkError) {
        guard let netdev = netdevs[nh.device] else { throw DevlinkError(.ENODEV, "Cannot find device \"\(nh.device)\"") }
        guard (1...256).contains(nh.weight) else { throw DevlinkError(.EINVAL, "Invalid nexthop weight") }
        nh.dead = false
        nh.linkdown = false
        if let gateway = nh.gateway {
            // fib_check_nh_v4_gw.
            guard nh.onlink else {
                // fib_lookup of the gateway finds no route (no addresses, so no connected routes):
                // its -ENETUNREACH goes back with the extack (the 6.12 guest answers errno 101).
                throw DevlinkError(.ENETUNREACH, "Nexthop has invalid gateway")
            }
            guard scope < RouteScope.link else { throw DevlinkError(.EINVAL, "Nexthop has invalid scope") }
            guard netdev.adminUp else { throw DevlinkError(.ENETDOWN, "Nexthop device is not up") }
            // inet_addr_type_dev_table: zeronet/broadcast, multicast and loopback are not RTN_UNICAST.
            let top = gateway.value >> 24
            guard top != 0, top != 127, !(224...255).contains(top) else {
                throw DevlinkError(.EINVAL, "Nexthop has invalid gateway")
            }
        } else {
            // fib_check_nh_nongw.
            guard !nh.onlink else {
                throw DevlinkError(.EINVAL, "Invalid flags for nexthop - PERVASIVE and ONLINK can not be set")
            }
            guard netdev.adminUp else { throw DevlinkError(.ENETDOWN, "Device for nexthop is not up") }
        }
        nh.linkdown = !netdev.carrier
    }

    mutating func deleteRoute(_ selector: RouteSelector) throws(DevlinkError) {
        guard !selector.prefix.hasHostBits else { throw DevlinkError(.EINVAL, "Invalid prefix for given prefix length") }
        let aliases = links.fib.aliases(of: selector.prefix)
        guard let victim = aliases.first(where: { matches(links.fib.routes[$0], selector) }) else {
            throw DevlinkError(.ESRCH)
        }
        removeRoute(at: victim)
    }

    /// `fib_nh_match`: an absent metric or path matches anything; given paths are compared with the
    /// route's in order (a single one with the first path).
    private func matches(_ route: Route, _ selector: RouteSelector) -> Bool {
        if let metric = selector.metric, metric != route.metric { return false }
        if selector.nexthops.isEmpty { return true }
        if selector.nexthops.count > 1, selector.nexthops.count != route.nexthops.count { return false }
        for (want, have) in zip(selector.nexthops, route.nexthops) {
            if want.device != have.device { return false }
            if let gw = want.gateway, gw != have.gateway { return false }
        }
        return true
    }

    /// Unlinks an alias and notifies as `fib_notify_alias_delete`: only when it was its prefix's
    /// first alias; then the next alias of the prefix replaces it, or the entry is deleted.
    mutating func removeRoute(at index: Int) {
        let route = links.fib.routes[index]
        let wasFirst = links.fib.aliases(of: route.prefix).first == index
        links.fib.routes.remove(at: index)
        guard wasFirst else { return }
        if let next = links.fib.aliases(of: route.prefix).first {
            fibNotify(.entryReplace(prefix: route.prefix, info: FibInfoKey(links.fib.routes[next])))
        } else {
            fibNotify(.entryDelete(prefix: route.prefix, info: FibInfoKey(route)))
        }
    }
}

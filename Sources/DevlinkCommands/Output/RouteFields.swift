import DevlinkModel

/// The flag words iproute2's `print_rt_flags` / `print_rta_multipath` print, in its order.
enum RouteFields {
    /// RTNH_F_* of one path: dead, onlink, ..., linkdown.
    static func nexthopFlags(_ nh: RouteNexthop) -> [String] {
        var flags: [String] = []
        if nh.dead { flags.append("dead") }
        if nh.onlink { flags.append("onlink") }
        if nh.linkdown { flags.append("linkdown") }
        return flags
    }

    /// `rtm_flags` of the route: a single-path route carries its path's flags (`fib_dump_info`);
    /// a multipath route carries them per path only.
    static func routeFlags(_ r: Route) -> [String] {
        var flags: [String] = []
        if !r.isMultipath, let nh = r.nexthops.first { flags = nexthopFlags(nh) }
        if r.trap { flags.append("rt_trap") }
        return flags
    }
}

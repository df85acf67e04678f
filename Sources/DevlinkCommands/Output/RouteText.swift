import DevlinkModel

/// `ip route show` text (iproute2 6.1 `print_route`): `DST [via GW] [dev IF] [proto P] [scope S]
/// [metric N] FLAGS`, each item followed by a space, then one `\tnexthop ...` line per path of a
/// multipath route. `proto boot` and scope `global` are left out, as ip leaves them out.
enum RouteText {
    static func format(_ routes: [Route]) -> String {
        routes.map(line).joined()
    }

    static func line(_ r: Route) -> String {
        var out = r.prefix.description + " "
        if !r.isMultipath, let nh = r.nexthops.first {
            if let gw = nh.gateway { out += "via \(gw) " }
            out += "dev \(nh.device) "
        }
        if r.protocolNumber != RouteProtocol.boot { out += "proto \(RouteProtocol.name(r.protocolNumber)) " }
        if r.scope != RouteScope.universe { out += "scope \(RouteScope.name(r.scope)) " }
        if r.metric != 0 { out += "metric \(r.metric) " }
        for flag in RouteFields.routeFlags(r) { out += flag + " " }
        if r.isMultipath {
            for nh in r.nexthops {
                out += "\n\tnexthop "
                if let gw = nh.gateway { out += "via \(gw) " }
                out += "dev \(nh.device) weight \(nh.weight) "
                for flag in RouteFields.nexthopFlags(nh) { out += flag + " " }
            }
        }
        return out + "\n"
    }
}

import DevlinkModel

/// `ip -j route show`: one array of objects with ip's keys, absent where ip leaves a field out
/// (`metric` 0, scope `global`, protocol `boot`); `flags` always present.
enum RouteJSON {
    static func write(_ routes: [Route], into w: inout IPJSONWriter) {
        w.beginArray()
        for r in routes {
            w.beginObject()
            w.name("dst")
            w.string(r.prefix.description)
            if !r.isMultipath, let nh = r.nexthops.first {
                if let gw = nh.gateway { w.name("gateway"); w.string(gw.description) }
                w.name("dev")
                w.string(nh.device)
            }
            if r.protocolNumber != RouteProtocol.boot { w.name("protocol"); w.string(RouteProtocol.name(r.protocolNumber)) }
            if r.scope != RouteScope.universe { w.name("scope"); w.string(RouteScope.name(r.scope)) }
            if r.metric != 0 { w.name("metric"); w.raw(String(r.metric)) }
            flags(RouteFields.routeFlags(r), &w)
            if r.isMultipath {
                w.name("nexthops")
                w.beginArray()
                for nh in r.nexthops {
                    w.beginObject()
                    if let gw = nh.gateway { w.name("gateway"); w.string(gw.description) }
                    w.name("dev")
                    w.string(nh.device)
                    w.name("weight")
                    w.raw(String(nh.weight))
                    flags(RouteFields.nexthopFlags(nh), &w)
                    w.endObject()
                }
                w.endArray()
            }
            w.endObject()
        }
        w.endArray()
    }

    private static func flags(_ list: [String], _ w: inout IPJSONWriter) {
        w.name("flags")
        w.beginArray()
        for f in list { w.string(f) }
        w.endArray()
    }
}

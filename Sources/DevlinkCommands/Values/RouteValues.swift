import DevlinkModel
import DLSLanguage

/// Routes as dls values, with `ip -j route`'s keys (`dst`, `gateway`, `dev`, `protocol`, `scope`,
/// `metric`, `flags`, `nexthops` with `gateway`, `dev`, `weight`, `flags`), and the `routes()` builtin.
enum RouteValues {
    static func value(_ r: Route) -> Value {
        let m = MapObject()
        m.entries[.string("dst")] = .string(r.prefix.description)
        if !r.isMultipath, let nh = r.nexthops.first {
            m.entries[.string("gateway")] = nh.gateway.map { .string($0.description) } ?? .null
            m.entries[.string("dev")] = .string(nh.device)
        }
        m.entries[.string("protocol")] = .string(RouteProtocol.name(r.protocolNumber))
        m.entries[.string("scope")] = .string(RouteScope.name(r.scope))
        m.entries[.string("metric")] = .int(Int(r.metric))
        m.entries[.string("flags")] = .list(ListObject(RouteFields.routeFlags(r).map { .string($0) }))
        m.entries[.string("nexthops")] = .list(ListObject(r.nexthops.map(nexthop)))
        return .map(m)
    }

    static func nexthop(_ nh: RouteNexthop) -> Value {
        let m = MapObject()
        m.entries[.string("gateway")] = nh.gateway.map { .string($0.description) } ?? .null
        m.entries[.string("dev")] = .string(nh.device)
        m.entries[.string("weight")] = .int(nh.weight)
        m.entries[.string("flags")] = .list(ListObject(RouteFields.nexthopFlags(nh).map { .string($0) }))
        return .map(m)
    }

    static func builtins(_ runner: CommandRunner) -> [NativeFunction] {
        [
            NativeFunction("routes", arity: 0...0) { _ in
                guard let s = runner.session.linkSession else {
                    throw DevlinkHost.failure(FailureReport(ClientError("This backend has no bond or link support.", errno: .EOPNOTSUPP)))
                }
                return .list(ListObject(try QueryBuiltins.call { try s.routes() }.map(value)))
            },
        ]
    }
}

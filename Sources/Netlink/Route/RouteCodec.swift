import DevlinkModel

// IPv4 routes over rtnetlink (include/uapi/linux/rtnetlink.h): `struct rtmsg` (12 bytes) then RTA_*
// attributes; a multipath route carries RTA_MULTIPATH, a run of `struct rtnexthop` (len u16, flags
// u8, hops u8, ifindex s32), each followed by its own attributes (RTA_GATEWAY). Requests are
// encoded as iproute2 6.1's `ip route` encodes them.

public enum RouteAttr {
    public static let dst: UInt16 = 1
    public static let oif: UInt16 = 4
    public static let gateway: UInt16 = 5
    public static let priority: UInt16 = 6
    public static let prefsrc: UInt16 = 7
    public static let multipath: UInt16 = 9
    public static let table: UInt16 = 15
}

/// RTNH_F_* (per path; a single-path route has them in `rtm_flags`).
public enum NexthopFlag {
    public static let dead: UInt8 = 1
    public static let onlink: UInt8 = 4
    public static let linkdown: UInt8 = 16
}

/// RTM_F_TRAP in `rtm_flags`: a driver traps the route in hardware (`rt_trap`).
let routeTrapFlag: UInt32 = 0x8000

let afInet: UInt8 = 2
let mainTable: UInt8 = 254
let unicastType: UInt8 = 1
/// RT_SCOPE_NOWHERE: what `ip route del` asks for (any scope matches).
let scopeNowhere: UInt8 = 255

/// A route as the kernel describes it: interfaces by index.
public struct KernelRoute: Equatable, Sendable {
    public struct Path: Equatable, Sendable {
        public var ifindex: Int32
        public var gateway: IPv4Address?
        /// rtnh_hops + 1.
        public var weight: Int
        public var flags: UInt8
    }

    public var family: UInt8
    public var prefix: IPv4Prefix
    public var table: UInt32
    public var protocolNumber: UInt8
    public var scope: UInt8
    public var type: UInt8
    public var flags: UInt32
    public var metric: UInt32
    public var preferredSource: IPv4Address?
    /// One for a single-path route (RTA_OIF / RTA_GATEWAY), else the RTA_MULTIPATH entries.
    public var paths: [Path]
    public var multipath: Bool
}

extension RouteLinkRequest {
    static func rtmsg(dstLength: UInt8, table: UInt8, protocolNumber: UInt8, scope: UInt8, type: UInt8, flags: UInt32) -> [UInt8] {
        var b: [UInt8] = [afInet, dstLength, 0, 0, table, protocolNumber, scope, type]
        Bytes.append(flags, to: &b)
        return b
    }

    /// `ip route add|replace` (NLM_F_CREATE with NLM_F_EXCL or NLM_F_REPLACE). A route written
    /// without `nexthop` groups (one path) is RTA_GATEWAY + RTA_OIF with its onlink flag in
    /// `rtm_flags`; otherwise the paths go in RTA_MULTIPATH. `ifindex` resolves interface names.
    public static func newRoute(_ route: Route, multipathSyntax: Bool, replace: Bool, ifindex: (String) -> Int32) -> RouteLinkRequest {
        let single = !multipathSyntax && route.nexthops.count == 1
        let flags: UInt32 = single && route.nexthops[0].onlink ? UInt32(NexthopFlag.onlink) : 0
        var w = AttributeWriter(markNested: false)
        w.putBE32(RouteAttr.dst, route.prefix.address.value)
        if route.metric != 0 { w.putU32(RouteAttr.priority, route.metric) }
        if single {
            let nh = route.nexthops[0]
            if let gw = nh.gateway { w.putBE32(RouteAttr.gateway, gw.value) }
            w.putU32(RouteAttr.oif, UInt32(bitPattern: ifindex(nh.device)))
        } else {
            w.put(RouteAttr.multipath, multipathPayload(route.nexthops, ifindex: ifindex))
        }
        let header = rtmsg(dstLength: route.prefix.length, table: mainTable, protocolNumber: route.protocolNumber,
                           scope: route.scope, type: unicastType, flags: flags)
        return RouteLinkRequest(type: RouteMessage.newRoute, flags: replace ? [.create, .replace] : [.create, .exclusive],
                                payload: header + w.bytes)
    }

    /// `ip route del PREFIX [metric N] [paths]`: protocol and type 0 and scope NOWHERE match any route.
    public static func deleteRoute(_ selector: RouteSelector, ifindex: (String) -> Int32) -> RouteLinkRequest {
        var w = AttributeWriter(markNested: false)
        w.putBE32(RouteAttr.dst, selector.prefix.address.value)
        if let metric = selector.metric { w.putU32(RouteAttr.priority, metric) }
        if selector.nexthops.count == 1 {
            let nh = selector.nexthops[0]
            if let gw = nh.gateway { w.putBE32(RouteAttr.gateway, gw.value) }
            w.putU32(RouteAttr.oif, UInt32(bitPattern: ifindex(nh.device)))
        } else if selector.nexthops.count > 1 {
            w.put(RouteAttr.multipath, multipathPayload(selector.nexthops, ifindex: ifindex))
        }
        let header = rtmsg(dstLength: selector.prefix.length, table: mainTable, protocolNumber: 0, scope: scopeNowhere, type: 0, flags: 0)
        return RouteLinkRequest(type: RouteMessage.delRoute, flags: [], payload: header + w.bytes)
    }

    /// `ip route show`: an IPv4 dump, restricted to the main table by RTA_TABLE (honoured under strict
    /// checking; the caller filters again for kernels that ignore it). `rtm_table` stays 0, as ip sends it.
    public static func dumpRoutes() -> RouteLinkRequest {
        var w = AttributeWriter(markNested: false)
        w.putU32(RouteAttr.table, UInt32(mainTable))
        return RouteLinkRequest(type: RouteMessage.getRoute, flags: .dump,
                                payload: rtmsg(dstLength: 0, table: 0, protocolNumber: 0, scope: 0, type: 0, flags: 0) + w.bytes)
    }

    static func multipathPayload(_ nexthops: [RouteNexthop], ifindex: (String) -> Int32) -> [UInt8] {
        var out: [UInt8] = []
        for nh in nexthops {
            var attrs = AttributeWriter(markNested: false)
            if let gw = nh.gateway { attrs.putBE32(RouteAttr.gateway, gw.value) }
            Bytes.append(UInt16(8 + attrs.bytes.count), to: &out)
            out.append(nh.onlink ? NexthopFlag.onlink : 0)
            out.append(UInt8(max(0, min(255, nh.weight - 1))))
            Bytes.append(ifindex(nh.device), to: &out)
            out += attrs.bytes
        }
        return out
    }
}

extension KernelRoute {
    /// Whether `ip route show` lists it: an IPv4 unicast route of the main table.
    public var isMainUnicast: Bool { family == afInet && table == UInt32(mainTable) && type == unicastType }

    /// The model's route, interface indexes named by `names`.
    public func model(names: [Int32: String]) -> Route {
        var route = Route(prefix: prefix, metric: metric, protocolNumber: protocolNumber, scope: scope,
              nexthops: paths.map { p in
                  RouteNexthop(gateway: p.gateway, device: names[p.ifindex] ?? "if\(p.ifindex)", weight: p.weight,
                               onlink: p.flags & NexthopFlag.onlink != 0, dead: p.flags & NexthopFlag.dead != 0,
                               linkdown: p.flags & NexthopFlag.linkdown != 0)
              },
              trap: flags & routeTrapFlag != 0)
        route.preferredSource = preferredSource
        return route
    }
}

public enum RouteDecoder {
    /// An RTM_NEWROUTE message (dump reply or notification).
    public static func route(_ m: NetlinkMessage) throws -> KernelRoute {
        let p = m.payload
        guard p.count >= 12 else { throw NetlinkError.truncated("rtmsg (\(p.count) bytes)") }
        let a = try m.attributes(after: 12)
        let dst = try a[RouteAttr.dst]?.be32() ?? 0
        var r = KernelRoute(family: p[0], prefix: IPv4Prefix(IPv4Address(dst), length: p[1]),
                            table: try a[RouteAttr.table]?.u32() ?? UInt32(p[4]), protocolNumber: p[5], scope: p[6], type: p[7],
                            flags: try Bytes.read(UInt32.self, p, at: 8), metric: try a[RouteAttr.priority]?.u32() ?? 0,
                            preferredSource: (try a[RouteAttr.prefsrc]?.be32()).map(IPv4Address.init), paths: [], multipath: false)
        if let mp = a[RouteAttr.multipath]?.payload {
            r.multipath = true
            var at = 0
            while at + 8 <= mp.count {
                let length = Int(try Bytes.read(UInt16.self, mp, at: at))
                guard length >= 8, at + length <= mp.count else { throw NetlinkError.truncated("rtnexthop") }
                let inner = try AttributeList(parsing: Array(mp[(at + 8)..<(at + length)]))
                r.paths.append(KernelRoute.Path(ifindex: try Bytes.read(Int32.self, mp, at: at + 4),
                                                gateway: (try inner[RouteAttr.gateway]?.be32()).map(IPv4Address.init),
                                                weight: Int(mp[at + 3]) + 1, flags: mp[at + 2]))
                at += (length + 3) & ~3
            }
        } else if let oif = try a[RouteAttr.oif]?.s32() {
            r.paths = [KernelRoute.Path(ifindex: oif, gateway: (try a[RouteAttr.gateway]?.be32()).map(IPv4Address.init),
                                        weight: 1, flags: UInt8(truncatingIfNeeded: r.flags))]
        }
        return r
    }
}

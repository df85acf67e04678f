import Testing
import DevlinkModel
@testable import DevlinkCommands
@testable import Netlink

/// IPv4 route requests against what iproute2 `ip` sent to the 6.12 guest, and the kernel's dumps
/// decoded and printed as `ip route` printed them (Tests/Fixtures/netlink/route-*.nl).
@Suite struct RouteCodecTests {
    /// eth0 and eth1 of netdevsim1 were ifindex 2 and 3 in the captured guest.
    static let index: [String: Int32] = ["eth0": 2, "eth1": 3]
    static let names: [Int32: String] = [2: "eth0", 3: "eth1"]

    static func p(_ text: String) -> IPv4Prefix { IPv4Prefix(parsing: text)! }
    static func gw(_ text: String) -> IPv4Address { IPv4Address(parsing: text)! }

    func expectSame(_ ours: RouteLinkRequest, _ fixture: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let theirs = try #require(try Fixture.load(fixture).exchanges(familyType: ours.type).last?.request, sourceLocation: sourceLocation)
        #expect(theirs.header.flags == ours.flags.union([.request, .ack]), "flags", sourceLocation: sourceLocation)
        #expect(theirs.payload == ours.payload, "rtmsg and attributes", sourceLocation: sourceLocation)
    }

    func add(_ route: Route, nexthopSyntax: Bool = false, replace: Bool = false) -> RouteLinkRequest {
        .newRoute(route, multipathSyntax: nexthopSyntax, replace: replace) { Self.index[$0] ?? 0 }
    }

    @Test func addRequestsAreBytewiseIp() throws {
        let ecmp = Route(prefix: Self.p("198.51.100.0/24"), nexthops: [RouteNexthop(device: "eth0"), RouteNexthop(device: "eth1")])
        try expectSame(add(ecmp, nexthopSyntax: true), "route-add-multipath")
        try expectSame(add(Route(prefix: Self.p("203.0.113.0/24"), metric: 10, scope: RouteScope.link,
                                 nexthops: [RouteNexthop(device: "eth0")])), "route-add-single")
        try expectSame(add(Route(prefix: Self.p("192.0.2.128/25"), nexthops: [
            RouteNexthop(gateway: Self.gw("10.1.1.1"), device: "eth0", weight: 2, onlink: true),
            RouteNexthop(gateway: Self.gw("10.1.1.2"), device: "eth1", weight: 3, onlink: true),
        ]), nexthopSyntax: true), "route-add-weights")
        try expectSame(add(Route(prefix: Self.p("192.0.2.0/26"), nexthops: [RouteNexthop(device: "eth1")]), nexthopSyntax: true),
                       "route-add-one-nexthop")
        try expectSame(add(Route(prefix: Self.p("198.51.100.0/24"), metric: 5,
                                 nexthops: [RouteNexthop(device: "eth1"), RouteNexthop(device: "eth0")]), nexthopSyntax: true),
                       "route-add-metric-multipath")
        try expectSame(add(Route(prefix: Self.p("198.51.100.0/24"),
                                 nexthops: [RouteNexthop(device: "eth0", weight: 4), RouteNexthop(device: "eth1")]),
                           nexthopSyntax: true, replace: true), "route-replace")
    }

    @Test func deleteAndDumpRequests() throws {
        try expectSame(.deleteRoute(RouteSelector(prefix: Self.p("198.51.100.0/24"))) { Self.index[$0] ?? 0 }, "route-del")
        try expectSame(.deleteRoute(RouteSelector(prefix: Self.p("198.51.100.0/24"), metric: 5)) { Self.index[$0] ?? 0 }, "route-del-metric")
        // ip dumps without NLM_F_ACK.
        let dump = try #require(try Fixture.load("route-show-all").exchanges(familyType: RouteMessage.getRoute).first?.request)
        #expect(dump.header.flags == NetlinkFlags.dump.union(.request))
        #expect(dump.payload == RouteLinkRequest.dumpRoutes().payload)
    }

    /// The dump replies of a fixture, decoded and printed by dls.
    static func printed(_ fixture: String, json: Bool = false, only prefix: IPv4Prefix? = nil) throws -> String {
        let f = try Fixture.load(fixture)
        let ex = try #require(try f.exchanges(familyType: RouteMessage.getRoute).first)
        let routes = try ex.replies.filter { $0.header.type == RouteMessage.newRoute }.map(RouteDecoder.route)
            .filter(\.isMainUnicast).map { $0.model(names: names) }.filter { prefix == nil || $0.prefix == prefix }
        guard json else { return RouteText.format(routes) }
        var w = IPJSONWriter(pretty: false)
        RouteJSON.write(routes, into: &w)
        return w.finish()
    }

    @Test func dumpsPrintAsIpPrintedThem() throws {
        for name in ["route-show-empty", "route-show-multipath", "route-show-all", "route-show-prefix", "route-show-link-down",
                     "route-show-link-up", "route-show-replaced", "route-show-after-del", "route-flush-show"] {
            // `ip route show PREFIX` filters the dump itself, as `route show PREFIX` does.
            let only = name == "route-show-prefix" ? Self.p("198.51.100.0/24") : nil
            let text = try Self.printed(name, only: only)
            #expect(text == (try Fixture.load(name)).output, "\(name)")
        }
        for name in ["route-show-multipath-json", "route-show-all-json", "route-show-link-down-json"] {
            #expect(try Self.printed(name, json: true) == (try Fixture.load(name)).output, "\(name)")
        }
    }

    @Test func kernelErrorsAsIpPrintsThem() throws {
        // libnetlink's rtnl_talk_error: the extack with a final '.', else "RTNETLINK answers: STRERROR".
        for (name, errno, message) in [("err-route-exists", 17, nil), ("err-route-gateway", 101, "Nexthop has invalid gateway"),
                                       ("err-route-host-bits", 22, "Invalid prefix for given prefix length"),
                                       ("err-route-dev-down", 100, "Device for nexthop is not up"),
                                       ("err-route-del-missing", 3, nil)] as [(String, Int32, String?)] {
            let f = try Fixture.load(name)
            let type = name == "err-route-del-missing" ? RouteMessage.delRoute : RouteMessage.newRoute
            let ex = try #require(try f.exchanges(familyType: type).last)
            var c = ReplyCollector(sequence: ex.request.header.sequence, isDump: false)
            #expect(throws: NetlinkError.kernel(KernelError(errno: errno, message: message)), "\(name)") {
                for r in ex.replies { try c.consume(r) }
            }
            // And dls's report of the same refusal reads as ip's stderr.
            let report = #expect(throws: ClientError.self) { try RouteActions.kernel { throw DevlinkError(Errno(number: errno), message) } }
            #expect(report.map { $0.lines.joined(separator: "\n") + "\n" } == f.output, "\(name)")
        }
    }

    /// What a real host's table holds besides dls's routes (not in the guest, which has no addresses):
    /// connected and DHCP routes, printed as ip prints them.
    @Test func kernelAndDhcpRoutesPrintWithTheirSource() throws {
        func message(dst: String, length: UInt8, proto: UInt8, scope: UInt8, gateway: String?, src: String, metric: UInt32?) throws -> NetlinkMessage {
            var w = AttributeWriter(markNested: false)
            if length > 0 { w.putBE32(RouteAttr.dst, Self.gw(dst).value) }
            if let metric { w.putU32(RouteAttr.priority, metric) }
            w.putBE32(RouteAttr.prefsrc, Self.gw(src).value)
            if let gateway { w.putBE32(RouteAttr.gateway, Self.gw(gateway).value) }
            w.putU32(RouteAttr.oif, 2)
            w.putU32(RouteAttr.table, 254)
            let header = RouteLinkRequest.rtmsg(dstLength: length, table: 254, protocolNumber: proto, scope: scope, type: 1, flags: 0)
            return NetlinkMessage(header: NetlinkHeader(type: RouteMessage.newRoute, flags: []), payload: header + w.bytes)
        }
        let routes = try [
            message(dst: "0.0.0.0", length: 0, proto: 16, scope: 0, gateway: "192.168.1.1", src: "192.168.1.10", metric: 100),
            message(dst: "192.168.1.0", length: 24, proto: 2, scope: 253, gateway: nil, src: "192.168.1.10", metric: nil),
        ].map { try RouteDecoder.route($0).model(names: Self.names) }
        #expect(RouteText.format(routes) == """
            default via 192.168.1.1 dev eth0 proto dhcp src 192.168.1.10 metric 100 \n\
            192.168.1.0/24 dev eth0 proto kernel scope link src 192.168.1.10 \n
            """)
        var w = IPJSONWriter(pretty: false)
        RouteJSON.write(routes, into: &w)
        #expect(w.finish() == #"[{"dst":"default","gateway":"192.168.1.1","dev":"eth0","protocol":"dhcp","prefsrc":"192.168.1.10","metric":100,"flags":[]},{"dst":"192.168.1.0/24","dev":"eth0","protocol":"kernel","scope":"link","prefsrc":"192.168.1.10","flags":[]}]"# + "\n")
    }
}

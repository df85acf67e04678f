import DevlinkEmulator
import DevlinkModel
import Testing

/// The emulator's IPv4 main table against what the 6.12 guest answered (Tests/Fixtures/netlink/
/// route-*.nl, err-route-*.nl): errors, order, and what a device going down does to routes.
@Suite struct FibTableTests {
    static func p(_ text: String) -> IPv4Prefix { IPv4Prefix(parsing: text)! }

    /// The netdevsim topology with both ports up (as the fixtures' guest had them).
    static func nsim() throws -> EmulatedSession {
        let s = try EmulatedSession(topology: .netdevsim)
        for n in ["eth0", "eth1"] { try s.setLink(n, up: true) }
        return s
    }

    static func expect(_ errno: Errno, _ message: String?, sourceLocation: SourceLocation = #_sourceLocation,
                       _ body: () throws -> Void) {
        do {
            try body()
            Issue.record("no error", sourceLocation: sourceLocation)
        } catch let e as DevlinkError {
            #expect(e.errno == errno && e.message == message, "\(e)", sourceLocation: sourceLocation)
        } catch {
            Issue.record("\(error)", sourceLocation: sourceLocation)
        }
    }

    @Test func kernelErrorsChangeNothing() throws {
        let s = try Self.nsim()
        let ecmp = Route(prefix: Self.p("198.51.100.0/24"), nexthops: [RouteNexthop(device: "eth0"), RouteNexthop(device: "eth1")])
        try s.addRoute(ecmp)
        let before = try s.routes()
        Self.expect(.EEXIST, nil) { try s.addRoute(ecmp) }
        Self.expect(.EINVAL, "Invalid prefix for given prefix length") {
            try s.addRoute(Route(prefix: Self.p("192.0.2.65/26"), scope: RouteScope.link, nexthops: [RouteNexthop(device: "eth1")]))
        }
        Self.expect(.ENETUNREACH, "Nexthop has invalid gateway") {
            try s.addRoute(Route(prefix: Self.p("192.0.2.64/26"), nexthops: [RouteNexthop(gateway: IPv4Address(parsing: "10.9.9.9"), device: "eth0"),
                                                                              RouteNexthop(device: "eth1")]))
        }
        Self.expect(.ESRCH, nil) { try s.deleteRoute(RouteSelector(prefix: Self.p("198.51.100.0/24"), metric: 7)) }
        Self.expect(.ENODEV, "Cannot find device \"nosuch\"") {
            try s.addRoute(Route(prefix: Self.p("192.0.2.0/24"), nexthops: [RouteNexthop(device: "nosuch")]))
        }
        #expect(try s.routes() == before)
        try s.setLink("eth0", up: false)
        Self.expect(.ENETDOWN, "Device for nexthop is not up") {
            try s.addRoute(Route(prefix: Self.p("192.0.2.64/26"), scope: RouteScope.link, nexthops: [RouteNexthop(device: "eth0")]))
        }
        Self.expect(.ENETDOWN, "Nexthop device is not up") {
            try s.addRoute(Route(prefix: Self.p("192.0.2.64/26"),
                                 nexthops: [RouteNexthop(gateway: IPv4Address(parsing: "10.1.1.1"), device: "eth0", onlink: true)]))
        }
    }

    @Test func dumpOrderIsTrieOrderThenMetric() throws {
        let s = try Self.nsim()
        for (prefix, metric) in [("203.0.113.0/24", 10), ("198.51.100.0/24", 5), ("192.0.2.0/26", 0), ("198.51.100.0/24", 0),
                                 ("198.51.100.0/25", 0)] {
            try s.addRoute(Route(prefix: Self.p(prefix), metric: UInt32(metric), nexthops: [RouteNexthop(device: "eth1")]))
        }
        #expect(try s.routes().map { "\($0.prefix) \($0.metric)" }
                == ["192.0.2.0/26 0", "198.51.100.0/25 0", "198.51.100.0/24 0", "198.51.100.0/24 5", "203.0.113.0/24 10"])
    }

    @Test func deviceDownKillsPathsAndFlushesDeadRoutes() throws {
        let s = try Self.nsim()
        try s.addRoute(Route(prefix: Self.p("198.51.100.0/24"), nexthops: [RouteNexthop(device: "eth0"), RouteNexthop(device: "eth1")]))
        try s.addRoute(Route(prefix: Self.p("203.0.113.0/24"), metric: 10, scope: RouteScope.link, nexthops: [RouteNexthop(device: "eth0")]))
        try s.setLink("eth0", up: false)
        let routes = try s.routes()
        #expect(routes.map(\.prefix.description) == ["198.51.100.0/24"])
        #expect(routes[0].nexthops.map { [$0.dead, $0.linkdown] } == [[true, true], [false, false]])
        // netdevsim: no carrier after nsim_stop, so the path comes back alive but linkdown.
        try s.setLink("eth0", up: true)
        #expect(try s.routes()[0].nexthops.map { [$0.dead, $0.linkdown] } == [[false, true], [false, false]])
    }

    @Test func netdevsimTrapsTheFirstRouteOfEachPrefix() throws {
        let s = try Self.nsim()
        try s.addRoute(Route(prefix: Self.p("198.51.100.0/24"), nexthops: [RouteNexthop(device: "eth0"), RouteNexthop(device: "eth1")]))
        try s.addRoute(Route(prefix: Self.p("198.51.100.0/24"), metric: 5, nexthops: [RouteNexthop(device: "eth1"), RouteNexthop(device: "eth0")]))
        #expect(try s.routes().map(\.trap) == [true, false])
        // Deleting the first announces the next one (ENTRY_REPLACE), which netdevsim traps.
        try s.deleteRoute(RouteSelector(prefix: Self.p("198.51.100.0/24")))
        #expect(try s.routes().map(\.trap) == [true])
        // mlx5 offloads no routes.
        let mlx5 = try EmulatedSession()
        try mlx5.setLink("enp6s0f0np0", up: true)
        try mlx5.addRoute(Route(prefix: Self.p("198.51.100.0/24"), scope: RouteScope.link, nexthops: [RouteNexthop(device: "enp6s0f0np0")]))
        #expect(try mlx5.routes().map(\.trap) == [false])
    }
}

import DevlinkEmulator
import DevlinkModel
import Testing

/// mlx5 multipath LAG (lag/mp.c, Linux 6.12): ECMP routes over the two uplinks (lag.md §1.11).
@Suite struct LagMultipathTests {
    static let prefix = IPv4Prefix(parsing: "198.51.100.0/24")!

    /// Both PFs in switchdev, both uplinks up.
    static func uplinks(caps: [String: UInt64] = [:], legacy: Bool = false, up: Bool = true) throws -> EmulatedSession {
        let s = try Lag.session(caps: caps)
        if !legacy { for d in [H.pf0, H.pf1] { try s.setEswitch(d, EswitchChanges(mode: .switchdev)) } }
        if up { for p in [Lag.p0, Lag.p1] { try s.setLink(p, up: true) } }
        try s.settle()
        return s
    }

    static func ecmp(_ devices: [String] = [Lag.p0, Lag.p1], prefix: IPv4Prefix = prefix, metric: UInt32 = 0) -> Route {
        Route(prefix: prefix, metric: metric, nexthops: devices.map { RouteNexthop(device: $0) })
    }

    static func lagLines(_ s: EmulatedSession) -> [String] {
        let prefix = "mlx5_core 0000:06:00.0: "
        return s.kernelLog.filter { $0.hasPrefix(prefix) }.map { String($0.dropFirst(prefix.count)) }
    }

    @Test func ecmpRouteOverBothUplinksActivatesMultipathLag() throws {
        let s = try Self.uplinks()
        try s.addRoute(Self.ecmp())
        // The notifier only queues the work: nothing happens before it runs.
        #expect(try Lag.lag(s).mode == .none)
        #expect(s.pendingWorkCount == 1)
        try s.settle()
        let lag = try Lag.lag(s)
        #expect(lag.mode == .multipath && lag.flags.isEmpty && lag.portSelectMode == .queueAffinity && lag.map == [1, 2])
        // No bond, no IB device change on this path (mlx5_lag_remove_devices is not called).
        #expect(lag.bond == nil && lag.rdmaDevices == ["mlx5_0", "mlx5_1"])
        let create = try #require(try s.firmwareLog(H.pf0).first)
        #expect(try Lag.opcodes(s) == ["CREATE_LAG"])
        #expect(create.context?.portSelectMode == .queueAffinity && create.context?.fdbSelectionMode == 0)
        #expect(create.context?.txRemapAffinity1 == 1 && create.context?.txRemapAffinity2 == 2)
        #expect(Self.lagLines(s) == ["lag map: port 1:1 port 2:2", "shared_fdb:0 mode:queue_affinity"])
    }

    @Test func pathLossMovesTrafficToThePeerAndBack() throws {
        let s = try Self.uplinks()
        try s.addRoute(Self.ecmp())
        try s.settle()
        try s.setLink(Lag.p0, up: false)       // NETDEV_DOWN: FIB_EVENT_NH_DEL for the path via p0
        try s.settle()
        #expect(try Lag.lag(s).map == [2, 2])
        try s.setLink(Lag.p0, up: true)        // NETDEV_UP: FIB_EVENT_NH_ADD, 2 paths: normal affinity
        try s.settle()
        #expect(try Lag.lag(s).map == [1, 2])
        try s.setLink(Lag.p1, up: false)
        try s.settle()
        #expect(try Lag.lag(s).map == [1, 1])
        let modifies = try s.firmwareLog(H.pf0).filter { $0.opcode == .modifyLag }
        #expect(modifies.map { [$0.context?.txRemapAffinity1, $0.context?.txRemapAffinity2] } == [[2, 2], [1, 2], [1, 1]])
        #expect(modifies.allSatisfy { $0.fieldSelect == 0x1 })
        #expect(Self.lagLines(s).suffix(3) == ["lag map: port 1:2 port 2:2", "lag map: port 1:1 port 2:2", "lag map: port 1:1 port 2:1"])
    }

    @Test func carrierLossAloneDoesNotMoveTheMap() throws {
        // NETDEV_CHANGE marks the path linkdown, but NH_DEL goes out only with ignore_routes_with_linkdown.
        let s = try Self.uplinks()
        try s.addRoute(Self.ecmp())
        try s.settle()
        try s.setCable(Lag.p0, plugged: false)
        try s.settle()
        #expect(try Lag.lag(s).map == [1, 2])
        #expect(try s.routes()[0].nexthops[0].linkdown && !(try s.routes()[0].nexthops[0].dead))
    }

    @Test func deletingTheRouteStopsTrackingButKeepsTheLag() throws {
        let s = try Self.uplinks()
        try s.addRoute(Self.ecmp())
        try s.settle()
        try s.deleteRoute(RouteSelector(prefix: Self.prefix))
        try s.settle()
        // 6.12: FIB_EVENT_ENTRY_DEL only clears mp->fib.mfi.
        #expect(try Lag.lag(s).mode == .multipath)
        #expect(try Lag.opcodes(s) == ["CREATE_LAG"])
        // No longer tracked: a path dying elsewhere does not touch the map.
        try s.addRoute(Self.ecmp(prefix: IPv4Prefix(parsing: "203.0.113.0/24")!))
        try s.settle()
        try s.setLink(Lag.p1, up: false)
        try s.settle()
        #expect(try Lag.lag(s).map == [1, 1])   // the new route is tracked instead
        // An eswitch mode change ends it (mlx5_lag_disable_change): DESTROY_LAG.
        try s.setEswitch(H.pf1, EswitchChanges(mode: .legacy))
        #expect(try Lag.lag(s).mode == .none)
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "MODIFY_LAG", "DESTROY_LAG"])
    }

    @Test func afterDeactivationTheNextRouteActivatesAgain() throws {
        let s = try Self.uplinks()
        try s.addRoute(Self.ecmp())
        try s.settle()
        try s.setEswitch(H.pf1, EswitchChanges(mode: .legacy))
        try s.setEswitch(H.pf1, EswitchChanges(mode: .switchdev))
        try s.settle()
        // mlx5_lag_mp_reset cleared the tracked route; the existing route sends no new event.
        #expect(try Lag.lag(s).mode == .none)
        try s.addRoute(Self.ecmp(), replace: true)
        try s.settle()
        #expect(try Lag.lag(s).mode == .multipath)
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "DESTROY_LAG", "CREATE_LAG"])
    }

    @Test func prerequisitesAreCheckedWhenTheEventArrives() throws {
        // Legacy PFs: mlx5_esw_multipath_prereq fails, nothing is queued.
        let legacy = try Self.uplinks(legacy: true)
        try legacy.addRoute(Self.ecmp())
        #expect(legacy.pendingWorkCount == 0)
        try legacy.settle()
        #expect(try Lag.lag(legacy).mode == .none)
        // A bond LAG is active: another mode excludes multipath.
        let bonded = try Lag.bonded(.activeBackup, session: try Self.uplinks(up: false))
        #expect(try Lag.lag(bonded).mode == .sriov)
        try bonded.addRoute(Self.ecmp())
        try bonded.settle()
        #expect(try Lag.lag(bonded).mode == .sriov)
    }

    @Test func bondEventsAreIgnoredWhileMultipathIsActive() throws {
        let s = try Self.uplinks()
        try s.addRoute(Self.ecmp())
        try s.settle()
        for p in [Lag.p0, Lag.p1] { try s.setLink(p, up: false) }
        _ = try Lag.bonded(.activeBackup, session: s)
        #expect(try Lag.lag(s).mode == .multipath)   // mlx5_do_bond returns early
    }

    @Test func routesThatDoNotQualify() throws {
        let s = try Self.uplinks()
        // Two paths on the same uplink: warned and ignored.
        try s.addRoute(Self.ecmp([Lag.p0, Lag.p0]))
        try s.settle()
        #expect(try Lag.lag(s).mode == .none)
        #expect(Self.lagLines(s).last == "Multipath offload doesn't support routes with multiple nexthops of the same device")
        // One path: only moves the affinity of an active LAG.
        try s.addRoute(Self.ecmp([Lag.p1], prefix: IPv4Prefix(parsing: "192.0.2.0/24")!))
        try s.settle()
        #expect(try Lag.lag(s).mode == .none)
        #expect(try s.firmwareLog(H.pf0).isEmpty)
    }

    @Test func singlePathRouteSetsTheAffinityOfAnActiveLag() throws {
        let s = try Self.uplinks()
        try s.addRoute(Self.ecmp())
        try s.settle()
        try s.addRoute(Self.ecmp([Lag.p1], prefix: IPv4Prefix(parsing: "192.0.2.0/24")!, metric: 0))
        try s.settle()
        // A lower metric than the tracked route's (0 >= 0 is "not better"): ignored.
        #expect(try Lag.lag(s).map == [1, 2])
        // The tracked prefix itself, replaced by a single path through p1: all to port 2.
        try s.addRoute(Self.ecmp([Lag.p1]), replace: true)
        try s.settle()
        #expect(try Lag.lag(s).map == [2, 2])
    }

    @Test func failedCreateLeavesTheLagOffAndTheRouteTracked() throws {
        let s = try Self.uplinks()
        s.injectFirmwareFault(.createLag, status: .badParameter, syndrome: 0x1234)
        try s.addRoute(Self.ecmp())
        try s.settle()
        #expect(try Lag.lag(s).mode == .none)
        #expect(Self.lagLines(s).contains("Failed to create LAG (-22)"))
        // mp.c ignores the error and tracks the route: a replace does not retry CREATE_LAG.
        try s.addRoute(Self.ecmp([Lag.p1, Lag.p0]), replace: true)
        try s.settle()
        #expect(try Lag.opcodes(s) == ["CREATE_LAG"])
    }

    @Test func mpeswAndMultipathExcludeEachOther() throws {
        // MPESW on: multipath's prerequisite (no other mode active) fails, the route is not followed.
        let s = try Self.uplinks(caps: LagMpeswTests.caps)
        try LagMpeswTests.setMpesw(s, true)
        try s.addRoute(Self.ecmp())
        try s.settle()
        #expect(try Lag.lag(s).mode == .mpesw)
        #expect(s.pendingWorkCount == 0)
        // Multipath on: enabling MPESW is EINVAL (mlx5_lag_mpesw_enable needs mode NONE).
        let m = try Self.uplinks(caps: LagMpeswTests.caps)
        try m.addRoute(Self.ecmp())
        try m.settle()
        #expect(try Lag.lag(m).mode == .multipath && Lag.lag(m).portSelectMode == .queueAffinity)
        #expect(throws: DevlinkError(.EINVAL)) { try LagMpeswTests.setMpesw(m, true) }
        #expect(try Lag.lag(m).mode == .multipath)
    }
}

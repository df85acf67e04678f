import DevlinkEmulator
import DevlinkModel
import Foundation
import Testing

/// Driver work on the emulator's clock (docs/emulator-clock.md): it falls due after its modelled
/// latency, a virtual clock moves only when told, the wall clock on its own.
@Suite struct EmulatorClockTests {
    func activeSF(_ s: EmulatedSession) throws -> PortHandle {
        let sf = try s.addPort(H.sfRequest(88)).handle
        try s.setPortFunction(sf, PortFunctionChanges(state: .active))
        return sf
    }

    func opstate(_ s: EmulatedSession, _ sf: PortHandle) throws -> FunctionOpState? {
        try s.port(sf).function?.opstate
    }

    @Test func sfAttachesWhenItsLatencyHasPassed() throws {
        let s = try mlx5Session()
        let sf = try activeSF(s)
        #expect(s.isVirtualClock && s.secondsUntilNextWork == 0.5)
        #expect(s.pass(seconds: 0.499, interrupted: { false }))
        #expect(try opstate(s, sf) == .detached)
        // Requests do not move a virtual clock: the work stays pending however many there are.
        for _ in 0..<10 { _ = try s.ports(of: nil) }
        #expect(try opstate(s, sf) == .detached)
        _ = s.pass(seconds: 0.001, interrupted: { false })
        #expect(try opstate(s, sf) == .attached)
        #expect(!s.hasPendingWork && s.clockSeconds == 0.5)
    }

    @Test func reactivationIsRefusedOnlyUntilTheDetachIsDone() throws {
        let s = try mlx5Session()
        let sf = try activeSF(s)
        try s.settle()
        try s.setPortFunction(sf, PortFunctionChanges(state: .inactive))
        // mlx5_sf_state_set: a SF in TEARDOWN_REQUEST (still attached) cannot be activated.
        expectError(.EBUSY, "mlx5_core: SF is inactivated but it is still attached") {
            try s.setPortFunction(sf, PortFunctionChanges(state: .active))
        }
        _ = s.pass(seconds: 0.2, interrupted: { false })
        #expect(try opstate(s, sf) == .detached)
        try s.setPortFunction(sf, PortFunctionChanges(state: .active))
        #expect(try s.port(sf).function?.state == .active)
    }

    @Test func workRunsInDueOrderNotQueueOrder() throws {
        let s = try mlx5Session()
        let first = try activeSF(s)                      // attach due at 0.5
        _ = s.pass(seconds: 0.4, interrupted: { false })
        let second = try s.addPort(H.sfRequest(89)).handle
        try s.setPortFunction(second, PortFunctionChanges(state: .active))   // attach due at 0.9
        try s.setPortFunction(first, PortFunctionChanges(state: .inactive))  // teardown due at 0.6
        _ = s.pass(seconds: 0.25, interrupted: { false })   // t = 0.65
        // The first SF's attach (due 0.5) found it torn down and did nothing; its detach (queued
        // last, due 0.6) ran before the second SF's attach (queued before it, due 0.9).
        #expect(try s.port(first).function?.state == .inactive && opstate(s, first) == .detached)
        #expect(try opstate(s, second) == .detached)
        _ = s.pass(seconds: 0.25, interrupted: { false })   // t = 0.9
        #expect(try opstate(s, second) == .attached)
        #expect(s.clockSeconds == 0.9)
    }

    @Test func settleRunsEverythingAndMovesTheVirtualClockToTheEnd() throws {
        let s = try mlx5Session()
        let sf = try activeSF(s)
        #expect(try s.settle() == false)
        #expect(try opstate(s, sf) == .attached && s.clockSeconds == 0.5 && !s.hasPendingWork)
    }

    @Test func lagFormsWhenTheBondWorkHasRun() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup, miimon: 100))
        try s.enslave(Lag.p0, to: "bond0")
        try s.enslave(Lag.p1, to: "bond0")
        try s.setLink("bond0", up: true)
        // Enslaving (NETDEV_CHANGEUPPER) queued mlx5's bond work with delay 0; the work itself is
        // modelled as taking 100 ms: the LAG is active from then on, not before.
        _ = s.pass(seconds: 0.099, interrupted: { false })
        #expect(try s.hardwareLag(H.pf0)?.isActive == false)
        #expect(try s.hardwareLag(H.pf0)?.rdmaDevices == ["mlx5_0", "mlx5_1"])
        _ = s.pass(seconds: 0.001, interrupted: { false })
        #expect(try s.hardwareLag(H.pf0)?.isActive == true)
        #expect(try s.bond(named: "bond0").hardwareLag?.rdmaDevice == "mlx5_bond_0")
        // Once quiet, the timers stop asking to run: nothing is pending.
        _ = s.pass(seconds: 1, interrupted: { false })
        #expect(!s.hasPendingWork)
    }

    @Test func aCableIsNoticedAtTheNextTickOfItsBond() throws {
        let s = try Lag.bonded(.activeBackup, miimon: 250)
        let start = s.clockSeconds
        try s.setCable(Lag.p0, plugged: false)
        let wait = try #require(s.secondsUntilNextWork)
        // The next multiple of 250 ms on the clock.
        #expect(abs((start + wait).truncatingRemainder(dividingBy: 0.25)) < 1e-9)
        #expect(try s.bond(named: "bond0").slaves[0].miiStatus == .up)
        _ = s.pass(seconds: wait, interrupted: { false })
        #expect(try s.bond(named: "bond0").slaves[0].miiStatus == .down)
    }

    @Test func theWallClockRunsWorkOnItsOwn() throws {
        let s = try mlx5Session()
        s.useWallClock()
        let sf = try activeSF(s)
        #expect(!s.isVirtualClock && (s.secondsUntilNextWork ?? 0) > 0)
        // Real time passes outside the session; the next request sees the work done.
        Thread.sleep(forTimeInterval: 0.55)
        #expect(try opstate(s, sf) == .attached)
        #expect(s.clockSeconds >= 0.5)
    }

    @Test func wallClockPassStopsWhenInterrupted() throws {
        let s = try mlx5Session()
        s.useWallClock()
        var asked = 0
        #expect(!s.pass(seconds: 60, interrupted: { asked += 1; return asked > 2 }))
        #expect(s.clockSeconds < 10)
    }

    @Test func aRestoredSnapshotKeepsItsDueTimes() throws {
        let s = try mlx5Session()
        let sf = try activeSF(s)
        let saved = s.snapshot()
        try s.settle()
        s.restore(saved)
        #expect(try opstate(s, sf) == .detached && s.secondsUntilNextWork == 0.5)
    }

    @Test func aDecodedStateKeepsItsQueueAndDueTimes() throws {
        let s = try mlx5Session()
        let sf = try activeSF(s)
        _ = s.pass(seconds: 0.1, interrupted: { false })
        let second = try s.addPort(H.sfRequest(89)).handle
        try s.setPortFunction(second, PortFunctionChanges(state: .active))   // due at 0.6
        let data = try JSONEncoder().encode(s.snapshot())
        // The queue is stored as the plain list of its items, as state files have always had it.
        let json = try #require(JSONSerialization.jsonObject(with: data) as? [String: Any])
        #expect((json["pending"] as? [Any])?.count == 2)
        let decoded = EmulatedSession(state: try JSONDecoder().decode(EmulatorState.self, from: data))
        #expect(decoded.snapshot() == s.snapshot() && decoded.secondsUntilNextWork.map { abs($0 - 0.4) < 1e-9 } == true)
        _ = decoded.pass(seconds: 0.4, interrupted: { false })   // t = 0.5
        #expect(try opstate(decoded, sf) == .attached && opstate(decoded, second) == .detached)
        _ = decoded.pass(seconds: 0.1, interrupted: { false })   // t = 0.6
        #expect(try opstate(decoded, second) == .attached && !decoded.hasPendingWork)
    }

    @Test func clockTypesAreCodable() throws {
        let instant = EmulatorInstant.milliseconds(1500)
        let data = try JSONEncoder().encode(instant)
        #expect(try JSONDecoder().decode(EmulatorInstant.self, from: data) == instant)
        #expect(instant.adding(seconds: 0.5) == .milliseconds(2000))
        // 0.3 * 1e9 is 299999999.99999994 as a double: a timeout of 0.3 s moves the clock 300 ms.
        #expect(EmulatorInstant.zero.adding(seconds: 0.3) == .milliseconds(300))
        #expect(instant.adding(seconds: -1) == instant && instant.adding(seconds: .infinity).nanoseconds == .max)
        #expect(EmulatorInstant(nanoseconds: .max).adding(.bondWork).nanoseconds == .max)
    }
}

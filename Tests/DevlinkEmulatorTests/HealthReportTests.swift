import DevlinkEmulator
import DevlinkModel
import Testing

/// devlink_health_report and the formatted messages: errors raised on a reporter, auto dump and auto
/// recovery with the grace (and, 6.18+, burst) period, diagnose, dump show/clear, test.
@Suite struct HealthReportTests {
    let dummy = HealthReporterID(H.nsim, name: "dummy")

    func reporter(_ s: EmulatedSession, _ name: String = "dummy") throws -> HealthReporter {
        try s.perform(GetHealthReporter(H.nsim, name: name))
    }

    func pairs(_ m: HealthMessage) -> [String] {
        m.items.compactMap { if case .name(let n) = $0 { n } else { nil } }
    }

    @Test func aReportIsCountedDumpedAndRecovered() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(ReportHealthError(dummy, "hello"))
        let r = try reporter(s)
        #expect(r.errorCount == 1 && r.recoverCount == 1 && r.state == .healthy && r.lastDump != nil)
        // The stored dump carries the break message; diagnose the one the recover op kept.
        let dump = try s.perform(ShowHealthDump(dummy))
        #expect(dump.items[1 ... 3] == [.pairStart, .name("break_message"), .value(.string("hello"))])
        #expect(pairs(try s.perform(DiagnoseHealthReporter(dummy))).first == "recovered_break_message")
        // A second report keeps the first dump (devlink_health_do_dump: one is held).
        try s.perform(ReportHealthError(dummy, "again"))
        #expect(try s.perform(ShowHealthDump(dummy)) == dump)
        #expect(try reporter(s).errorCount == 2)
        try s.perform(ClearHealthDump(dummy))
        #expect(try reporter(s).lastDump == nil)
    }

    @Test func withinTheGracePeriodTheRecoveryIsAbandoned() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", gracePeriod: 100_000))
        try s.perform(ReportHealthError(dummy, "one"))
        expectError(.ECANCELED, nil) { try s.perform(ReportHealthError(dummy, "two")) }
        var r = try reporter(s)
        #expect(r.errorCount == 2 && r.recoverCount == 1 && r.state == .error)
        // Still in error: the next one is abandoned too, even after the grace period.
        _ = s.pass(seconds: 101, interrupted: { false })
        expectError(.ECANCELED, nil) { try s.perform(ReportHealthError(dummy, "three")) }
        try s.perform(RecoverHealthReporter(H.nsim, name: "dummy"))
        r = try reporter(s)
        #expect(r.errorCount == 3 && r.recoverCount == 2 && r.state == .healthy)
        // Past the grace period a new error recovers at once.
        _ = s.pass(seconds: 101, interrupted: { false })
        try s.perform(ReportHealthError(dummy, "four"))
        #expect(try reporter(s).recoverCount == 3)
    }

    @Test func withoutAutoRecoverTheErrorStaysAndFailRecoverFails() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", autoRecover: false, autoDump: false))
        try s.perform(ReportHealthError(dummy, "x"))
        #expect(try reporter(s).state == .error && reporter(s).lastDump == nil)
        try s.perform(SetNetdevsimHealthKnob(H.nsim, knob: "fail_recover", value: "Y\n"))
        expectError(.EINVAL, "netdevsim: User setup the recover to fail for testing purposes") {
            try s.perform(RecoverHealthReporter(H.nsim, name: "dummy"))
        }
        try s.perform(SetNetdevsimHealthKnob(H.nsim, knob: "fail_recover", value: "N"))
        try s.perform(RecoverHealthReporter(H.nsim, name: "dummy"))
        #expect(try reporter(s).state == .healthy && reporter(s).recoverCount == 1)
        // fail_recover during an automatic recovery: EINVAL without a message, the reporter in error.
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", autoRecover: true))
        try s.perform(SetNetdevsimHealthKnob(H.nsim, knob: "fail_recover", value: "1"))
        expectError(.EINVAL, nil) { try s.perform(ReportHealthError(dummy, "y")) }
        #expect(try reporter(s).state == .error)
    }

    @Test func diagnoseDumpAndTestFollowTheReportersOps() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        let empty = HealthReporterID(H.nsim, name: "empty")
        #expect(try s.perform(DiagnoseHealthReporter(empty)).items == [.objectStart, .end])
        // dump show takes a dump when none is held, and keeps it.
        #expect(try reporter(s, "empty").lastDump == nil)
        _ = try s.perform(ShowHealthDump(empty))
        #expect(try reporter(s, "empty").lastDump != nil)
        expectError(.EOPNOTSUPP, nil) { try s.perform(TestHealthReporter(dummy)) }
        expectError(.EINVAL, nil) { try s.perform(TestHealthReporter(HealthReporterID(H.nsim, name: "nosuch"))) }
        // An unknown device: the doit's pre_doit says ENODEV, the dump's own lookup EINVAL.
        let gone = HealthReporterID(DeviceHandle(bus: "netdevsim", name: "netdevsim9"), name: "dummy")
        expectError(.ENODEV, nil) { _ = try s.perform(DiagnoseHealthReporter(gone)) }
        expectError(.EINVAL, nil) { _ = try s.perform(ShowHealthDump(gone)) }
        // binary_len sizes test_binary.
        try s.perform(SetNetdevsimHealthKnob(H.nsim, knob: "binary_len", value: "20"))
        let bytes = try s.perform(DiagnoseHealthReporter(dummy)).items.reduce(0) { n, item in
            if case .value(.binary(let b)) = item { return n + b.count } else { return n }
        }
        #expect(bytes == 20)
        expectError(.EINVAL, nil) { try s.perform(SetNetdevsimHealthKnob(H.nsim, knob: "binary_len", value: "ten")) }
    }

    @Test func mlx5ReportersDiagnoseAndDumpAsTheDriverDoes() throws {
        let s = try mlx5Session()
        let sf = try s.addPort(H.sfRequest(88))
        let vnic = try s.perform(DiagnoseHealthReporter(HealthReporterID(H.pf0, port: sf.index, name: "vnic")))
        #expect(pairs(vnic) == ["vNIC env counters", "total_error_queues", "send_queue_priority_update_flow", "comp_eq_overrun",
                                "async_eq_overrun", "cq_overrun", "invalid_command", "quota_exceeded_command",
                                "nic_receive_steering_discard", "generated_pkt_steering_fail", "handled_pkt_steering_fail"])
        #expect(try s.perform(DiagnoseHealthReporter(HealthReporterID(H.pf0, name: "fw"))).items ==
                [.objectStart, .pairStart, .name("Syndrome"), .value(.u8(0)), .end, .end])
        expectError(.EOPNOTSUPP, nil) { _ = try s.perform(DiagnoseHealthReporter(HealthReporterID(H.pf0, name: "fw_fatal"))) }
        expectError(.ENOMSG, nil) { _ = try s.perform(ShowHealthDump(HealthReporterID(H.pf0, name: "fw"))) }
        // A fatal error: recovered (grace period 60 s), the dump failing as the crdump does.
        let fatal = HealthReporterID(H.pf0, name: "fw_fatal")
        try s.perform(ReportHealthError(fatal, "FW fatal error reported"))
        let r = try s.perform(GetHealthReporter(H.pf0, name: "fw_fatal"))
        #expect(r.errorCount == 1 && r.recoverCount == 1 && r.lastDump == nil)
        expectError(.ECANCELED, nil) { try s.perform(ReportHealthError(fatal, "again")) }
        // mlx5 never reports on a representor's vnic.
        expectError(.EOPNOTSUPP, "mlx5 never reports errors on a port's vnic reporter (dls models none)") {
            try s.perform(ReportHealthError(HealthReporterID(H.pf0, port: sf.index, name: "vnic"), "x"))
        }
    }

    @Test func netdevsimReloadRecreatesItsReporters() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", gracePeriod: 10))
        try s.perform(ReportHealthError(dummy, "x"))
        _ = try s.perform(ReloadDevice(H.nsim))
        let r = try reporter(s)
        #expect(r.errorCount == 0 && r.gracePeriod == 0 && r.lastDump == nil)
    }

    @Test func burstPeriodFrom618() throws {
        let old = try nsimSession(switchdev: false, vfs: 0)
        #expect(throws: KernelFeatureError(feature: .healthBurstPeriod, release: "6.12")) {
            try old.perform(SetHealthReporter(H.nsim, name: "dummy", burstPeriod: 10))
        }
        #expect(try reporter(old).burstPeriod == nil)
        let s = try nsimSession(switchdev: false, vfs: 0, kernel: "6.18")
        #expect(try reporter(s).burstPeriod == 0)
        expectError(.EINVAL, "devlink: Cannot set burst period without a grace period.") {
            try s.perform(SetHealthReporter(H.nsim, name: "dummy", burstPeriod: 10))
        }
        expectError(.EOPNOTSUPP, nil) { try s.perform(SetHealthReporter(H.nsim, name: "empty", burstPeriod: 0)) }
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", gracePeriod: 100_000, burstPeriod: 5_000))
        // Within the burst every error recovers; after it the grace period holds. The burst runs from
        // the first recovery: a recovery inside it does not move it (at 7 s the burst of the recovery
        // at 0 s is over, though one at 4 s would still be within 5 s).
        try s.perform(ReportHealthError(dummy, "1"))
        _ = s.pass(seconds: 4, interrupted: { false })
        try s.perform(ReportHealthError(dummy, "2"))
        _ = s.pass(seconds: 3, interrupted: { false })
        expectError(.ECANCELED, nil) { try s.perform(ReportHealthError(dummy, "3")) }
        #expect(try reporter(s).recoverCount == 2)
        // A grace period of 0 zeroes the burst period.
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", gracePeriod: 0))
        #expect(try reporter(s).burstPeriod == 0)
    }

    /// devlink_nl_health_reporter_set_doit stores the grace period before it checks the burst period:
    /// a request of grace period 0 with a burst period fails, and leaves the grace period (and the
    /// burst period) at 0.
    @Test func refusedBurstPeriodKeepsTheGracePeriodSetBeforeIt() throws {
        let s = try nsimSession(switchdev: false, vfs: 0, kernel: "6.18")
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", gracePeriod: 100_000, burstPeriod: 5_000))
        expectError(.EINVAL, "devlink: Cannot set burst period without a grace period.") {
            try s.perform(SetHealthReporter(H.nsim, name: "dummy", gracePeriod: 0, burstPeriod: 10))
        }
        let r = try reporter(s)
        #expect(r.gracePeriod == 0 && r.burstPeriod == 0)
    }

    @Test func sfInstancesHaveTheirOwnReporters() throws {
        let s = try mlx5Session()
        let sf = try s.addPort(H.sfRequest(88))
        try s.setPortFunction(sf.handle, PortFunctionChanges(state: .active))
        _ = try s.settle()
        let aux = try #require(try s.devices().first { $0.bus == "auxiliary" })
        // A light probe (6.5+) skips the fw reporters; the reload that loads it creates them.
        #expect(try s.perform(ListHealthReporters(of: aux)).map(\.name) == ["vnic"])
        _ = try s.perform(ReloadDevice(aux))
        let after = try s.perform(ListHealthReporters(of: aux))
        #expect(after.map(\.name) == ["vnic", "fw", "fw_fatal"] && after[2].gracePeriod == 30_000 && after[2].autoDump == nil)
    }
}

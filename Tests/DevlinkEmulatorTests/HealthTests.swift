import DevlinkEmulator
import DevlinkModel
import Testing

/// Device health reporters: netdevsim's empty/dummy, mlx5's fw/fw_fatal, and the core's set/recover rules.
@Suite struct HealthTests {
    @Test func reportersAsDriversCreateThem() throws {
        let nsim = try nsimSession(switchdev: false, vfs: 0)
        let reporters = try nsim.perform(ListHealthReporters(of: H.nsim))
        #expect(reporters.map(\.name) == ["empty", "dummy"])
        // Without a recover op there is no grace period or auto_recover to report.
        #expect(reporters[0].gracePeriod == nil && reporters[0].autoRecover == nil && reporters[0].autoDump == true)
        #expect(reporters[1].gracePeriod == 0 && reporters[1].autoRecover == true)
        let mlx5 = try mlx5Session(switchdev: false)
        let fw = try mlx5.perform(ListHealthReporters(of: H.pf0))
        // mlx5_health_init: the fw reporters, then the device's own vnic.
        #expect(fw.map(\.name) == ["fw", "fw_fatal", "vnic"] && fw[1].gracePeriod == 60_000)
        #expect(try mlx5.perform(ListHealthReporters(of: nil)).count == 6)
    }

    @Test func setChecksTheReportersOps() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        expectError(.EOPNOTSUPP, nil) { try s.perform(SetHealthReporter(H.nsim, name: "empty", gracePeriod: 10)) }
        expectError(.EOPNOTSUPP, nil) { try s.perform(SetHealthReporter(H.nsim, name: "empty", autoRecover: false)) }
        expectError(.EINVAL, nil) { try s.perform(SetHealthReporter(H.nsim, name: "nosuch", autoDump: false)) }
        try s.perform(SetHealthReporter(H.nsim, name: "dummy", gracePeriod: 10, autoRecover: false, autoDump: false))
        let dummy = try s.perform(GetHealthReporter(H.nsim, name: "dummy"))
        #expect(dummy.gracePeriod == 10 && dummy.autoRecover == false && dummy.autoDump == false)
        // A refused set changes nothing.
        expectError(.EOPNOTSUPP, nil) { try s.perform(SetHealthReporter(H.nsim, name: "empty", gracePeriod: 1, autoDump: false)) }
        #expect(try s.perform(GetHealthReporter(H.nsim, name: "empty")).autoDump == true)
    }

    @Test func recoveringAHealthyReporterIsANoOp() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(RecoverHealthReporter(H.nsim, name: "empty"))
        try s.perform(RecoverHealthReporter(H.nsim, name: "dummy"))
        #expect(try s.perform(GetHealthReporter(H.nsim, name: "dummy")).recoverCount == 0)
        expectError(.EINVAL, nil) { try s.perform(RecoverHealthReporter(H.nsim, name: "nosuch")) }
    }

    @Test func mlx5RepresentorsHaveVnicReporters() throws {
        let s = try mlx5Session()
        try s.setSriovNumVFs(H.pf0, 1)
        let sf = try s.addPort(H.sfRequest(88))
        let all = try s.perform(ListHealthReporters(of: H.pf0))
        // Device reporters first, then the ports' in index order (VF 1, SF 32768; the uplink has none).
        #expect(all.map(\.owner) == ["pci/0000:06:00.0", "pci/0000:06:00.0", "pci/0000:06:00.0", "pci/0000:06:00.0/1",
                                     "pci/0000:06:00.0/32768"])
        let vnic = try s.perform(GetHealthReporter(H.pf0, port: sf.index, name: "vnic"))
        #expect(vnic.gracePeriod == nil && vnic.autoRecover == nil && vnic.autoDump == nil && vnic.state == .healthy)
        expectError(.EOPNOTSUPP, nil) { try s.perform(SetHealthReporter(H.pf0, port: 1, name: "vnic", autoDump: true)) }
        expectError(.EINVAL, nil) { _ = try s.perform(GetHealthReporter(H.pf0, port: 65535, name: "vnic")) }
        // A port index that names no port falls back to the device's reporters
        // (devlink_health_reporter_get_from_attrs), as the guest shows.
        #expect(try s.perform(GetHealthReporter(H.pf0, port: 7, name: "vnic")).port == 7)
        expectError(.EINVAL, nil) { _ = try s.perform(GetHealthReporter(H.pf0, port: 7, name: "nosuch")) }
        try s.perform(RecoverHealthReporter(H.pf0, port: 1, name: "vnic"))
    }
}

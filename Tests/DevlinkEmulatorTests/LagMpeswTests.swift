import DevlinkEmulator
import DevlinkModel
import Testing

/// Multi-port E-Switch LAG through the `esw_multiport` devlink param (lag.md §1.12, §1.7).
@Suite struct LagMpeswTests {
    /// The MPESW caps, and the shared-FDB caps enable_mpesw also needs (mlx5_lag_shared_fdb_supported).
    static let caps: [String: UInt64] = ["port_select_flow_table": 1, "create_lag_when_not_master_up": 1,
                                         "lag_native_fdb_selection": 1, "root_ft_on_other_esw": 1,
                                         "esw_shared_ingress_acl": 1]

    /// Both PFs in switchdev on a card with the MPESW caps.
    static func switchdev(caps: [String: UInt64] = caps) throws -> EmulatedSession {
        let s = try Lag.session(caps: caps)
        for d in [H.pf0, H.pf1] { try s.setEswitch(d, EswitchChanges(mode: .switchdev)) }
        try s.settle()
        return s
    }

    static func setMpesw(_ s: EmulatedSession, _ on: Bool, _ device: DeviceHandle = H.pf0) throws {
        try s.setParam(device, name: "esw_multiport", value: .bool(on), cmode: .runtime)
    }

    static func value(_ s: EmulatedSession, _ device: DeviceHandle) throws -> ParamValue? {
        try s.param(device, name: "esw_multiport").value(in: .runtime)
    }

    static func expectError(_ errno: Errno, _ body: () throws -> Void) {
        #expect(throws: DevlinkError(errno)) { try body() }
    }

    @Test func paramIsRegisteredOnEveryPFAsRuntimeBool() throws {
        let s = try EmulatedSession()
        for d in [H.pf0, H.pf1] {
            let p = try s.param(d, name: "esw_multiport")
            #expect(!p.generic && p.type == .bool && p.values == [Param.ModeValue(cmode: .runtime, value: .bool(false))])
            #expect(try s.params(of: d).map(\.name).last == "esw_multiport")
        }
        Self.expectError(.EOPNOTSUPP) { try s.setParam(H.pf0, name: "esw_multiport", value: .bool(true), cmode: .driverinit) }
        Self.expectError(.EINVAL) { try s.setParam(H.pf0, name: "esw_multiport", value: .u32(1), cmode: .runtime) }
        let nsim = try EmulatedSession(topology: .netdevsim)
        #expect(try nsim.params(of: nil).map(\.name) == ["max_macs", "test1"])
    }

    @Test func enableFromEitherPFCreatesTheMpeswLag() throws {
        let s = try Self.switchdev()
        _ = try s.drainEvents()
        let logStart = s.kernelLog.count
        try Self.setMpesw(s, true, H.pf1)
        let lag = try Lag.lag(s)
        #expect(lag.mode == .mpesw && lag.mode.name == "multiport_eswitch")
        #expect(lag.flags == [.sharedFDB, .fdbSelectionNative] && lag.portSelectMode == .mpesw)
        #expect(lag.map == [1, 2] && lag.rdmaDevices == ["mlx5_bond_0"] && s.rdmaDevices.map(\.device) == [H.pf0])
        #expect(try Self.value(s, H.pf0) == .bool(true) && Self.value(s, H.pf1) == .bool(true))
        // CREATE_LAG on PF0 only: native FDB selection, port_select_mode 2, no remap, no active_port.
        let log = try s.firmwareLog(H.pf0)
        #expect(try log.map(\.opcode) == [.createLag] && log[0].succeeded && s.firmwareLog(H.pf1).isEmpty)
        let sent = try #require(log[0].context)
        #expect(sent.fdbSelectionMode == 1 && sent.portSelectMode == .mpesw && sent.portSelectMode.rawValue == 2)
        #expect(sent.txRemapAffinity1 == 0 && sent.txRemapAffinity2 == 0 && sent.activePort == 0)
        let q = try s.queryLag(H.pf0)
        #expect(q.lagState == 1 && q.portSelectMode == .mpesw && q.fdbSelectionMode == 1)
        #expect(Array(s.kernelLog[logStart...]) == [
            "mlx5_core 0000:06:00.0: shared_fdb:1 mode:mpesw",
            "mlx5_core 0000:06:00.0: Operation mode is single FDB",
        ])
        // PARAM_NEW for the device the request named, with the value the get reads back.
        #expect(try s.drainEvents() == [.paramNew(try s.param(H.pf1, name: "esw_multiport"))])
        // Enabling again: mode is not NONE.
        Self.expectError(.EINVAL) { try Self.setMpesw(s, true) }
    }

    @Test func disableDestroysTheLagAndRestoresTheIBDevices() throws {
        let s = try Self.switchdev()
        try Self.setMpesw(s, true)
        try Self.setMpesw(s, false, H.pf1)
        let lag = try Lag.lag(s)
        #expect(!lag.isActive && lag.flags == [] && lag.portSelectMode == nil)
        #expect(lag.rdmaDevices == ["mlx5_0", "mlx5_1"])
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "DESTROY_LAG"] && s.queryLag(H.pf0).lagState == 0)
        #expect(try Self.value(s, H.pf0) == .bool(false) && Self.value(s, H.pf1) == .bool(false))
        // false while not in MPESW: nothing to do, no error.
        try Self.setMpesw(s, false)
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "DESTROY_LAG", "QUERY_LAG"])
    }

    @Test func preconditionsFailWithEOPNOTSUPPAndIssueNothing() throws {
        // Legacy on both PFs.
        let legacy = try Lag.session(caps: Self.caps)
        Self.expectError(.EOPNOTSUPP) { try Self.setMpesw(legacy, true) }
        // PF0 switchdev, PF1 legacy: mlx5_lag_check_prereq (same eswitch mode).
        let mixed = try Lag.session(caps: Self.caps)
        try mixed.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        Self.expectError(.EOPNOTSUPP) { try Self.setMpesw(mixed, true) }
        // Missing caps.
        for missing in Self.caps.keys {
            var caps = Self.caps
            caps[missing] = nil
            let s = try Self.switchdev(caps: caps)
            Self.expectError(.EOPNOTSUPP) { try Self.setMpesw(s, true) }
            #expect(try s.firmwareLog(H.pf0).isEmpty && !Lag.lag(s).isActive)
        }
        for s in [legacy, mixed] {
            #expect(try s.firmwareLog(H.pf0).isEmpty && !Lag.lag(s).isActive && Self.value(s, H.pf0) == .bool(false))
        }
    }

    @Test func notAnEswitchManagerReadsTheParamButCannotSetIt() throws {
        // 6.12: mlx5_devlink_esw_multiport_set checks MLX5_ESWITCH_MANAGER, the get does not; the param
        // is registered on a vport manager or an eswitch manager (mlx5_eswitch_init).
        var caps = Self.caps
        caps["eswitch_manager"] = 0
        let s = try Lag.session(caps: caps)
        Self.expectError(.EOPNOTSUPP) { try Self.setMpesw(s, true) }
        #expect(try Self.value(s, H.pf0) == .bool(false))
        #expect(try s.params(of: H.pf0).map(\.name).contains("esw_multiport"))
        // Neither manager: no such param (the core's EINVAL), and a dump leaves it out.
        caps["vport_group_manager"] = 0
        let none = try Lag.session(caps: caps)
        Self.expectError(.EINVAL) { _ = try none.param(H.pf0, name: "esw_multiport") }
        Self.expectError(.EINVAL) { try Self.setMpesw(none, true) }
        #expect(try !none.params(of: H.pf0).map(\.name).contains("esw_multiport"))
    }

    @Test func mpeswNeedsSharedFDBSupport() throws {
        // enable_mpesw (6.12) ends its EOPNOTSUPP checks with mlx5_lag_shared_fdb_supported.
        let bare: [String: UInt64] = ["port_select_flow_table": 1, "create_lag_when_not_master_up": 1]
        let s = try Self.switchdev(caps: bare)
        Self.expectError(.EOPNOTSUPP) { try Self.setMpesw(s, true) }
        #expect(try s.firmwareLog(H.pf0).isEmpty && !Lag.lag(s).isActive)
        // The vport metadata (esw_port_metadata, settable outside switchdev only) is one of its conditions.
        let noMetadata = try Lag.session(caps: Self.caps)
        for d in [H.pf0, H.pf1] {
            try noMetadata.setParam(d, name: "esw_port_metadata", value: .bool(false), cmode: .runtime)
            try noMetadata.setEswitch(d, EswitchChanges(mode: .switchdev))
        }
        Self.expectError(.EOPNOTSUPP) { try Self.setMpesw(noMetadata, true) }
        #expect(try noMetadata.firmwareLog(H.pf0).isEmpty)
    }

    @Test func aPFWithoutLagDeviceAcceptsTheValueAndStaysOff() throws {
        // The single-port card in slot 07 has no LAG device: mlx5_lag_mpesw_queue_work returns 0.
        let s = try Lag.session(caps: Self.caps, third: true)
        let other = DeviceHandle(bus: "pci", name: "0000:07:00.0")
        try Self.setMpesw(s, true, other)
        #expect(try Self.value(s, other) == .bool(false) && s.firmwareLog(other).isEmpty)
    }

    @Test func activeRoceOrVfLagBlocksMpeswWithEINVAL() throws {
        let roce = try Lag.bonded(.activeBackup, session: Lag.session(caps: Self.caps))
        #expect(try Lag.lag(roce).mode == .roce)
        Self.expectError(.EINVAL) { try Self.setMpesw(roce, true) }
        let vf = try Lag.bonded(.activeBackup, session: Self.switchdev())
        #expect(try Lag.lag(vf).mode == .sriov)
        Self.expectError(.EINVAL) { try Self.setMpesw(vf, true) }
        #expect(try Lag.lag(vf).mode == .sriov && Lag.opcodes(vf) == ["CREATE_LAG"])
    }

    @Test func bondEventsNeverTouchMpesw() throws {
        let s = try Self.switchdev()
        try Self.setMpesw(s, true)
        _ = try Lag.bonded(.activeBackup, session: s)
        #expect(try Lag.lag(s).mode == .mpesw && Lag.lag(s).bond == "bond0")
        try s.setCable(Lag.p0, plugged: false)
        try s.settle()
        try s.release(Lag.p1)
        try s.settle()
        #expect(try Lag.lag(s).mode == .mpesw && Lag.lag(s).map == [1, 2])
        #expect(try Lag.opcodes(s) == ["CREATE_LAG"])
        // Disabling MPESW does not queue the bond work: no VF LAG until the next bond event.
        try s.enslave(Lag.p1, to: "bond0")
        try s.settle()
        try Self.setMpesw(s, false)
        try s.settle()
        #expect(try !Lag.lag(s).isActive && Lag.opcodes(s) == ["CREATE_LAG", "DESTROY_LAG"])
    }

    @Test func eswitchModeChangeEndsMpesw() throws {
        let s = try Self.switchdev()
        try Self.setMpesw(s, true)
        try s.setEswitch(H.pf1, EswitchChanges(mode: .legacy))
        try s.settle()
        #expect(try !Lag.lag(s).isActive && Lag.opcodes(s) == ["CREATE_LAG", "DESTROY_LAG"])
        #expect(try Self.value(s, H.pf0) == .bool(false) && Lag.lag(s).rdmaDevices == ["mlx5_0", "mlx5_1"])
        Self.expectError(.EOPNOTSUPP) { try Self.setMpesw(s, true) }   // eswitch modes differ now

        // Setting the mode it already has ends MPESW too: mlx5_devlink_eswitch_mode_set calls
        // mlx5_lag_disable_change before it compares the modes.
        let same = try Self.switchdev()
        try Self.setMpesw(same, true)
        try same.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        try same.settle()
        #expect(try !Lag.lag(same).isActive && Lag.opcodes(same) == ["CREATE_LAG", "DESTROY_LAG"])
        #expect(try Self.value(same, H.pf0) == .bool(false))
    }

    @Test func sriovInSwitchdevKeepsMpesw() throws {
        // In switchdev the FDB exists: mlx5_eswitch_enable loads the VF vports without toggling the LAG,
        // and mlx5_eswitch_disable_sriov never toggles it.
        let v = try Self.switchdev()
        try Self.setMpesw(v, true)
        try v.setSriovNumVFs(H.pf0, 2)
        try v.settle()
        #expect(try Lag.lag(v).mode == .mpesw && Lag.opcodes(v) == ["CREATE_LAG"])
        try v.setSriovNumVFs(H.pf0, 0)
        try v.settle()
        #expect(try Lag.lag(v).mode == .mpesw && Lag.opcodes(v) == ["CREATE_LAG"])
    }

    @Test func createFailureReportsTheErrnoAndRestoresState() throws {
        let s = try Self.switchdev()
        s.injectFirmwareFault(.createLag, status: .badParameter, syndrome: 0x51)
        Self.expectError(.EINVAL) { try Self.setMpesw(s, true) }
        let lag = try Lag.lag(s)
        #expect(try !lag.isActive && lag.rdmaDevices == ["mlx5_0", "mlx5_1"] && Self.value(s, H.pf0) == .bool(false))
        #expect(Array(s.kernelLog.suffix(3)) == [
            "mlx5_core 0000:06:00.0: Failed to create LAG (-22)",
            "mlx5_core 0000:06:00.0: Failed to activate VF LAG\nMake sure all VFs are unbound prior to VF LAG activation or deactivation",
            "mlx5_core 0000:06:00.0: Failed to create LAG in MPESW mode (-22)",
        ])
        try Self.setMpesw(s, true)   // the fault was one-shot
        #expect(try Lag.lag(s).mode == .mpesw)
    }

    @Test func destroyFailureIsOnlyLogged() throws {
        let s = try Self.switchdev()
        try Self.setMpesw(s, true)
        s.injectFirmwareFault(.destroyLag, status: .resourceBusy, syndrome: 0x2)
        try Self.setMpesw(s, false)   // disable_mpesw returns nothing
        #expect(try !Lag.lag(s).isActive && s.rdmaDevices.isEmpty && s.queryLag(H.pf0).lagState == 1)
        #expect(s.kernelLog.last == "mlx5_core 0000:06:00.0: Failed to deactivate VF LAG; driver restart required\n"
            + "Make sure all VFs are unbound prior to VF LAG activation or deactivation")
    }
}

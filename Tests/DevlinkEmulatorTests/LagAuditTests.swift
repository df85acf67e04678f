import DevlinkEmulator
import DevlinkModel
import Testing

/// The LAG rules corrected by the 6.12 audit (docs/fidelity.md, "Audit: LAG"); each test failed on the
/// emulator's earlier behaviour.
@Suite struct LagAuditTests {
    /// The built-in card with per-PF extra caps.
    static func session(pf0: [String: UInt64] = [:], pf1: [String: UInt64] = [:], maxVfs: UInt32? = nil) throws
        -> EmulatedSession {
        func caps(_ extra: [String: UInt64]) -> [String: UInt64] {
            var all: [String: UInt64] = ["num_lag_ports": 2, "lag_master": 1]
            for (k, v) in extra { all[k] = v }
            return all
        }
        return try EmulatedSession(topology: Topology(devices: [
            DeviceSpec(handle: "pci/0000:06:00.0", profile: .mlx5, maxVfs: maxVfs, caps: caps(pf0)),
            DeviceSpec(handle: "pci/0000:06:00.1", profile: .mlx5, maxVfs: maxVfs, caps: caps(pf1)),
        ], netdevNaming: .udev))
    }

    /// Both PFs in switchdev, bonded (active-backup), settled: VF LAG.
    static func vfLag() throws -> EmulatedSession {
        let s = try EmulatedSession()
        for d in [H.pf0, H.pf1] { try s.setEswitch(d, EswitchChanges(mode: .switchdev)) }
        return try Lag.bonded(.activeBackup, session: s)
    }

    // A2: mlx5_lag_check_prereq ends with the RoCE state check (51ef9305b8f4).
    @Test func pfsMustAgreeOnRoceState() throws {
        let s = try Self.session(pf1: ["roce": 0])
        _ = try Lag.bonded(.activeBackup, session: s)
        let lag = try Lag.lag(s)
        #expect(try !lag.isActive && Lag.opcodes(s).isEmpty)
        #expect(lag.reason == "RoCE state differs (pci/0000:06:00.0 on, pci/0000:06:00.1 off): the PFs must agree on RoCE")
        // Neither PF with RoCE: they agree, and the LAG forms (a raw Ethernet bond in hardware).
        let neither = try Self.session(pf0: ["roce": 0], pf1: ["roce": 0])
        _ = try Lag.bonded(.activeBackup, session: neither)
        #expect(try Lag.lag(neither).isActive)
    }

    // mlx5_devlink_set_params_init_values: enable_roce starts as the roce cap.
    @Test func enableRoceStartsAsTheRoceCap() throws {
        let s = try Self.session(pf1: ["roce": 0])
        #expect(try s.param(H.pf0, name: "enable_roce").value(in: .driverinit) == .bool(true))
        #expect(try s.param(H.pf1, name: "enable_roce").value(in: .driverinit) == .bool(false))
    }

    // A8: the "more than 64 VFs" warning is emitted when NDEVS_READY is clear; in 6.12 nothing counts VFs.
    @Test func manyVFsDoNotBlockVfLag() throws {
        let s = try Self.session(maxVfs: 100)
        for d in [H.pf0, H.pf1] {
            try s.setSriovNumVFs(d, 100)
            try s.setEswitch(d, EswitchChanges(mode: .switchdev))
        }
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup, miimon: 100))
        #expect(try s.enslave(Lag.p0, to: "bond0") == nil)
        #expect(try s.enslave(Lag.p1, to: "bond0") == nil)
        try s.setLink("bond0", up: true)
        try s.settle()
        #expect(try Lag.lag(s).mode == .sriov)
    }

    // A30: mlx5_devlink_eswitch_mode_set calls mlx5_lag_disable_change before comparing the modes.
    @Test func settingTheSameEswitchModeCyclesAnActiveLag() throws {
        let s = try Self.vfLag()
        #expect(try Lag.opcodes(s) == ["CREATE_LAG"])
        try s.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        // Disabled inside the request, re-activated by the bond work that enable_change queues.
        #expect(try !Lag.lag(s).isActive && Lag.opcodes(s) == ["CREATE_LAG", "DESTROY_LAG"])
        try s.settle()
        #expect(try Lag.lag(s).mode == .sriov && Lag.opcodes(s) == ["CREATE_LAG", "DESTROY_LAG", "CREATE_LAG"])
        // Only the inline mode: the driver's mode_set is not called, nothing happens to the LAG.
        try s.setEswitch(H.pf0, EswitchChanges(inlineMode: EswitchInlineMode.none))
        #expect(try Lag.lag(s).isActive && Lag.opcodes(s).count == 3)
    }

    // A31: SR-IOV in switchdev loads VF vports on the existing FDB: no LAG toggle.
    @Test func sriovInSwitchdevLeavesVfLagAlone() throws {
        let s = try Self.vfLag()
        try s.setSriovNumVFs(H.pf1, 2)
        #expect(try Lag.lag(s).isActive && s.pendingWorkCount == 0)
        try s.setSriovNumVFs(H.pf1, 0)
        try s.settle()
        #expect(try Lag.lag(s).mode == .sriov && Lag.opcodes(s) == ["CREATE_LAG"])
    }

    // A31: enabling SR-IOV in legacy creates the FDB and toggles the LAG; disabling it queues no bond
    // work, so the LAG stays down until the next bond event.
    @Test func sriovDisableInLegacyLeavesTheLagDownUntilABondEvent() throws {
        let s = try Lag.bonded(.activeBackup)
        #expect(try Lag.lag(s).mode == .roce)
        try s.setSriovNumVFs(H.pf1, 2)
        #expect(try !Lag.lag(s).isActive)   // disabled inside the request
        try s.settle()
        #expect(try Lag.lag(s).reason == "pci/0000:06:00.1 has VFs in legacy eswitch mode (VF LAG needs switchdev)")
        try s.setSriovNumVFs(H.pf1, 0)
        try s.settle()
        let lag = try Lag.lag(s)
        #expect(!lag.isActive && s.pendingWorkCount == 0)
        #expect(lag.reason == "prerequisites met since the last bond work; the driver re-checks on the next bond, "
            + "link or eswitch event")
        // A link event from bonding (CHANGELOWERSTATE) runs the bond work again.
        try s.setCable(Lag.p1, plugged: false)
        try s.settle()
        #expect(try Lag.lag(s).mode == .roce)
    }
}

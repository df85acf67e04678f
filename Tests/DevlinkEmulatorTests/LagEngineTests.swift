import DevlinkEmulator
import DevlinkModel
import Testing

/// The mlx5 LAG state machine (lag.md §1.6-§1.10): activation, mode choice, RDMA naming, remap,
/// deactivation, and what blocks it.
@Suite struct LagEngineTests {
    @Test func roceLagOnActiveBackup() throws {
        let s = try EmulatedSession()
        #expect(s.rdmaDevices.map(\.name) == ["mlx5_0", "mlx5_1"])
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup, miimon: 100))
        #expect(try s.enslave(Lag.p0, to: "bond0") == nil)
        #expect(try s.enslave(Lag.p1, to: "bond0") == nil)
        // The driver's bond work is queued, not run: nothing in hardware yet.
        #expect(try Lag.lag(s).mode == LagMode.none && s.pendingWorkCount == 1)
        #expect(try Lag.lag(s).reason == "bond work pending (settle)")
        try s.settle()
        let lag = try Lag.lag(s)
        #expect(lag.isActive && lag.mode == .roce && lag.state == "active" && lag.flags == [])
        #expect(lag.portSelectMode == .queueAffinity && lag.map == [1, 1] && lag.bond == "bond0" && lag.reason == nil)
        #expect(lag.rdmaDevices == ["mlx5_bond_0"] && s.rdmaDevices.map(\.device) == [H.pf0])
        #expect(try s.hardwareLag(H.pf1) == lag)
        #expect(try s.bond(named: "bond0").hardwareLag == lag)

        let log = try s.firmwareLog(H.pf0)
        #expect(log.map(\.opcode) == [.createLag, .createVportLag] && log.allSatisfy(\.succeeded))
        #expect(log[0].context == LagContext(portSelectMode: .queueAffinity, txRemapAffinity1: 1, txRemapAffinity2: 1))
        #expect(try s.firmwareLog(H.pf1).isEmpty)   // every LAG command goes to PF0
        #expect(s.kernelLog.contains("mlx5_core 0000:06:00.0: lag map: port 1:1 port 2:1"))
        #expect(s.kernelLog.contains("mlx5_core 0000:06:00.0: shared_fdb:0 mode:queue_affinity"))
        let query = try s.queryLag(H.pf0)
        #expect(query.lagState == 1 && query.txRemapAffinity1 == 1 && query.txRemapAffinity2 == 1)
        #expect(try Lag.opcodes(s).last == "QUERY_LAG")
    }

    @Test func roceLagOn8023adWithBothPortsDistributing() throws {
        let s = try Lag.bonded(.ieee8023ad, policy: .layer34)
        let lag = try Lag.lag(s)
        #expect(lag.mode == .roce && lag.map == [1, 2] && lag.rdmaDevices == ["mlx5_bond_0"])
        // Activation ran with the ports still waiting for LACP (all disabled = native map), and enabling
        // both keeps the native map: no MODIFY_LAG.
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "CREATE_VPORT_LAG"])
    }

    @Test func balanceXorIsOffloadedToo() throws {
        let s = try Lag.bonded(.balanceXOR)
        #expect(try Lag.lag(s).mode == .roce && Lag.lag(s).map == [1, 2])
    }

    @Test func hashPortSelectionWithTheFlowTableCap() throws {
        let caps: [String: UInt64] = ["port_select_flow_table": 1, "port_select_flow_table_bypass": 1]
        let s = try Lag.bonded(.ieee8023ad, policy: .layer34, session: Lag.session(caps: caps))
        let lag = try Lag.lag(s)
        #expect(lag.portSelectMode == .hash && lag.flags == [.hashBased])
        let create = try #require(try s.firmwareLog(H.pf0).first)
        #expect(create.context?.portSelectMode == .hash && create.context?.activePort == 0b11)
        try s.setCable(Lag.p1, plugged: false)
        try s.settle()
        let modify = try #require(try s.firmwareLog(H.pf0).last)
        #expect(modify.opcode == .modifyLag && modify.fieldSelect == 0x2 && modify.context?.activePort == 0b01)
        #expect(s.kernelLog.last == "mlx5_core 0000:06:00.0: lag map active ports: 1")
    }

    @Test func vfLagInSwitchdev() throws {
        let s = try EmulatedSession()
        for d in [H.pf0, H.pf1] { try s.setEswitch(d, EswitchChanges(mode: .switchdev)) }
        _ = try Lag.bonded(.activeBackup, session: s)
        let lag = try Lag.lag(s)
        #expect(lag.mode == .sriov && lag.mode.name == "switchdev" && lag.flags == [] && lag.portSelectMode == .queueAffinity)
        // Without shared FDB the IB devices are left alone, and mlx5_ib sets up no vport LAG.
        #expect(try lag.rdmaDevices == ["mlx5_0", "mlx5_1"] && Lag.opcodes(s) == ["CREATE_LAG"])
    }

    @Test func vfLagWithSharedFDB() throws {
        let caps: [String: UInt64] = ["lag_native_fdb_selection": 1, "root_ft_on_other_esw": 1, "esw_shared_ingress_acl": 1]
        let s = try Lag.session(caps: caps)
        for d in [H.pf0, H.pf1] {
            try s.setSriovNumVFs(d, 2)
            try s.setEswitch(d, EswitchChanges(mode: .switchdev))
        }
        _ = try Lag.bonded(.ieee8023ad, session: s)
        let lag = try Lag.lag(s)
        #expect(lag.mode == .sriov && lag.flags == [.sharedFDB, .fdbSelectionNative])
        #expect(lag.rdmaDevices == ["mlx5_bond_0"])
        #expect(try s.firmwareLog(H.pf0).first?.context?.fdbSelectionMode == 1)
        #expect(s.kernelLog.contains("mlx5_core 0000:06:00.0: Operation mode is single FDB"))
    }

    @Test func failoverRemapsWithOneModifyPerChange() throws {
        let s = try Lag.bonded(.activeBackup)
        #expect(try Lag.lag(s).map == [1, 1])
        try s.setCable(Lag.p0, plugged: false)
        try s.settle()
        #expect(try Lag.lag(s).map == [2, 2])
        var log = try s.firmwareLog(H.pf0)
        #expect(log.map(\.opcode) == [.createLag, .createVportLag, .modifyLag])
        #expect(log[2].fieldSelect == 0x1 && log[2].context?.txRemapAffinity1 == 2 && log[2].context?.txRemapAffinity2 == 2)
        try s.settle()
        #expect(try s.firmwareLog(H.pf0).count == 3)   // nothing changed, nothing sent
        // P0's link returns as backup: the map (only P1 transmits) is unchanged, so no command.
        try s.setCable(Lag.p0, plugged: true)
        try s.settle()
        #expect(try Lag.lag(s).map == [2, 2] && s.firmwareLog(H.pf0).count == 3)
        // Both links down: native map.
        try s.setLink(Lag.p1, up: false)
        try s.setLink(Lag.p0, up: false)
        try s.settle()
        log = try s.firmwareLog(H.pf0)
        #expect(try Lag.lag(s).map == [1, 2] && log.count == 4 && log[3].opcode == .modifyLag)
        #expect(try Lag.lag(s).isActive)   // the LAG stays: the bond still holds both ports
    }

    @Test func lacpFailoverAndRecovery() throws {
        let s = try Lag.bonded(.ieee8023ad)
        try s.setLink(Lag.p0, up: false)
        try s.settle()
        #expect(try Lag.lag(s).map == [2, 2])
        try s.setLink(Lag.p0, up: true)
        try s.settle()
        #expect(try Lag.lag(s).map == [1, 2])
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "CREATE_VPORT_LAG", "MODIFY_LAG", "MODIFY_LAG"])
    }

    @Test func unsupportedModeWarnsAndStaysOff() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig(mode: .balanceRR))
        #expect(try s.enslave(Lag.p0, to: "bond0") == nil)   // not both ports yet: no warning
        #expect(try s.enslave(Lag.p1, to: "bond0") == "mlx5_core: Can't activate LAG offload, TX type isn't supported")
        try s.settle()
        let lag = try Lag.lag(s)
        #expect(try !lag.isActive && lag.rdmaDevices == ["mlx5_0", "mlx5_1"] && Lag.opcodes(s).isEmpty)
        #expect(lag.reason?.contains("bond mode balance-rr (tx type roundrobin) is not offloaded") == true)
    }

    @Test func foreignSlaveUnbonds() throws {
        let s = try Lag.bonded(.activeBackup, session: Lag.session(third: true))
        #expect(try Lag.lag(s).isActive)
        let foreign = "enp7s0f0np0"
        // The kernel attaches no warning for this: the bond is simply not "exactly our ports".
        #expect(try s.enslave(foreign, to: "bond0") == nil)
        try s.settle()
        let lag = try Lag.lag(s)
        #expect(!lag.isActive && lag.rdmaDevices == ["mlx5_0", "mlx5_1"])
        #expect(lag.reason?.contains("not ports of this card (\(foreign))") == true)
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "CREATE_VPORT_LAG", "DESTROY_VPORT_LAG", "DESTROY_LAG"])
        // The other card's RDMA device keeps its name throughout.
        #expect(s.rdmaDevices.first { $0.device.name == "0000:07:00.0" }?.name == "mlx5_2")
        try s.release(foreign)
        try s.settle()
        #expect(try Lag.lag(s).isActive)
    }

    @Test func mismatchedEswitchModesBlockActivation() throws {
        let s = try EmulatedSession()
        try s.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        _ = try Lag.bonded(.activeBackup, session: s)
        let lag = try Lag.lag(s)
        #expect(try !lag.isActive && Lag.opcodes(s).isEmpty)
        #expect(lag.reason == "eswitch modes differ (pci/0000:06:00.0 switchdev, pci/0000:06:00.1 legacy)")
        try s.setEswitch(H.pf1, EswitchChanges(mode: .switchdev))
        try s.settle()
        #expect(try Lag.lag(s).mode == .sriov)
    }

    @Test func eswitchChangeOnActiveRoceLagDisablesIt() throws {
        let s = try Lag.bonded(.activeBackup)
        try s.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        // Disabled inside the devlink request, before the mode changed.
        #expect(try !Lag.lag(s).isActive && Lag.opcodes(s).suffix(2) == ["DESTROY_VPORT_LAG", "DESTROY_LAG"])
        try s.settle()
        #expect(try !Lag.lag(s).isActive && Lag.lag(s).rdmaDevices == ["mlx5_0", "mlx5_1"])
    }

    @Test func legacyVFsBlockActivation() throws {
        let s = try EmulatedSession()
        try s.setSriovNumVFs(H.pf1, 2)
        _ = try Lag.bonded(.activeBackup, session: s)
        #expect(try Lag.lag(s).reason == "pci/0000:06:00.1 has VFs in legacy eswitch mode (VF LAG needs switchdev)")
    }

    @Test func releasingASlaveDeactivatesAndRestoresRdmaNames() throws {
        let s = try Lag.bonded(.activeBackup)
        try s.release(Lag.p1)
        #expect(try Lag.lag(s).isActive)   // bond work not yet run
        try s.settle()
        let lag = try Lag.lag(s)
        #expect(!lag.isActive && lag.map == [1, 2] && lag.rdmaDevices == ["mlx5_0", "mlx5_1"])
        #expect(lag.reason == "bond0 holds \(Lag.p0) only: every port of the card must be enslaved")
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "CREATE_VPORT_LAG", "DESTROY_VPORT_LAG", "DESTROY_LAG"])
        #expect(try s.queryLag(H.pf0).lagState == 0)
        // Deleting the bond releases the other one; no further commands.
        try s.deleteLink(named: "bond0")
        try s.settle()
        #expect(try Lag.lag(s).bond == nil && Lag.opcodes(s).count == 5)
    }

    @Test func settlesImmediatelyRunsTheBondWorkInTheRequest() throws {
        let s = try EmulatedSession()
        s.settlesImmediately = true
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup))
        try s.enslave(Lag.p0, to: "bond0")
        try s.enslave(Lag.p1, to: "bond0")
        #expect(try Lag.lag(s).mode == .roce && s.pendingWorkCount == 0)
    }

    @Test func netdevsimHasNoHardwareLag() throws {
        let s = try EmulatedSession(builtin: "netdevsim")
        #expect(try s.hardwareLag(H.nsim) == nil)
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup))
        try s.enslave("eth0", to: "bond0")
        try s.enslave("eth1", to: "bond0")
        try s.settle()
        #expect(try s.bond(named: "bond0").hardwareLag == nil)
    }
}

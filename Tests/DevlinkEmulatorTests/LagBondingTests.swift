import DevlinkEmulator
import DevlinkModel
import Testing

/// Linux bonding rules over rtnetlink (lag.md §3.3-§3.4): options, errors, enslave/release, failover.
@Suite struct LagBondingTests {
    @Test func createWithDefaultsAndErrors() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig())
        let b = try s.bond(named: "bond0")
        // The module default miimon is 0 (checked in the guest, 6.12).
        #expect(b.mode == .balanceRR && b.miimon == 0 && b.xmitHashPolicy == .layer2 && b.lacpRate == nil)
        #expect(!b.adminUp && !b.carrier && b.slaves.isEmpty && b.hardwareLag == nil)
        #expect(try s.interfaces().last?.kind == .bond)
        expectError(.EEXIST, nil) { try s.createBond(name: "bond0", config: BondConfig()) }
        expectError(.EEXIST, nil) { try s.createBond(name: Lag.p0, config: BondConfig()) }
        expectError(.ERANGE, "Attribute failed policy validation") { try s.createBond(name: "bond_name_too_long", config: BondConfig()) }
        expectError(.EINVAL, nil) { try s.createBond(name: "bo/nd", config: BondConfig()) }
        // lacp_rate is an 802.3ad option: the bond is not created.
        expectError(Errno(number: 13), "option not supported in mode") {
            try s.createBond(name: "bond1", config: BondConfig(mode: .activeBackup, lacpRate: .fast))
        }
        #expect(try s.bonds().map(\.name) == ["bond0"])
        try s.createBond(name: "bond1", config: BondConfig(mode: .ieee8023ad, xmitHashPolicy: .layer34, lacpRate: .fast))
        let b1 = try s.bond(named: "bond1")
        #expect(b1.mode == .ieee8023ad && b1.lacpRate == .fast && b1.xmitHashPolicy == .layer34)
    }

    @Test func optionDependencies() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup, miimon: 0))
        expectError(.EPERM, nil) { try s.changeBond(name: "bond0", config: BondConfig(updelay: 200)) }
        try s.enslave(Lag.p0, to: "bond0")
        expectError(Errno(number: 39), "unable to set option because the bond device has slaves") { try s.changeBond(name: "bond0", config: BondConfig(mode: .balanceXOR)) }
        try s.release(Lag.p0)
        try s.setLink("bond0", up: true)
        expectError(.EBUSY, "unable to set option because the bond is up") { try s.changeBond(name: "bond0", config: BondConfig(mode: .balanceXOR)) }
        // Options apply in order: miimon lands even though the later lacp_rate fails.
        expectError(Errno(number: 13), "option not supported in mode") {
            try s.changeBond(name: "bond0", config: BondConfig(miimon: 50, lacpRate: .fast))
        }
        #expect(try s.bond(named: "bond0").miimon == 50)
        try s.changeBond(name: "bond0", config: BondConfig(xmitHashPolicy: .layer23))
        #expect(try s.bond(named: "bond0").xmitHashPolicy == .layer23)
        expectError(.EOPNOTSUPP, nil) { try s.changeBond(name: Lag.p0, config: BondConfig(miimon: 1)) }
    }

    @Test func enslaveAndReleaseRules() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup))
        try s.setLink(Lag.p0, up: true)
        expectError(.EPERM, "Device can not be enslaved while up") { try s.enslave(Lag.p0, to: "bond0") }
        try s.setLink(Lag.p0, up: false)
        try s.enslave(Lag.p0, to: "bond0")
        #expect(try s.enslave(Lag.p0, to: "bond0") == nil)   // same master: no-op
        let slave = try #require(try s.interfaces().first { $0.name == Lag.p0 })
        #expect(slave.adminUp && slave.carrier && slave.master == "bond0")   // enslave opens the slave
        expectError(.EPERM, "Cannot enslave bond to itself.") { try s.enslave("bond0", to: "bond0") }
        expectError(.EOPNOTSUPP, nil) { try s.enslave(Lag.p1, to: Lag.p0) }
        expectError(.ENODEV, "no network interface named bond9") { try s.enslave(Lag.p1, to: "bond9") }
        expectError(.EOPNOTSUPP, nil) { try s.deleteLink(named: Lag.p1) }
        try s.release(Lag.p1)   // no master: nothing to do

        // Moving an up slave to another bond releases (and closes) it first, so it succeeds.
        try s.createBond(name: "bond1", config: BondConfig(mode: .activeBackup))
        try s.enslave(Lag.p0, to: "bond1")
        #expect(try s.bond(named: "bond0").slaves.isEmpty && s.bond(named: "bond1").slaves.map(\.name) == [Lag.p0])

        try s.deleteLink(named: "bond1")
        let after = try #require(try s.interfaces().first { $0.name == Lag.p0 })
        #expect(after.master == nil && !after.adminUp && !after.carrier)
        expectError(.ENODEV, "no network interface named bond1") { _ = try s.bond(named: "bond1") }
    }

    @Test func activeBackupFailsOverOnlyWithMiimon() throws {
        let s = try Lag.bonded(.activeBackup)
        var b = try s.bond(named: "bond0")
        #expect(b.activeSlave == Lag.p0 && b.carrier)
        #expect(b.slaves.map(\.state) == [.active, .backup] && b.slaves.map(\.miiStatus) == [.up, .up])
        try s.setCable(Lag.p0, plugged: false)
        #expect(try s.bond(named: "bond0").activeSlave == Lag.p0)   // noticed by miimon, in settle
        try s.settle()
        b = try s.bond(named: "bond0")
        #expect(b.activeSlave == Lag.p1 && b.slaves.map(\.state) == [.backup, .active])
        #expect(b.slaves[0].miiStatus == .down && b.slaves[0].linkFailureCount == 1)
        // Link back: no preemption without a primary.
        try s.setCable(Lag.p0, plugged: true)
        try s.settle()
        b = try s.bond(named: "bond0")
        #expect(b.activeSlave == Lag.p1 && b.slaves[0].miiStatus == .up)

        let noMii = try Lag.bonded(.activeBackup, miimon: 0)
        try noMii.setLink(Lag.p0, up: false)
        try noMii.settle()
        #expect(try noMii.bond(named: "bond0").activeSlave == Lag.p0)   // nobody watches the link
    }

    @Test func lacpNeedsTheBondUp() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig(mode: .ieee8023ad))
        try s.enslave(Lag.p0, to: "bond0")
        try s.enslave(Lag.p1, to: "bond0")
        try s.settle()
        #expect(try s.bond(named: "bond0").slaves.map(\.state) == [.backup, .backup])
        try s.setLink("bond0", up: true)
        try s.settle()
        #expect(try s.bond(named: "bond0").slaves.map(\.state) == [.active, .active])
    }

    @Test func deletedRepresentorIsReleased() throws {
        let s = try EmulatedSession()
        try s.setSriovNumVFs(H.pf0, 1)
        try s.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        let rep = try #require(try s.port(H.vf(0)).netdev)
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup))
        try s.enslave(rep, to: "bond0")
        try s.setSriovNumVFs(H.pf0, 0)
        #expect(try s.bond(named: "bond0").slaves.isEmpty)
    }
}

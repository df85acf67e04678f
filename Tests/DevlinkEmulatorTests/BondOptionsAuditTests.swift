import DevlinkEmulator
import DevlinkModel
import Testing

/// Bond option rules corrected by the 6.12 audit of bond_options.c (docs/fidelity.md, "Audit: bonding
/// options"); each was checked in the guest (`ip link add … type bond …` on 6.12.118) and failed on
/// the emulator's earlier behaviour.
@Suite struct BondOptionsAuditTests {
    static func expectError(_ errno: Errno, _ message: String?, _ body: () throws -> Void) {
        #expect(throws: DevlinkError(errno, message)) { try body() }
    }

    // B4: bond_main.c's module default is miimon 0; bond_option_mode_set forces 100 only for the modes
    // without ARP monitoring (802.3ad, balance-tlb, balance-alb).
    @Test func miimonDefaultsToZeroExceptForModesWithoutArp() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "b0", config: BondConfig(mode: .activeBackup))
        try s.createBond(name: "b1", config: BondConfig())
        for mode in [BondMode.ieee8023ad, .balanceTLB, .balanceALB] {
            try s.createBond(name: "b-\(mode.rawValue)", config: BondConfig(mode: mode))
        }
        #expect(try s.bond(named: "b0").miimon == 0 && s.bond(named: "b1").miimon == 0)
        for mode in [BondMode.ieee8023ad, .balanceTLB, .balanceALB] {
            #expect(try s.bond(named: "b-\(mode.rawValue)").miimon == 100)
        }
        // Mode first, then miimon (bond_changelink's order): an explicit 0 wins.
        try s.createBond(name: "b2", config: BondConfig(mode: .ieee8023ad, miimon: 0))
        #expect(try s.bond(named: "b2").miimon == 0)
        // Switching a down, slaveless bond to 802.3ad turns MII monitoring on.
        try s.changeBond(name: "b0", config: BondConfig(mode: .ieee8023ad))
        #expect(try s.bond(named: "b0").miimon == 100)
    }

    // B6/B7: _bond_option_delay_set keeps whole miimon ticks; the delays follow a later miimon change.
    @Test func delaysAreWholeMiimonTicks() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "b3", config: BondConfig(miimon: 100, updelay: 250, downdelay: 120))
        var b = try s.bond(named: "b3")
        #expect(b.updelay == 200 && b.downdelay == 100)
        try s.changeBond(name: "b3", config: BondConfig(miimon: 50))
        b = try s.bond(named: "b3")
        #expect(b.miimon == 50 && b.updelay == 100 && b.downdelay == 50)
        // Below one tick: 0.
        try s.changeBond(name: "b3", config: BondConfig(updelay: 30))
        #expect(try s.bond(named: "b3").updelay == 0)
    }

    // B2: bond_intmax_tbl bounds miimon, updelay, downdelay and min_links at INT_MAX; the range check
    // (bond_opt_parse) comes before the delay's EPERM.
    @Test func valuesAboveIntMaxAreInvalid() throws {
        let s = try EmulatedSession()
        let big: UInt32 = 3_000_000_000
        for config in [BondConfig(miimon: big), BondConfig(mode: .activeBackup, minLinks: big), BondConfig(updelay: big),
                       BondConfig(downdelay: big)] {
            Self.expectError(.EINVAL, "invalid option value") { try s.createBond(name: "b4", config: config) }
        }
        #expect(try s.bonds().isEmpty)
        try s.createBond(name: "b4", config: BondConfig(miimon: UInt32(Int32.max), minLinks: UInt32(Int32.max)))
        // Without MII monitoring a delay is EPERM with no message.
        Self.expectError(.EPERM, nil) { try s.createBond(name: "b5", config: BondConfig(updelay: 100)) }
    }

    // bond_enslave: under ARP monitoring a slave's link is its carrier at enslave.
    @Test func arpMonitoredSlaveWithoutCarrierStartsDown() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "b15", config: BondConfig(mode: .activeBackup, arpInterval: 100, arpIPTargets: ["192.0.2.1"]))
        try s.setCable(Lag.p0, plugged: false)
        try s.enslave(Lag.p0, to: "b15")
        try s.enslave(Lag.p1, to: "b15")
        #expect(try s.bond(named: "b15").slaves.map(\.miiStatus) == [.down, .up])
        // Without any monitoring a slave is up whatever its carrier.
        try s.createBond(name: "b16", config: BondConfig(mode: .activeBackup))
        try s.release(Lag.p0)
        try s.enslave(Lag.p0, to: "b16")
        #expect(try s.bond(named: "b16").slaves.map(\.miiStatus) == [.up])
    }
}

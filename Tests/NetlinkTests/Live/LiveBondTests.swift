import DevlinkModel
import Testing
@testable import Netlink

/// Bonds over rtnetlink with a netdevsim port's netdev as slave, on the real kernel.
@Suite(.serialized, .enabled(if: LiveKernel.enabled, LiveKernel.reason))
struct LiveBondTests {
    @Test func liveBondWithNetdevsimSlave() throws {
        let nsim = try NetdevsimDevice(id: 21)
        let s = try NetlinkSession()
        let eth = try #require(try s.port(nsim.port(0)).netdev)
        let eth2 = try #require(try s.port(nsim.port(1)).netdev)
        try s.createBond(name: "dlsbond0", options: BondOptions(mode: .activeBackup, miimon: 100))
        defer { try? s.deleteLink(named: "dlsbond0") }
        let bond = try s.link(named: "dlsbond0")
        #expect(bond.isBond && bond.bond?.mode == .activeBackup && bond.bond?.miimon == 100)
        #expect(expectDevlinkError(.EEXIST) { try s.createBond(name: "dlsbond0", options: BondOptions()) } == nil)

        try s.setLink(eth, up: false)
        try s.enslave(eth, to: "dlsbond0")
        try s.setLink("dlsbond0", up: true)
        #expect(try s.slaves(of: "dlsbond0").map(\.name) == [eth])
        let slave = try s.link(named: eth)
        #expect(slave.master == bond.index && slave.bondSlave != nil)
        #expect(try s.bondLinks().map(\.name).contains("dlsbond0"))

        try s.setLink(eth2, up: true)
        #expect(expectDevlinkError(.EPERM, "Device can not be enslaved while up") { try s.enslave(eth2, to: "dlsbond0") } == nil)
        // a mode change needs the bond down and without slaves (ENOTEMPTY / EBUSY, lag.md §3.3)
        do {
            try s.changeBond(name: "dlsbond0", options: BondOptions(mode: .balanceXOR))
            Issue.record("mode change with a slave was accepted")
        } catch let e as DevlinkError {
            // bond_opt_check_deps: "no slaves" is checked before "interface down", so ENOTEMPTY
            #expect(e.errno == Errno(number: 39), "\(e)")
            #expect(e.message == "unable to set option because the bond device has slaves", "\(e)")
        }
        try s.changeBond(name: "dlsbond0", options: BondOptions(miimon: 200))
        #expect(try s.link(named: "dlsbond0").bond?.miimon == 200)

        try s.release(eth)
        #expect(try s.slaves(of: "dlsbond0").isEmpty)
        try s.deleteLink(named: "dlsbond0")
        #expect(expectDevlinkError(.ENODEV) { _ = try s.link(named: "dlsbond0") } == nil)
    }
}

/// Runs everywhere: a kernel without devlink gives the one-line explanation.
@Suite struct SessionAvailabilityTests {
    @Test(.enabled(if: !NetlinkSession.isAvailable(), "this kernel has devlink: the session opens, there is no message to check"))
    func missingDevlinkFamilyIsExplained() {
        #expect(throws: NetlinkSessionError.devlinkUnavailable) { _ = try NetlinkSession() }
        #expect(NetlinkSessionError.devlinkUnavailable.description.contains("--emulator"))
    }

    @Test func epermIsExplainedAsCapNetAdmin() {
        let e = DevlinkError(NetlinkError.kernel(KernelError(errno: 1)))
        #expect(e.errno == .EPERM && e.message?.contains("CAP_NET_ADMIN") == true)
        let withExtack = DevlinkError(NetlinkError.kernel(KernelError(errno: 1, message: "Device can not be enslaved while up")))
        #expect(withExtack.message == "Device can not be enslaved while up")
    }
}

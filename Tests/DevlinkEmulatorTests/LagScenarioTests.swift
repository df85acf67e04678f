import DevlinkEmulator
import DevlinkModel
import Testing

/// The RoCE-over-LAG walk-through (what `scripts/examples/roce-lag.dls` will do through the `lag` and
/// `link` commands), against the session API: bond both ports, wait for the LAG, fail a port over
/// and back, take the bond apart.
@Suite struct LagScenarioTests {
    /// The language's `wait(cond, timeout)`: poll, settle, poll.
    func wait(_ s: EmulatedSession, _ condition: () throws -> Bool) throws -> Bool {
        for _ in 0..<10 {
            if try condition() { return true }
            if try !s.settle() { return try condition() }
        }
        return false
    }

    @Test func roceLagWalkThrough() throws {
        let s = try EmulatedSession()
        // ip link add bond0 type bond mode 802.3ad miimon 100 xmit_hash_policy layer3+4 lacp_rate fast
        try s.createBond(name: "bond0", config: BondConfig(mode: .ieee8023ad, miimon: 100, xmitHashPolicy: .layer34, lacpRate: .fast))
        for port in [Lag.p0, Lag.p1] {
            try s.setLink(port, up: false)
            #expect(try s.enslave(port, to: "bond0") == nil)
        }
        try s.setLink("bond0", up: true)
        #expect(try wait(s) { try s.bond(named: "bond0").hardwareLag?.isActive == true })
        var bond = try s.bond(named: "bond0")
        #expect(bond.carrier && bond.slaves.allSatisfy { $0.state == .active && $0.miiStatus == .up })
        #expect(bond.hardwareLag?.mode == .roce && bond.hardwareLag?.rdmaDevice == "mlx5_bond_0")
        #expect(bond.hardwareLag?.map == [1, 2] && bond.hardwareLag?.portSelectMode == .queueAffinity)

        // Port 1 goes down: its queues move to port 2.
        try s.setLink(Lag.p0, up: false)
        #expect(try wait(s) { try s.hardwareLag(H.pf0)?.map == [2, 2] })
        bond = try s.bond(named: "bond0")
        #expect(bond.slaves[0].miiStatus == .down && bond.slaves[0].linkFailureCount == 1 && bond.carrier)
        try s.setLink(Lag.p0, up: true)
        #expect(try wait(s) { try s.hardwareLag(H.pf0)?.map == [1, 2] })

        // Taking the bond apart gives each port its own RDMA device back.
        try s.deleteLink(named: "bond0")
        #expect(try wait(s) { try s.hardwareLag(H.pf0)?.isActive == false })
        #expect(try s.hardwareLag(H.pf0)?.rdmaDevices == ["mlx5_0", "mlx5_1"])
        let log = try s.firmwareLog(H.pf0)
        #expect(log.map(\.opcode.name) == ["CREATE_LAG", "CREATE_VPORT_LAG", "MODIFY_LAG", "MODIFY_LAG",
                                           "DESTROY_VPORT_LAG", "DESTROY_LAG"])
        #expect(log.allSatisfy(\.succeeded) && log.map(\.sequence) == Array(1...6))
    }
}

import DevlinkEmulator
import DevlinkModel
import Testing

@Suite struct RateTreeTests {
    @Test func listingOrderNodesNewestFirstThenLeaves() throws {
        let session = try mlx5Session(kernel: "6.15")
        _ = try session.addPort(H.sfRequest(1))
        _ = try session.addPort(H.sfRequest(2))
        try session.addRateNode(H.node("a"), RateChanges())
        try session.addRateNode(H.node("b"), RateChanges(txMax: 1_250_000_000, parent: "a"))
        let listing = try session.rates(of: H.pf0)
        #expect(listing.map(\.handle.description) == [
            "pci/0000:06:00.0/b", "pci/0000:06:00.0/a", "pci/0000:06:00.0/32768", "pci/0000:06:00.0/32769",
        ])
        #expect(listing[0].txMax == 1_250_000_000 && listing[0].parent == "a")
    }

    @Test func partialApplicationStopsAtFirstFailure() throws {
        let session = try mlx5Session(kernel: "6.15")
        try session.addRateNode(H.node("g"), RateChanges())
        _ = try session.drainEvents()
        // share applied, max refused: share stays, no notification.
        expectError(.EINVAL, "mlx5_core: TX rate value not in link speed units of 1Mbps") {
            try session.setRate(H.node("g"), RateChanges(txShare: 250_000, txMax: 1))
        }
        #expect(try session.rate(H.node("g")).txShare == 250_000)
        #expect(try session.rate(H.node("g")).txMax == 0)
        #expect(try session.drainEvents().isEmpty)
        // parent fails after share/max were applied.
        expectError(.ENODEV, nil) {
            try session.setRate(H.node("g"), RateChanges(txShare: 125_000, txMax: 500_000, parent: "ghost"))
        }
        let g = try session.rate(H.node("g"))
        #expect(g.txShare == 125_000 && g.txMax == 500_000 && g.parent == nil)
    }

    @Test func nodeCreationIsAtomic() throws {
        let session = try mlx5Session(kernel: "6.15")
        expectError(.ENODEV, nil) { try session.addRateNode(H.node("g"), RateChanges(txMax: 125_000, parent: "x")) }
        #expect(throws: DevlinkError.self) { try session.rate(H.node("g")) }
        #expect(try session.drainEvents().isEmpty)
    }

    @Test func parentingReparentingAndUnparenting() throws {
        let session = try nsimSession()
        let d = H.nsim
        try session.addRateNode(H.node("a", d), RateChanges())
        try session.addRateNode(H.node("b", d), RateChanges())
        try session.setRate(.leaf(H.nsimVF(0)), RateChanges(parent: "a"))
        expectError(.EBUSY, "Node has children. Cannot delete node.") { try session.deleteRateNode(H.node("a", d)) }
        try session.setRate(.leaf(H.nsimVF(0)), RateChanges(parent: "b"))   // reparent drops a's count
        try session.deleteRateNode(H.node("a", d))
        try session.setRate(.leaf(H.nsimVF(0)), RateChanges(parent: ""))
        try session.setRate(.leaf(H.nsimVF(0)), RateChanges(parent: ""))    // no parent: still fine
        try session.deleteRateNode(H.node("b", d))
        #expect(try session.rates(of: d).allSatisfy { !$0.handle.isNode && $0.parent == nil })
    }

    @Test func deletingAPortDropsItsLeafFromTheParent() throws {
        let session = try mlx5Session()
        _ = try session.addPort(H.sfRequest(5))
        try session.addRateNode(H.node("g"), RateChanges())
        try session.setRate(.leaf(H.firstSF), RateChanges(parent: "g"))
        try session.deletePort(H.firstSF)
        try session.deleteRateNode(H.node("g"))
        expectError(.EBUSY, "Rate node(s) exists.") {
            try session.addRateNode(H.node("h"), RateChanges())
            try session.setEswitch(H.pf0, EswitchChanges(mode: .legacy))
        }
    }

    @Test func tcBandwidthOnMlx5() throws {
        let session = try mlx5Session(kernel: "6.17")
        try session.addRateNode(H.node("g"), RateChanges())
        let entries = (0..<8).map { TrafficClassBandwidth(index: UInt8(7 - $0), bandwidth: UInt32($0)) }
        try session.setRate(H.node("g"), RateChanges(tcBandwidths: entries))
        #expect(try session.rate(H.node("g")).tcBandwidths == [7, 6, 5, 4, 3, 2, 1, 0])
        var bad = entries
        bad[0].index = 9
        expectError(.ERANGE, "integer out of range") { try session.setRate(H.node("g"), RateChanges(tcBandwidths: bad)) }
    }

    /// devlink_nl_rate_new_doit lists the node only after applying its attributes, so `rate add g
    /// parent g` finds no node g: ENODEV, not "Parent to self" (the emulator said that before).
    @Test(arguments: ["mlx5", "netdevsim"])
    func newNodeIsNotItsOwnParent(_ profile: String) throws {
        let session = profile == "mlx5" ? try mlx5Session(kernel: "6.15") : try nsimSession()
        let device = profile == "mlx5" ? H.pf0 : H.nsim
        expectError(.ENODEV, nil) { try session.addRateNode(H.node("g", device), RateChanges(parent: "g")) }
        #expect(try session.rates(of: device).allSatisfy { !$0.handle.isNode })
    }
}

import DevlinkEmulator
import DevlinkModel
import Foundation
import Testing

private let tcHalf = (0..<8).map { TrafficClassBandwidth(index: UInt8($0), bandwidth: $0 < 2 ? 50 : 0) }

/// Each version gate of the rate rules (KernelGate, docs/fidelity.md), tested on both sides.
@Suite struct RateVersionTests {
    @Test func topologiesDeclareTheirKernel() throws {
        #expect(try mlx5Session().snapshot().kernel == KernelVersion(6, 12))
        #expect(try mlx5Session(kernel: "6.15").snapshot().kernel == KernelVersion(6, 15))
        #expect(Topology.builtin(named: "mlx5@six") == nil)
        #expect(KernelVersion(parsing: "6.12.118") == KernelVersion(6, 12))
        #expect(KernelVersion(6, 9) < KernelVersion(6, 12) && KernelVersion(6, 12) < KernelVersion(7, 0))
        let file = try Topology.decode(json: Data(#"{"kernel_version": "6.17", "devices": [{"handle": "pci/0000:01:00.0", "profile": "mlx5"}]}"#.utf8))
        #expect(file.kernelVersion == KernelVersion(6, 17))
        #expect(throws: TopologyError.self) {
            try Topology.decode(json: Data(#"{"kernel_version": 6.1, "devices": [{"handle": "pci/0000:01:00.0", "profile": "mlx5"}]}"#.utf8))
        }
    }

    /// net/devlink/rate.c devlink_rate_set_ops_supported: mlx5 has no rate_node_parent_set before
    /// 6.15 (9c7bbf4c3304), so even `noparent` on a node is refused; leaf parents always worked.
    @Test func mlx5NodeParentsFrom615() throws {
        let old = try mlx5Session()
        try old.addRateNode(H.node("a"), RateChanges())
        let refusal = "Parent set isn't supported for the nodes"
        expectError(.EOPNOTSUPP, refusal) { try old.addRateNode(H.node("b"), RateChanges(parent: "a")) }
        expectError(.EOPNOTSUPP, refusal) { try old.setRate(H.node("a"), RateChanges(parent: "")) }
        _ = try old.addPort(H.sfRequest(1))
        try old.setRate(.leaf(H.firstSF), RateChanges(parent: "a"))

        let new = try mlx5Session(kernel: "6.15")
        try new.addRateNode(H.node("a"), RateChanges())
        try new.addRateNode(H.node("b"), RateChanges(parent: "a"))
        #expect(try new.rate(H.node("b")).parent == "a")
    }

    /// genl: RATE_TC_BWS is past the 6.12 policy's maxattr, so a 6.12 kernel would drop it unread;
    /// the session refuses it first (KernelFeatures, issue 25), before the state or the events change,
    /// with the netlink backend's words. From 6.17 (566e8f108fc7) it is stored.
    @Test(arguments: ["mlx5", "netdevsim"])
    func tcBandwidthRefusedBefore617(_ profile: String) throws {
        func leafSession(_ kernel: String?) throws -> (EmulatedSession, RateHandle) {
            if profile == "mlx5" {
                let session = try mlx5Session(kernel: kernel)
                _ = try session.addPort(H.sfRequest(1))
                _ = try session.drainEvents()
                return (session, .leaf(H.firstSF))
            }
            return (try nsimSession(kernel: kernel), .leaf(H.nsimVF(0)))
        }
        var outOfRange = tcHalf
        outOfRange[7].index = 9
        let (old, oldLeaf) = try leafSession(nil)
        let before = old.snapshot()
        let refusal = KernelFeatureError(feature: .tcBandwidth, release: "6.12")
        #expect(refusal.message == "tc-bw needs kernel 6.17 or later (this kernel is 6.12; nothing was sent)")
        #expect(throws: refusal) { try old.setRate(oldLeaf, RateChanges(tcBandwidths: tcHalf)) }
        #expect(throws: refusal) { try old.setRate(oldLeaf, RateChanges(tcBandwidths: outOfRange)) }
        #expect(throws: refusal) { try old.addRateNode(H.node("tc"), RateChanges(txMax: 125_000, tcBandwidths: tcHalf)) }
        #expect(old.snapshot() == before)
        #expect(try old.drainEvents().isEmpty)
        // The kernel sent no tc-bw: absent, which scripts read as nil.
        #expect(try old.rate(oldLeaf).absent == .tcBandwidths)

        let (new, newLeaf) = try leafSession("6.17")
        try new.setRate(newLeaf, RateChanges(tcBandwidths: tcHalf))
        #expect(try new.rate(newLeaf).tcBandwidths == [50, 50, 0, 0, 0, 0, 0, 0])
        #expect(try new.rate(newLeaf).absent.isEmpty)
        expectError(.ERANGE, "integer out of range") { try new.setRate(newLeaf, RateChanges(tcBandwidths: outOfRange)) }
    }

    /// esw/qos.c mlx5_esw_qos_node_validate_set_parent: levels from 2, at most 1 << 2 = 4 by default;
    /// 33dbaa54ef43 (6.18) put the numbers into the message.
    @Test func mlx5DepthMessageGainsNumbersIn618() throws {
        for (kernel, message) in [
            ("6.15", "mlx5_core: Node hierarchy depth exceeds the maximum supported level"),
            ("6.17", "mlx5_core: Node hierarchy depth exceeds the maximum supported level"),
            ("6.18", "mlx5_core: Node hierarchy depth 5 exceeds the maximum supported level 4"),
        ] {
            let session = try mlx5Session(kernel: kernel)
            try session.addRateNode(H.node("n2"), RateChanges())
            try session.addRateNode(H.node("n3"), RateChanges(parent: "n2"))
            try session.addRateNode(H.node("n4"), RateChanges(parent: "n3"))
            expectError(.EOPNOTSUPP, message) { try session.addRateNode(H.node("n5"), RateChanges(parent: "n4")) }
            // The failed create takes the node away again.
            #expect(try session.rates(of: H.pf0).filter(\.handle.isNode).count == 3)
        }
    }

    @Test func mlx5TcArbitrationDepthMessagesGainNumbersIn618() throws {
        for (kernel, node, leaf) in [
            ("6.17", "TC arbitration on nodes is not supported beyond max scheduling depth",
             "TC arbitration on leafs is not supported beyond max scheduling depth"),
            ("6.18", "TC arbitration on nodes is not supported beyond max depth 4",
             "TC arbitration on leafs is not supported beyond max depth 4"),
        ] {
            let session = try mlx5Session(kernel: kernel)
            try session.addRateNode(H.node("n2"), RateChanges())
            try session.addRateNode(H.node("n3"), RateChanges(parent: "n2"))
            try session.addRateNode(H.node("n4"), RateChanges(parent: "n3"))
            expectError(.EOPNOTSUPP, "mlx5_core: " + node) {
                try session.setRate(H.node("n4"), RateChanges(tcBandwidths: tcHalf))
            }
            _ = try session.addPort(H.sfRequest(1))
            try session.setRate(.leaf(H.firstSF), RateChanges(parent: "n3"))
            expectError(.EOPNOTSUPP, "mlx5_core: " + leaf) {
                try session.setRate(.leaf(H.firstSF), RateChanges(tcBandwidths: tcHalf))
            }
            // One level higher both fit: the node is level 3 (+1), the leaf's parent level 2 (+2).
            try session.deleteRateNode(H.node("n4"))
            try session.setRate(H.node("n3"), RateChanges(tcBandwidths: tcHalf))
            try session.setRate(.leaf(H.firstSF), RateChanges(parent: "n2", tcBandwidths: tcHalf))
        }
    }
}

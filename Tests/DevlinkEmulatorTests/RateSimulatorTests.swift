import DevlinkModel
import Testing

/// Trees small enough to work out by hand: the numbers in each test are computed in its comment.
enum Sim {
    static let dev = DeviceHandle(bus: "pci", name: "0000:06:00.0")
    static let gbit: UInt64 = 125_000_000
    static let mbit: UInt64 = 125_000

    static func leaf(_ index: UInt32, share: UInt64 = 0, max: UInt64 = 0, parent: String? = nil, priority: UInt32 = 0,
                     weight: UInt32 = 0, tcBw: [UInt32]? = nil) -> RateObject {
        RateObject(handle: RateHandle(device: dev, target: .leaf(portIndex: index)), txShare: share, txMax: max,
                   txPriority: priority, txWeight: weight, parent: parent, tcBandwidths: tcBw ?? RateObject.noBandwidths)
    }

    static func node(_ name: String, share: UInt64 = 0, max: UInt64 = 0, parent: String? = nil) -> RateObject {
        RateObject(handle: .node(dev, name), txShare: share, txMax: max, parent: parent)
    }

    static func h(_ index: UInt32) -> RateHandle { RateHandle(device: dev, target: .leaf(portIndex: index)) }
    static func n(_ name: String) -> RateHandle { .node(dev, name) }

    static func run(_ objects: [RateObject], _ demands: [UInt32: UInt64], link: UInt64? = 100 * gbit,
                    rules: RateArbitration.Rules = .mlx5, kernel: (Int, Int) = (6, 17)) throws -> RateSimulation {
        var d: [RateHandle: RateDemand] = [:]
        for (k, v) in demands { d[h(k)] = RateDemand(v) }
        return try RateSimulator.simulate(device: dev, objects: objects, demands: d,
                                          arbitration: RateArbitration(rules: rules, link: link, kernel: (kernel.0, kernel.1)))
    }
}

extension RateSimulation {
    func got(_ handle: RateHandle) -> UInt64 { allocation(handle)?.allocated ?? .max }
    func bound(_ handle: RateHandle) -> RateBound? { allocation(handle)?.bound }
}

@Suite struct RateSimulatorTests {
    typealias S = Sim
    let g = Sim.gbit

    @Test func singleLeafGetsItsDemand() throws {
        let r = try S.run([S.leaf(1)], [1: 10 * g])
        #expect(r.got(S.h(1)) == 10 * g && r.bound(S.h(1)) == .demand)
        #expect(r.total == 10 * g)
    }

    @Test func topLevelLeafIsLimitedByLinkOrItsMax() throws {
        var r = try S.run([S.leaf(1)], [1: 200 * g])
        #expect(r.got(S.h(1)) == 100 * g && r.bound(S.h(1)) == .link)
        r = try S.run([S.leaf(1, max: 5 * g)], [1: 10 * g])
        #expect(r.got(S.h(1)) == 5 * g && r.bound(S.h(1)) == .txMax)
    }

    @Test func aLeafMissingFromTheDemandsOffersNothing() throws {
        let r = try S.run([S.leaf(1), S.leaf(2)], [1: 300 * g])
        #expect(r.got(S.h(2)) == 0 && r.bound(S.h(2)) == .demand)
        #expect(r.got(S.h(1)) == 100 * g)
    }

    /// Node tx_max 10G; leaf 1 capped at 2G by its own tx_max, leaf 2 wants 10G: 2G + 8G.
    @Test func saturatedNodeGivesTheRestToTheUncappedChild() throws {
        let r = try S.run([S.node("n", max: 10 * g), S.leaf(1, max: 2 * g, parent: "n"), S.leaf(2, parent: "n")],
                          [1: 10 * g, 2: 10 * g])
        #expect(r.got(S.h(1)) == 2 * g && r.bound(S.h(1)) == .txMax)
        #expect(r.got(S.h(2)) == 8 * g && r.bound(S.h(2)) == .ancestorTxMax("pci/0000:06:00.0/n"))
        #expect(r.got(S.n("n")) == 10 * g && r.bound(S.n("n")) == .txMax)
    }

    /// Leaf 1 offers 1G of the node's 10G; the 9G it leaves go to leaf 2 (work conserving).
    @Test func unusedShareMovesToSiblings() throws {
        let r = try S.run([S.node("n", max: 10 * g), S.leaf(1, share: 5 * g, parent: "n"), S.leaf(2, parent: "n")],
                          [1: 1 * g, 2: 20 * g])
        #expect(r.got(S.h(1)) == 1 * g && r.bound(S.h(1)) == .demand)
        #expect(r.got(S.h(2)) == 9 * g && r.bound(S.h(2)) == .ancestorTxMax("pci/0000:06:00.0/n"))
    }

    /// a (20G) holds b (5G); leaf 1 under b wants 10G and gets 5G; leaf 2 under a takes the other 15G.
    @Test func nestedCaps() throws {
        let r = try S.run([S.node("a", max: 20 * g), S.node("b", max: 5 * g, parent: "a"),
                           S.leaf(1, parent: "b"), S.leaf(2, parent: "a")], [1: 10 * g, 2: 30 * g])
        #expect(r.got(S.h(1)) == 5 * g && r.bound(S.h(1)) == .ancestorTxMax("pci/0000:06:00.0/b"))
        #expect(r.got(S.h(2)) == 15 * g && r.bound(S.h(2)) == .ancestorTxMax("pci/0000:06:00.0/a"))
        #expect(r.got(S.n("a")) == 20 * g && r.got(S.n("b")) == 5 * g)
    }

    @Test func equalSiblingsSplitEvenly() throws {
        let r = try S.run([S.leaf(1), S.leaf(2)], [1: 100 * g, 2: 100 * g])
        #expect(r.got(S.h(1)) == 50 * g && r.got(S.h(2)) == 50 * g)
        #expect(r.bound(S.h(1)) == .share(nil))
    }

    /// mlx5: tx_share 2G and 8G are 2000 and 8000 Mbit/s; divider max(8000 / 100, 1) = 80, bw_share
    /// ceil(2000 / 80) = 25 and 100: a 20/80 split of a 10G link.
    @Test func mlx5SharesAreRelativeWeights() throws {
        let r = try S.run([S.leaf(1, share: 2 * g), S.leaf(2, share: 8 * g)], [1: 100 * g, 2: 100 * g], link: 10 * g)
        #expect(r.got(S.h(1)) == 2 * g && r.got(S.h(2)) == 8 * g)
        // Relative, not absolute: with a 100G link the same shares give 20G and 80G.
        let wide = try S.run([S.leaf(1, share: 2 * g), S.leaf(2, share: 8 * g)], [1: 100 * g, 2: 100 * g])
        #expect(wide.got(S.h(1)) == 20 * g && wide.got(S.h(2)) == 80 * g)
        // A sibling without tx_share still gets MLX5_MIN_BW_SHARE = 1 against 100.
        let unset = try S.run([S.leaf(1, share: 10 * g), S.leaf(2)], [1: 101 * g, 2: 101 * g], link: 101 * g)
        #expect(unset.got(S.h(1)) == 100 * g && unset.got(S.h(2)) == 1 * g)
    }

    @Test func mlx5BandwidthShareFormula() {
        let a = RateArbitration(rules: .mlx5, link: nil)
        #expect(a.mlx5BandwidthShares([2 * g, 8 * g]) == [25, 100])
        #expect(a.mlx5BandwidthShares([0, 0]) == [0, 0])
        #expect(a.mlx5BandwidthShares([Sim.mbit, 0]) == [1, 1])          // divider max(1/100, 1) = 1
        #expect(a.mlx5BandwidthShares([50 * Sim.mbit, 20_000 * Sim.mbit]) == [1, 100])   // ceil(50/200)
        #expect(a.mlx5TrafficClassShares([0, 0, 0, 20, 80, 0, 0, 0]) == [1, 1, 1, 20, 80, 1, 1, 1])
    }

    /// The document's flow: the higher tx_priority takes everything it wants first.
    @Test func priorityStarvesLowerPriority() throws {
        let r = try S.run([S.leaf(1, priority: 1), S.leaf(2)], [1: 10 * g, 2: 10 * g], link: 10 * g, rules: .documented)
        #expect(r.got(S.h(1)) == 10 * g && r.got(S.h(2)) == 0)
        #expect(r.bound(S.h(2)) == .share(nil))
        // What the high priority leaves unused goes down.
        let r2 = try S.run([S.leaf(1, priority: 1), S.leaf(2)], [1: 4 * g, 2: 10 * g], link: 10 * g, rules: .documented)
        #expect(r2.got(S.h(1)) == 4 * g && r2.got(S.h(2)) == 6 * g && r2.bound(S.h(2)) == .link)
    }

    @Test func weightsShareInProportion() throws {
        let r = try S.run([S.leaf(1, weight: 1), S.leaf(2, weight: 3)], [1: 10 * g, 2: 10 * g], link: 8 * g, rules: .documented)
        #expect(r.got(S.h(1)) == 2 * g && r.got(S.h(2)) == 6 * g)
        let equal = try S.run([S.leaf(1, weight: 5), S.leaf(2, weight: 5)], [1: 10 * g, 2: 10 * g], link: 8 * g, rules: .documented)
        #expect(equal.got(S.h(1)) == 4 * g && equal.got(S.h(2)) == 4 * g)
    }

    /// Documented tx_share is a minimum: 6G first, the other 4G split evenly: 8G and 2G.
    @Test func documentedShareIsAMinimum() throws {
        let r = try S.run([S.leaf(1, share: 6 * g), S.leaf(2)], [1: 10 * g, 2: 10 * g], link: 10 * g, rules: .documented)
        #expect(r.got(S.h(1)) == 8 * g && r.got(S.h(2)) == 2 * g)
    }

    /// 6.12: the leaves without a parent share group0, one sibling of node n. Divider over {n 1000,
    /// group0 0} = 10: bw_share 100 and 1, so group0 gets 1/101 of 101G = 1G, 0.5G per leaf.
    @Test func mlx5Group0Before613() throws {
        let objects = [S.node("n", share: 1 * g), S.leaf(3, parent: "n"), S.leaf(1), S.leaf(2)]
        let old = try S.run(objects, [1: 200 * g, 2: 200 * g, 3: 200 * g], link: 101 * g, kernel: (6, 12))
        #expect(old.got(S.n("n")) == 100 * g && old.got(S.h(1)) == g / 2 && old.got(S.h(2)) == g / 2)
        // Later kernels: the leaves are the node's siblings, weight 1 each: 100/102 of 102G.
        let new = try S.run(objects, [1: 200 * g, 2: 200 * g, 3: 200 * g], link: 102 * g, kernel: (6, 17))
        #expect(new.got(S.n("n")) == 100 * g && new.got(S.h(1)) == g && new.got(S.h(2)) == g)
    }

    /// tools/testing/selftests/drivers/net/hw/devlink_rate_tc_bw.py: one VF, tx_max 1Gbit
    /// (125000000 B/s), tc-bw 3:20 4:80, iperf3 saturating TC 3 and TC 4; the test accepts a total of
    /// 1Gbit ±12% and 20% / 80% ±12% of each.
    @Test func kernelSelftestTcBandwidthSplit() throws {
        let vf = S.leaf(1, max: 125_000_000, tcBw: [0, 0, 0, 20, 80, 0, 0, 0])
        var perClass = [UInt64](repeating: 0, count: 8)
        perClass[3] = 25 * g
        perClass[4] = 25 * g
        let r = try RateSimulator.simulate(device: S.dev, objects: [vf], demands: [S.h(1): RateDemand(perClass: perClass)],
                                           arbitration: RateArbitration(rules: .mlx5, link: 100 * g, kernel: (6, 17)))
        let classes = try #require(r.allocation(S.h(1))?.perClass)
        let total = Double(classes[3] + classes[4]) * 8 / 1e9
        #expect(total >= 1.0 * 0.88 && total <= 1.0 * 1.12)
        let tc3 = Double(classes[3]) / Double(classes[3] + classes[4]) * 100
        let tc4 = Double(classes[4]) / Double(classes[3] + classes[4]) * 100
        #expect(tc3 >= 20 * 0.88 && tc3 <= 20 * 1.12)
        #expect(tc4 >= 80 * 0.88 && tc4 <= 80 * 1.12)
        // The fluid model gives the exact split.
        #expect(classes[3] == 25_000_000 && classes[4] == 100_000_000)
        #expect(r.bound(S.h(1)) == .txMax)
    }

    /// A node with tc-bw 3:20 4:80 is a TC arbiter: its 10G go 2G to class 3 (leaf 1) and 8G to
    /// class 4 (leaf 2). With leaf 2 capped at 5G by its rate limiter, class 4 needs only 5G and class
    /// 3 takes the other 5G.
    @Test func nodeTrafficClassArbiter() throws {
        var node = S.node("n", max: 10 * g)
        node.tcBandwidths = [0, 0, 0, 20, 80, 0, 0, 0]
        func demands() -> [RateHandle: RateDemand] {
            var tc3 = [UInt64](repeating: 0, count: 8), tc4 = tc3
            tc3[3] = 10 * g
            tc4[4] = 10 * g
            return [S.h(1): RateDemand(perClass: tc3), S.h(2): RateDemand(perClass: tc4)]
        }
        let arbitration = RateArbitration(rules: .mlx5, link: 100 * g, kernel: (6, 17))
        var r = try RateSimulator.simulate(device: S.dev, objects: [node, S.leaf(1, parent: "n"), S.leaf(2, parent: "n")],
                                           demands: demands(), arbitration: arbitration)
        #expect(r.got(S.h(1)) == 2 * g && r.got(S.h(2)) == 8 * g && r.got(S.n("n")) == 10 * g)
        #expect(r.allocation(S.h(2))?.perClass?[4] == 8 * g)
        r = try RateSimulator.simulate(device: S.dev, objects: [node, S.leaf(1, parent: "n"), S.leaf(2, max: 5 * g, parent: "n")],
                                       demands: demands(), arbitration: arbitration)
        #expect(r.got(S.h(1)) == 5 * g && r.got(S.h(2)) == 5 * g)
        #expect(r.bound(S.h(2)) == .txMax && r.bound(S.h(1)) == .ancestorTxMax("pci/0000:06:00.0/n"))
    }

    @Test func badInputIsAnErrorNamingTheHandle() throws {
        #expect(throws: RateTree.Invalid.self) { try S.run([S.leaf(1, parent: "ghost")], [:]) }
        do {
            _ = try S.run([S.node("n")], [:]).allocations
            var d: [RateHandle: RateDemand] = [:]
            d[S.n("n")] = RateDemand(g)
            _ = try RateSimulator.simulate(device: S.dev, objects: [S.node("n")], demands: d,
                                           arbitration: RateArbitration(rules: .mlx5, link: nil))
            Issue.record("a demand on a node must fail")
        } catch {
            #expect("\(error)".contains("pci/0000:06:00.0/n is a node"))
        }
        // A cycle the kernel would refuse, from a session that reports one anyway.
        #expect(throws: RateTree.Invalid.self) {
            try S.run([S.node("a", parent: "b"), S.node("b", parent: "a")], [:])
        }
        #expect(throws: RateTree.Invalid.self) { try S.run([S.leaf(1)], [9: g]) }
    }
}

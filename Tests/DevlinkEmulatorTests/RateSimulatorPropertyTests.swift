import DevlinkModel
import PropertyBased
import Testing

/// Random trees, loads and rules: no allocation exceeds a cap or a demand, every node is the sum of
/// its children, and offering more never gets a leaf less.
@Suite struct RateSimulatorPropertyTests {
    /// A random case decoded from integers: up to 5 nodes (each under an earlier node or at the top, some
    /// with tc-bw),
    /// up to 8 leaves, caps, shares, priorities, weights, demands, the rules and the link.
    struct Case {
        var objects: [RateObject] = []
        var demands: [RateHandle: RateDemand] = [:]
        var arbitration: RateArbitration

        init(_ codes: [Int]) {
            var codes = codes[...]
            func next(_ range: Int) -> Int { (codes.popFirst() ?? 0) % range }
            let g = Sim.gbit
            let rules: RateArbitration.Rules = next(2) == 0 ? .mlx5 : .documented
            let link: UInt64? = next(4) == 0 ? nil : UInt64(1 + next(100)) * g
            arbitration = RateArbitration(rules: rules, link: link, kernel: next(2) == 0 ? (6, 12) : (6, 17))
            let nodeCount = next(6)
            var names: [String] = []
            for i in 0..<nodeCount {
                let parent = names.isEmpty || next(3) == 0 ? nil : names[next(names.count)]
                var node = Sim.node("n\(i)", share: UInt64(next(4)) * g, max: UInt64(next(3) == 0 ? 0 : next(40)) * g,
                                    parent: parent)
                if next(4) == 0 { node.tcBandwidths = [10, 0, 0, 20, 70, 0, 0, 0] }   // a TC arbiter node
                objects.append(node)
                names.append("n\(i)")
            }
            for index in 1...UInt32(1 + next(8)) {
                let parent = names.isEmpty || next(3) == 0 ? nil : names[next(names.count)]
                let share = UInt64(next(5)) * g
                let max = next(3) == 0 ? 0 : UInt64(next(30)) * g
                objects.append(Sim.leaf(index, share: share, max: max, parent: parent, priority: UInt32(next(3)),
                                        weight: UInt32(next(4)),
                                        tcBw: next(4) == 0 ? [0, 0, 0, 20, 80, 0, 0, 0] : nil))
                if next(5) > 0 {
                    var perClass = [UInt64](repeating: 0, count: 8)
                    perClass[0] = UInt64(next(50)) * g + UInt64(next(1000)) * Sim.mbit
                    if next(3) == 0 { perClass[3] = UInt64(next(20)) * g }
                    if next(3) == 0 { perClass[4] = UInt64(next(20)) * g }
                    demands[Sim.h(index)] = RateDemand(perClass: perClass)
                }
            }
        }

        func run(_ demands: [RateHandle: RateDemand]? = nil) throws -> RateSimulation {
            try RateSimulator.simulate(device: Sim.dev, objects: objects, demands: demands ?? self.demands, arbitration: arbitration)
        }
    }

    static let input = Gen.int(in: 0...1_000_000).array(of: 60...60)

    @Test func capsAndDemandsAreNeverExceeded() async {
        await propertyCheck(count: 300, input: Self.input) { codes in
            let c = Case(codes)
            guard let s = try? c.run() else { Issue.record("simulation failed"); return }
            for a in s.allocations {
                #expect(a.allocated <= a.demand, "\(a.handle) got \(a.allocated) of \(a.demand)")
                if let object = c.objects.first(where: { $0.handle == a.handle }), object.txMax > 0 {
                    #expect(a.allocated <= object.txMax, "\(a.handle) above its tx_max")
                }
                if let classes = a.perClass {
                    #expect(classes.reduce(0, +) == a.allocated, "\(a.handle): classes do not add up")
                    let offered = c.demands[a.handle]?.perClass ?? []
                    for (i, v) in classes.enumerated() where i < offered.count { #expect(v <= offered[i]) }
                }
            }
            if let link = c.arbitration.link { #expect(s.total <= link) }
        }
    }

    @Test func workIsConserved() async {
        await propertyCheck(count: 300, input: Self.input) { codes in
            let c = Case(codes)
            guard let s = try? c.run() else { Issue.record("simulation failed"); return }
            for node in s.allocations where !node.isLeaf {
                let name = node.handle.description.split(separator: "/").last.map(String.init)
                let children = s.allocations.filter { $0.parent == name }
                #expect(node.allocated == children.reduce(0) { $0 + $1.allocated }, "\(node.handle) is not the sum of its children")
            }
            #expect(s.total == s.allocations.filter { $0.parent == nil }.reduce(0) { $0 + $1.allocated })
            // Work-conserving: bandwidth left on the link means nobody lost to the link or a sibling.
            if let link = c.arbitration.link, s.total + 1 < link {
                for a in s.allocations where a.parent == nil {
                    #expect(a.bound != .link && a.bound != .share(nil), "\(a.handle) bound by \(a.bound) with room on the link")
                }
            }
        }
    }

    @Test func offeringMoreNeverGetsLess() async {
        await propertyCheck(count: 300, input: Self.input) { codes in
            let c = Case(codes)
            guard let before = try? c.run() else { Issue.record("simulation failed"); return }
            let leaf = Sim.h(UInt32(1 + (codes.last ?? 0) % c.objects.filter { !$0.handle.isNode }.count))
            var raised = c.demands
            var demand = raised[leaf] ?? RateDemand(0)
            demand.perClass[(codes.first ?? 0) % 8] += UInt64(1 + (codes.first ?? 0) % 40) * Sim.gbit
            raised[leaf] = demand
            guard let after = try? c.run(raised) else { Issue.record("simulation failed"); return }
            #expect(after.got(leaf) >= before.got(leaf), "\(leaf): \(before.got(leaf)) before, \(after.got(leaf)) after")
        }
    }
}

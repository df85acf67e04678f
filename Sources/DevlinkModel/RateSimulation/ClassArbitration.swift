/// Traffic classes (tc-bw, 6.17+): how an allocation is split over the 8 classes.
enum ClassArbitration {
    /// A leaf's allocation split over its traffic classes. mlx5 with tc-bw set on the leaf: the leaf
    /// is a TC arbiter (esw_qos_vport_tc_enable with SCHED_NODE_TYPE_TC_ARBITER_TSAR) whose classes
    /// share by esw_qos_set_tc_arbiter_bw_shares' weights. Otherwise only a demand spread over classes
    /// is split, evenly among the classes (no per-class arbitration); nil when there is nothing to split.
    static func leaf(_ total: UInt64, demand: RateDemand, object: RateObject, arbitration: RateArbitration) -> [UInt64]? {
        let tcArbiter = arbitration.rules == .mlx5 && object.tcBandwidths.contains { $0 > 0 }
        guard tcArbiter || demand.isPerClass else { return nil }
        let weights = tcArbiter ? arbitration.mlx5TrafficClassShares(object.tcBandwidths).map { Double($0) }
                                : demand.perClass.map { _ in 1.0 }
        let shares = WaterFill.fill(Double(total), wants: demand.perClass.map { Double($0) }, weights: weights)
        return whole(total, shares: shares, demand: demand)
    }

    /// Whole bytes per class adding up to `total`: each class rounded down, the bytes lost given to
    /// the largest classes with room under their demand.
    static func whole(_ total: UInt64, shares: [Double], demand: RateDemand) -> [UInt64] {
        var classes = shares.map { RateSimulator.whole($0) }
        var missing = total &- min(total, classes.reduce(0, &+))
        for c in classes.indices.sorted(by: { shares[$0] > shares[$1] }) where missing > 0 {
            let room = demand.perClass[c] &- min(demand.perClass[c], classes[c])
            let add = min(room, missing)
            classes[c] += add
            missing -= add
        }
        return classes
    }

    /// mlx5 node with tc-bw (esw_qos_tc_arbiter_scheduling_setup): one vports-TC TSAR per class,
    /// weighted by esw_qos_set_tc_arbiter_bw_shares; in each, one element per child for that class,
    /// weighted by the children's bw_share (vport_tc_node->min_rate is the vport's, normalized per
    /// class TSAR by esw_qos_normalize_min_rate); and per child a rate limiter shared by its classes
    /// (SCHED_NODE_TYPE_RATE_LIMITER, max_bw_obj_id) holding the child's tx_max. mlx5 allows tc-bw
    /// only on nodes whose children are leaves; a child node here counts as class 0 traffic.
    ///
    /// Fluid model: classes share the node by weight, then children share each class by weight; a
    /// child over its tx_max across classes is scaled down to it and the rest shared again, until no
    /// child is over (each round fixes at least one child, so at most one round per child).
    static func tcArbiterNode(_ capacity: Double, children: [Int], of tree: RateTree, demands: [RateDemand?],
                              want: [Double], arbitration: RateArbitration) -> (perChild: [Double], perClass: [[Double]]) {
        let e = tree.elements
        guard let node = e[tree.elements[children[0]].parent].object else {
            return (children.map { _ in 0 }, children.map { _ in [] })
        }
        let classCount = RateObject.trafficClassCount
        let classWeights = arbitration.mlx5TrafficClassShares(node.tcBandwidths).map { Double($0) }
        let shares = arbitration.mlx5BandwidthShares(children.map { e[$0].object?.txShare ?? 0 })
        let childWeights = shares.allSatisfy { $0 == 0 } ? shares.map { _ in 1.0 } : shares.map { Double(max($0, 1)) }
        // What each child offers per class, never above what it wants in all.
        var offered: [[Double]] = children.map { c in
            var classes = demands[c].map { $0.perClass.map { Double($0) } } ?? [Double](repeating: 0, count: classCount)
            if e[c].kind != .leaf { classes = [want[c]] + [Double](repeating: 0, count: classCount - 1) }
            return classes
        }
        var flows: [[Double]] = children.map { _ in [Double](repeating: 0, count: classCount) }
        for _ in 0...children.count {
            let classWants = (0..<classCount).map { t in offered.reduce(0) { $0 + $1[t] } }
            let classAlloc = WaterFill.fill(capacity, wants: classWants, weights: classWeights)
            for t in 0..<classCount {
                let split = WaterFill.fill(classAlloc[t], wants: offered.map { $0[t] }, weights: childWeights)
                for k in children.indices { flows[k][t] = split[k] }
            }
            var over = false
            for (k, c) in children.enumerated() {
                let total = flows[k].reduce(0, +)
                let cap = e[c].cap
                guard total > cap + RateSimulator.tolerance(cap) else { continue }
                over = true
                for t in 0..<classCount { offered[k][t] = flows[k][t] * cap / total }
            }
            if !over { break }
        }
        return (flows.map { $0.reduce(0, +) }, flows)
    }
}

/// A fluid, work-conserving model of a rate tree under load: what each leaf and node gets.
///
/// Wants are computed bottom-up (a leaf wants min(demand, tx_max); a node min(tx_max, what its
/// children want)); then each parent's allocation is split among its children top-down by the
/// driver's rules (`RateArbitration`), each child never above its want, so unused bandwidth moves to
/// siblings. The root is the uplink: it has the link speed to give.
public enum RateSimulator {
    /// `objects` are the device's rate objects (`rates(dev)`); `demands` the offered load per leaf.
    /// A leaf missing from `demands` offers nothing. Throws for a demand on a node or on a handle
    /// that is not a leaf of the device, and for a tree the kernel could not report.
    public static func simulate(device: DeviceHandle, objects: [RateObject], demands: [RateHandle: RateDemand],
                                arbitration: RateArbitration) throws(RateTree.Invalid) -> RateSimulation {
        let own = objects.filter { $0.handle.device == device }
        let tree = try RateTree(own, group0: arbitration.mlx5Group0)
        let e = tree.elements
        let n = e.count
        var demand = [Double](repeating: 0, count: n)
        var leafDemand = [RateDemand?](repeating: nil, count: n)
        var indexOf: [RateHandle: Int] = [:]
        for i in 1..<n { if let h = e[i].object?.handle { indexOf[h] = i } }
        // Unsorted (sorting 10,000 handles by their text cost more than the simulation); on bad
        // input the first failing handle in text order is reported, so the message is stable.
        var failures: [(handle: RateHandle, message: String)] = []
        for (handle, d) in demands {
            guard let i = indexOf[handle] else {
                failures.append((handle, "\(handle) is not a rate object of \(device)"))
                continue
            }
            guard e[i].kind == .leaf else {
                failures.append((handle, "\(handle) is a node; only leaves offer traffic"))
                continue
            }
            leafDemand[i] = d
            demand[i] = Double(d.total)
        }
        if let first = failures.min(by: { $0.handle.description < $1.handle.description }) {
            throw RateTree.Invalid(description: first.message)
        }
        let link = arbitration.link.map { Double($0) } ?? .infinity
        // Bottom-up: children come after their parent in preorder, so walk it backwards.
        var want = [Double](repeating: 0, count: n)
        for i in tree.preorder.reversed() {
            let cap = i == 0 ? link : e[i].cap
            if e[i].kind == .leaf {
                want[i] = min(cap, demand[i])
            } else {
                var sum = 0.0, offered = 0.0
                for c in e[i].children {
                    sum += want[c]
                    offered += demand[c]
                }
                want[i] = min(cap, sum)
                demand[i] = offered
            }
        }
        // Top-down: split each parent's allocation among its children.
        var alloc = [Double](repeating: 0, count: n)
        alloc[0] = want[0]
        // Per-class shares of the children of mlx5 TC arbiter nodes, decided with their parent.
        var arbitrated: [Int: [Double]] = [:]
        for p in tree.preorder where !e[p].children.isEmpty {
            let children = e[p].children
            if arbitration.rules == .mlx5, let object = e[p].object, object.tcBandwidths.contains(where: { $0 > 0 }) {
                let split = ClassArbitration.tcArbiterNode(alloc[p], children: children, of: tree, demands: leafDemand,
                                                           want: want, arbitration: arbitration)
                for (k, c) in children.enumerated() {
                    alloc[c] = split.perChild[k]
                    arbitrated[c] = split.perClass[k]
                }
                continue
            }
            let shares = split(alloc[p], among: children, of: tree, want: want, arbitration: arbitration)
            for (k, c) in children.enumerated() { alloc[c] = shares[k] }
        }
        let bytes = wholeBytes(tree, alloc: alloc, want: want)
        var perClass = [[UInt64]?](repeating: nil, count: n)
        for i in 1..<n where e[i].kind == .leaf {
            if let d = leafDemand[i], let object = e[i].object {
                perClass[i] = arbitrated[i].map { ClassArbitration.whole(bytes[i], shares: $0, demand: d) }
                    ?? ClassArbitration.leaf(bytes[i], demand: d, object: object, arbitration: arbitration)
            }
        }
        let bounds = self.bounds(tree, want: want, demand: demand, alloc: alloc)
        var allocations: [RateAllocation] = []
        allocations.reserveCapacity(n)
        for i in tree.preorder {
            guard let object = e[i].object else { continue }
            let depth = tree.ancestors(of: i).filter { e[$0].kind != .group0 }.count
            allocations.append(RateAllocation(
                handle: object.handle, isLeaf: e[i].kind == .leaf, parent: object.parent,
                demand: demand[i] >= 1.8e19 ? .max : UInt64(demand[i]), allocated: bytes[i], bound: bounds[i],
                perClass: perClass[i], depth: depth))
        }
        return RateSimulation(device: device, arbitration: arbitration, allocations: allocations, total: bytes[0],
                              notes: notes(tree, arbitration))
    }

    /// Whole bytes, top-down: each parent's bytes are dealt to its children, each child its
    /// rounded-down share first, the bytes rounding lost to the largest remainders (never above a
    /// child's want). So nothing exceeds a cap or a demand and every node is exactly the sum of its
    /// children.
    static func wholeBytes(_ tree: RateTree, alloc: [Double], want: [Double]) -> [UInt64] {
        let e = tree.elements
        var bytes = [UInt64](repeating: 0, count: e.count)
        bytes[0] = whole(alloc[0])
        for p in tree.preorder where !e[p].children.isEmpty {
            let children = e[p].children
            var left = bytes[p]
            for c in children {
                bytes[c] = min(whole(alloc[c]), left)
                left -= bytes[c]
            }
            guard left > 0 else { continue }
            func remainder(_ i: Int) -> Double { alloc[i] - alloc[i].rounded(.down) }
            for c in children.sorted(by: { remainder($0) > remainder($1) }) where left > 0 {
                let room = whole(want[c]) &- min(whole(want[c]), bytes[c])
                let add = min(room, left, 1)
                bytes[c] += add
                left -= add
            }
        }
        return bytes
    }

    /// What a reader of the table should know about the rules used.
    static func notes(_ tree: RateTree, _ arbitration: RateArbitration) -> [String] {
        var notes: [String] = []
        let e = tree.elements
        if arbitration.rules == .documented && !arbitration.honoursPriorityAndWeight {
            notes.append("this driver does not arbitrate by priority or weight: the allocations are what devlink-port.rst describes")
        }
        if e.contains(where: { $0.kind == .group0 }) && e.contains(where: { $0.kind == .node && $0.parent == 0 }) {
            notes.append("kernel \(arbitration.kernel.major).\(arbitration.kernel.minor): the leaves without a parent share mlx5's group0, one sibling of the top-level nodes")
        }
        return notes
    }

    /// One parent's allocation split among its children by the driver's rules.
    static func split(_ capacity: Double, among children: [Int], of tree: RateTree, want: [Double],
                      arbitration: RateArbitration) -> [Double] {
        let e = tree.elements
        let wants = children.map { want[$0] }
        switch arbitration.rules {
        case .mlx5:
            // One DWRR TSAR per node: weights are the siblings' bw_share (esw_qos_normalize_min_rate
            // runs per parent); all zero means an even split.
            let shares = arbitration.mlx5BandwidthShares(children.map { e[$0].object?.txShare ?? 0 })
            let weights = shares.allSatisfy { $0 == 0 } ? shares.map { _ in 1.0 } : shares.map { Double(max($0, 1)) }
            return WaterFill.fill(capacity, wants: wants, weights: weights)
        case .documented:
            return documentedSplit(capacity, children: children.map { e[$0].object }, wants: wants,
                                   usePriorityAndWeight: true)
        }
    }

    /// devlink-port.rst: `tx_share` is each sibling's minimum; what is left goes to the highest
    /// `tx_priority` first ("choose ... the highest priority that stays within the BW limit"), shared
    /// by WFQ on `tx_weight` within a priority, then to lower priorities. A weight of 0 (unset)
    /// counts as 1. Guarantees above the capacity are scaled down in proportion (the linter reports
    /// such a tree).
    static func documentedSplit(_ capacity: Double, children: [RateObject?], wants: [Double],
                                usePriorityAndWeight: Bool) -> [Double] {
        var result = zip(children, wants).map { object, want in min(Double(object?.txShare ?? 0), want) }
        let guaranteed = result.reduce(0, +)
        if guaranteed > capacity, guaranteed > 0 {
            return result.map { $0 * capacity / guaranteed }
        }
        var left = capacity - guaranteed
        let priorities = Set(children.map { usePriorityAndWeight ? ($0?.txPriority ?? 0) : 0 }).sorted(by: >)
        for priority in priorities where left > 0 {
            let members = children.indices.filter { (usePriorityAndWeight ? (children[$0]?.txPriority ?? 0) : 0) == priority }
            let extra = WaterFill.fill(left, wants: members.map { wants[$0] - result[$0] },
                                       weights: members.map { Double(max(usePriorityAndWeight ? (children[$0]?.txWeight ?? 0) : 0, 1)) })
            for (k, m) in members.enumerated() {
                result[m] += extra[k]
                left -= extra[k]
            }
        }
        return result
    }

    /// Which constraint bound each element, parents before children.
    static func bounds(_ tree: RateTree, want: [Double], demand: [Double], alloc: [Double]) -> [RateBound] {
        let e = tree.elements
        var bounds = [RateBound](repeating: .demand, count: e.count)
        func short(_ i: Int) -> Bool { alloc[i] < want[i] - tolerance(want[i]) }
        func reaches(_ value: Double, _ limit: Double) -> Bool { value >= limit - tolerance(limit) }
        // How many children of each parent were left wanting (counted once, not per child).
        var wanting = [Int](repeating: 0, count: e.count), active = [Int](repeating: 0, count: e.count)
        for i in 1..<e.count {
            if short(i) { wanting[e[i].parent] += 1 }
            if want[i] > 0 { active[e[i].parent] += 1 }
        }
        for i in tree.preorder where i != 0 {
            let offered = e[i].kind == .leaf ? demand[i] : e[i].children.reduce(0) { $0 + want[$1] }
            if reaches(alloc[i], offered) { bounds[i] = .demand; continue }
            if e[i].cap.isFinite, reaches(alloc[i], e[i].cap) { bounds[i] = .txMax; continue }
            let p = e[i].parent
            // Others wanting more too, or it got less than an even split (priority or weights took it):
            // the arbitration decided.
            let even = alloc[p] / Double(max(active[p], 1))
            guard wanting[p] <= 1, reaches(alloc[i], even) else { bounds[i] = .share(e[p].handle); continue }
            // The only sibling left wanting, with at least an even split: what limited the parent
            // limited it.
            if p == 0 { bounds[i] = .link; continue }
            switch bounds[p] {
            case .txMax: bounds[i] = .ancestorTxMax(e[p].handle ?? "")
            case .demand: bounds[i] = .share(e[p].handle)
            case let other: bounds[i] = other
            }
        }
        return bounds
    }

    static func tolerance(_ value: Double) -> Double { max(0.5, abs(value) * 1e-9) }

    /// Rounded down to whole bytes/s, saturating.
    static func whole(_ value: Double) -> UInt64 {
        value >= 1.8e19 ? .max : UInt64(max(0, value).rounded(.down))
    }
}

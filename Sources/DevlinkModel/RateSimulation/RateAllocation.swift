/// What one leaf offers: bytes/s per traffic class (a plain rate is class 0's traffic).
public struct RateDemand: Equatable, Sendable {
    public var perClass: [UInt64]

    public init(_ total: UInt64) {
        perClass = [UInt64](repeating: 0, count: RateObject.trafficClassCount)
        perClass[0] = total
    }

    public init(perClass: [UInt64]) {
        var classes = Array(perClass.prefix(RateObject.trafficClassCount))
        while classes.count < RateObject.trafficClassCount { classes.append(0) }
        self.perClass = classes
    }

    /// The sum over classes, saturating instead of trapping on absurd input.
    public var total: UInt64 {
        perClass.reduce(UInt64(0)) { sum, value in
            let (result, overflow) = sum.addingReportingOverflow(value)
            return overflow ? .max : result
        }
    }

    /// True when traffic is spread over classes other than 0.
    public var isPerClass: Bool { perClass.dropFirst().contains { $0 > 0 } }
}

/// Which constraint decided an allocation.
public enum RateBound: Equatable, Sendable {
    /// It got all it offered (for a node: all its children could take).
    case demand
    /// Its own tx_max.
    case txMax
    /// The tx_max of this ancestor node (its handle).
    case ancestorTxMax(String)
    /// The uplink's speed.
    case link
    /// Siblings that also wanted more split what the parent had (its handle; nil for the root, the
    /// uplink) by the driver's shares, weights and priorities.
    case share(String?)

    /// The word tables and JSON print.
    public var name: String {
        switch self {
        case .demand: return "demand"
        case .txMax: return "tx_max"
        case .ancestorTxMax: return "ancestor tx_max"
        case .link: return "link"
        case .share: return "share"
        }
    }

    /// The handle the bound names, if any.
    public var handle: String? {
        switch self {
        case .ancestorTxMax(let h): return h
        case .share(let h): return h
        default: return nil
        }
    }
}

/// One rate object's outcome.
public struct RateAllocation: Equatable, Sendable {
    public var handle: RateHandle
    public var isLeaf: Bool
    /// The parent node's name, nil at the top level.
    public var parent: String?
    /// What it offered (a node: the sum of its children's demand), bytes/s.
    public var demand: UInt64
    /// What it gets, bytes/s. A node's allocation is the sum of its children's.
    public var allocated: UInt64
    public var bound: RateBound
    /// Per traffic class, for a leaf arbitrated by tc-bw (nil otherwise).
    public var perClass: [UInt64]?
    /// Depth in the tree: 0 for top-level objects.
    public var depth: Int
}

/// The outcome of `RateSimulator.simulate`: every rate object in tree order (a parent before its
/// children), the rules used, and notes on what the model could not follow.
public struct RateSimulation: Equatable, Sendable {
    public var device: DeviceHandle
    public var arbitration: RateArbitration
    public var allocations: [RateAllocation]
    /// What the whole device sends, bytes/s.
    public var total: UInt64
    public var notes: [String]

    /// The allocation of one handle.
    public func allocation(_ handle: RateHandle) -> RateAllocation? {
        allocations.first { $0.handle == handle }
    }
}

/// A devlink rate object: a leaf (bound to a port, created by the driver) or a node (created by the user).
/// Rates are bytes per second; 0 means unset (no guarantee / unlimited).
public struct RateObject: Equatable, Sendable, Codable {
    public var handle: RateHandle
    public var txShare: UInt64
    public var txMax: UInt64
    public var txPriority: UInt32
    public var txWeight: UInt32
    /// Name of the parent node, nil if none.
    public var parent: String?
    /// Relative bandwidth shares of the 8 traffic classes (`tc-bw`), index 0...7; all zero when unset.
    public var tcBandwidths: [UInt32]

    /// Attributes the kernel did not send because it does not have them (a kernel before 6.17 has
    /// no tc-bw): scripts read them as nil, never as a zero default. Text and JSON print what
    /// devlink prints either way.
    public var absent: Absent = []

    public struct Absent: OptionSet, Hashable, Sendable, Codable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// DEVLINK_ATTR_RATE_TC_BWS (devlink_rate_put_tc_bws sends all eight from 6.17 on).
        public static let tcBandwidths = Absent(rawValue: 1 << 0)
    }

    /// DEVLINK_RATE_TCS_MAX.
    public static let trafficClassCount = 8

    /// All eight shares zero; shared by every object that sets none (an array each cost an allocation).
    public static let noBandwidths = [UInt32](repeating: 0, count: trafficClassCount)

    public init(handle: RateHandle, txShare: UInt64 = 0, txMax: UInt64 = 0, txPriority: UInt32 = 0,
                txWeight: UInt32 = 0, parent: String? = nil,
                tcBandwidths: [UInt32] = RateObject.noBandwidths) {
        (self.handle, self.txShare, self.txMax, self.txPriority, self.txWeight, self.parent, self.tcBandwidths) =
            (handle, txShare, txMax, txPriority, txWeight, parent, tcBandwidths)
    }

    public var type: RateType { handle.isNode ? .node : .leaf }

    /// The node name, or nil for a leaf.
    public var nodeName: String? {
        if case .node(let name) = handle.target { return name }
        return nil
    }

    /// The leaf's port index, or nil for a node.
    public var portIndex: UInt32? {
        if case .leaf(let index) = handle.target { return index }
        return nil
    }
}

/// One traffic-class bandwidth entry as sent in RATE_TC_BWS (the kernel wants all 8, no duplicates).
public struct TrafficClassBandwidth: Hashable, Sendable, Codable {
    public var index: UInt8
    public var bandwidth: UInt32

    public init(index: UInt8, bandwidth: UInt32) {
        self.index = index
        self.bandwidth = bandwidth
    }
}

/// One RATE_SET / RATE_NEW request: only given attributes are carried. The kernel applies them in the order
/// tx_share, tx_max, tx_priority, tx_weight, parent, tc_bws and stops at the first failure.
public struct RateChanges: Equatable, Sendable, Codable {
    public var txShare: UInt64?
    public var txMax: UInt64?
    public var txPriority: UInt32?
    public var txWeight: UInt32?
    /// New parent node name; "" removes the parent (`noparent`).
    public var parent: String?
    public var tcBandwidths: [TrafficClassBandwidth]?

    public init(txShare: UInt64? = nil, txMax: UInt64? = nil, txPriority: UInt32? = nil, txWeight: UInt32? = nil,
                parent: String? = nil, tcBandwidths: [TrafficClassBandwidth]? = nil) {
        (self.txShare, self.txMax, self.txPriority, self.txWeight, self.parent, self.tcBandwidths) =
            (txShare, txMax, txPriority, txWeight, parent, tcBandwidths)
    }

    public var isEmpty: Bool { self == RateChanges() }
}

extension RateObject {
    /// The same object whichever kernel sent it: `absent` says what a read carried, not what the
    /// object is, so it takes no part (a plan comparing a read with a desired object, or a test
    /// comparing with a literal, sees the values).
    public static func == (lhs: RateObject, rhs: RateObject) -> Bool {
        lhs.handle == rhs.handle && lhs.txShare == rhs.txShare && lhs.txMax == rhs.txMax
            && lhs.txPriority == rhs.txPriority && lhs.txWeight == rhs.txWeight && lhs.parent == rhs.parent
            && lhs.tcBandwidths == rhs.tcBandwidths
    }
}

extension RateObject {
    /// The object after a `rate set` of `changes` succeeded: devlink_nl_rate_set stores each requested
    /// attribute once the driver accepted it, so a successful set leaves exactly these values ("" as
    /// parent: none; tc-bw carries all 8 classes, devlink_nl_rate_tc_bw_set refuses fewer).
    public func applying(_ changes: RateChanges) -> RateObject {
        var object = self
        if let share = changes.txShare { object.txShare = share }
        if let max = changes.txMax { object.txMax = max }
        if let priority = changes.txPriority { object.txPriority = priority }
        if let weight = changes.txWeight { object.txWeight = weight }
        for entry in changes.tcBandwidths ?? [] where Int(entry.index) < object.tcBandwidths.count {
            object.tcBandwidths[Int(entry.index)] = entry.bandwidth
        }
        if let parent = changes.parent { object.parent = parent.isEmpty ? nil : parent }
        return object
    }
}

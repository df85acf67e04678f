/// `port function rate show` (RATE_GET dump): nodes newest first, then leaves in creation order.
public typealias ListRates = DumpRead<RatesDump>
public enum RatesDump: ReadSubject {
    public typealias Reply = [RateObject]; public static let command = "DEVLINK_CMD_RATE_GET"
}

/// A request on one rate object.
public protocol RateOperationKind: HandleOperationKind where Handle == RateHandle {}

/// One rate object (RATE_GET do).
public typealias GetRate = HandleOperation<RateRead>
public enum RateRead: RateOperationKind, HandleQueryKind {
    public typealias Reply = RateObject; public static let command = "DEVLINK_CMD_RATE_GET"
}

/// `rate add DEV/NODE` (RATE_NEW) with optional attributes; atomic: on failure no node remains.
public typealias AddRateNode = HandleOperation<RateNodeAdd>
public enum RateNodeAdd: RateOperationKind {
    public static let command = "DEVLINK_CMD_RATE_NEW"
    public static func policyNeeds(_ changes: RateChanges) -> DevlinkFeatureSet { changes.policyNeeds }
}

/// `rate set` (RATE_SET) on a leaf or node; applied in kernel order, stopping at the first failure.
public typealias SetRate = HandleOperation<RateSet>
public enum RateSet: RateOperationKind {
    public static let command = "DEVLINK_CMD_RATE_SET"
    public static func policyNeeds(_ changes: RateChanges) -> DevlinkFeatureSet { changes.policyNeeds }
}

/// `rate del DEV/NODE` (RATE_DEL).
public typealias DeleteRateNode = HandleOperation<RateNodeDelete>
public enum RateNodeDelete: RateOperationKind {
    public static let command = "DEVLINK_CMD_RATE_DEL"
    public static func policyNeeds(_: Void) -> DevlinkFeatureSet { .rates }
}

extension RateChanges {
    /// RATE_SET / RATE_NEW, plus RATE_TC_BWS when tc-bw is given.
    public var policyNeeds: DevlinkFeatureSet { tcBandwidths == nil ? .rates : [.rates, .tcBandwidth] }
}

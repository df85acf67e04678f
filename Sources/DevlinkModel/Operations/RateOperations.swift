/// `port function rate show` (RATE_GET dump): nodes newest first, then leaves in creation order.
public typealias ListRates = DumpRead<RatesDump>
public enum RatesDump: ReadSubject {
    public typealias Reply = [RateObject]; public static let command = "DEVLINK_CMD_RATE_GET"
}

/// One rate object (RATE_GET do).
public struct GetRate: DeviceQuery {
    public typealias Reply = RateObject
    public static let command = "DEVLINK_CMD_RATE_GET"
    public var handle: RateHandle
    public init(_ handle: RateHandle) { self.handle = handle }
}

/// `rate add DEV/NODE` (RATE_NEW) with optional attributes; atomic: on failure no node remains.
public struct AddRateNode: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_RATE_NEW"
    public var handle: RateHandle
    public var changes: RateChanges
    public init(_ handle: RateHandle, _ changes: RateChanges) { (self.handle, self.changes) = (handle, changes) }
    public var policyNeeds: DevlinkFeatureSet { changes.policyNeeds }
}

/// `rate set` (RATE_SET) on a leaf or node; applied in kernel order, stopping at the first failure.
public struct SetRate: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_RATE_SET"
    public var handle: RateHandle
    public var changes: RateChanges
    public init(_ handle: RateHandle, _ changes: RateChanges) { (self.handle, self.changes) = (handle, changes) }
    public var policyNeeds: DevlinkFeatureSet { changes.policyNeeds }
}

/// `rate del DEV/NODE` (RATE_DEL).
public struct DeleteRateNode: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_RATE_DEL"
    public var handle: RateHandle
    public init(_ handle: RateHandle) { self.handle = handle }
    public var policyNeeds: DevlinkFeatureSet { .rates }
}

extension RateChanges {
    /// RATE_SET / RATE_NEW, plus RATE_TC_BWS when tc-bw is given.
    public var policyNeeds: DevlinkFeatureSet { tcBandwidths == nil ? .rates : [.rates, .tcBandwidth] }
}

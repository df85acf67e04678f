/// What an operation on one named object is: what names the object (`Handle`: a port, a rate
/// object, a device, a health reporter, an interface), what the request carries besides (`Changes`:
/// nothing for a delete), the command and the reply. Most requests differ only in these, so they are
/// one generic type, `HandleOperation`, and an operation is a kind plus an alias:
/// `public typealias SetRate = HandleOperation<RateSet>` (reads that name no object: `Reads.swift`).
public protocol HandleOperationKind {
    associatedtype Handle: Sendable
    associatedtype Changes: Sendable = Void
    associatedtype Reply = Void
    /// The devlink command (or rtnetlink message, or sysfs file) it is, e.g. `DEVLINK_CMD_RATE_SET`.
    static var command: String { get }
    /// See `DeviceOperation.changesState`.
    static var changesState: Bool { get }
    /// The kernel features a request carrying `changes` needs (see `DeviceOperation.policyNeeds`).
    static func policyNeeds(_ changes: Changes) -> DevlinkFeatureSet
}

extension HandleOperationKind {
    public static var changesState: Bool { true }
    public static func policyNeeds(_ changes: Changes) -> DevlinkFeatureSet { [] }
}

/// A kind that only reads.
public protocol HandleQueryKind: HandleOperationKind {}

extension HandleQueryKind {
    public static var changesState: Bool { false }
}

/// One request on the object `handle` names, carrying `changes`.
public struct HandleOperation<Kind: HandleOperationKind>: DeviceOperation {
    public typealias Reply = Kind.Reply
    public static var command: String { Kind.command }
    public static var changesState: Bool { Kind.changesState }
    @inlinable public static var handlerKey: OperationKey { OperationKey(Kind.self, .handle) }
    public var handle: Kind.Handle
    public var changes: Kind.Changes
    public init(_ handle: Kind.Handle, _ changes: Kind.Changes) { (self.handle, self.changes) = (handle, changes) }
    public var policyNeeds: DevlinkFeatureSet { Kind.policyNeeds(changes) }
}

extension HandleOperation where Kind.Changes == Void {
    /// A request that carries nothing but the object's name (a delete, a get).
    public init(_ handle: Kind.Handle) { self.init(handle, ()) }
}

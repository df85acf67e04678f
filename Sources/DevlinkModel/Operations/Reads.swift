/// What a read-only request reads: the reply's type and the request that answers it. Most reads
/// differ only in this and in what they name (nothing, a device, or an optional device), so each of
/// those shapes is one generic type below, and a read is a subject plus an alias:
/// `public typealias GetEswitch = DeviceRead<EswitchRead>`.
public protocol ReadSubject {
    associatedtype Reply
    /// The devlink command (or other source) that answers, e.g. `DEVLINK_CMD_ESWITCH_GET`.
    static var command: String { get }
}

/// A read that names nothing: every device, interface or route, the kernel's release.
public struct Read<Subject: ReadSubject>: DeviceQuery {
    public typealias Reply = Subject.Reply
    public static var command: String { Subject.command }
    @inlinable public static var handlerKey: OperationKey { OperationKey(Subject.self, .read) }
    public init() {}
}

/// A read about one device.
public struct DeviceRead<Subject: ReadSubject>: DeviceQuery {
    public typealias Reply = Subject.Reply
    public static var command: String { Subject.command }
    @inlinable public static var handlerKey: OperationKey { OperationKey(Subject.self, .deviceRead) }
    public var device: DeviceHandle
    public init(_ device: DeviceHandle) { self.device = device }
}

/// A dump of one kind of object: of one device, or of all when `device` is nil.
public struct DumpRead<Subject: ReadSubject>: DeviceQuery {
    public typealias Reply = Subject.Reply
    public static var command: String { Subject.command }
    @inlinable public static var handlerKey: OperationKey { OperationKey(Subject.self, .dump) }
    public var device: DeviceHandle?
    public init(of device: DeviceHandle?) { self.device = device }
}

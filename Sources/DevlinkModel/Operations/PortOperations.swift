/// `port show` (PORT_GET dump): the ports of one device, or of all when `device` is nil; ascending
/// port index per device.
public typealias ListPorts = DumpRead<PortsDump>
public enum PortsDump: ReadSubject {
    public typealias Reply = [Port]; public static let command = "DEVLINK_CMD_PORT_GET"
}

/// `port show DEV/INDEX` (PORT_GET do).
public struct GetPort: DeviceQuery {
    public typealias Reply = Port
    public static let command = "DEVLINK_CMD_PORT_GET"
    public var handle: PortHandle
    public init(_ handle: PortHandle) { self.handle = handle }
}

/// `port add` (PORT_NEW); answers the new port as the kernel's reply describes it.
public struct AddPort: DeviceOperation {
    public typealias Reply = Port
    public static let command = "DEVLINK_CMD_PORT_NEW"
    public var request: PortAddRequest
    public init(_ request: PortAddRequest) { self.request = request }
}

/// `port del` (PORT_DEL).
public struct DeletePort: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_PORT_DEL"
    public var handle: PortHandle
    public init(_ handle: PortHandle) { self.handle = handle }
}

/// `port set DEV/INDEX type T` (PORT_SET with PORT_TYPE).
public struct SetPortType: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_PORT_SET"
    public var handle: PortHandle
    public var type: PortType
    public init(_ handle: PortHandle, _ type: PortType) { (self.handle, self.type) = (handle, type) }
}

/// `port split` (PORT_SPLIT).
public struct SplitPort: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_PORT_SPLIT"
    public var handle: PortHandle
    public var count: UInt32
    public init(_ handle: PortHandle, count: UInt32) { (self.handle, self.count) = (handle, count) }
}

/// `port unsplit` (PORT_UNSPLIT); any port of the split group may be named.
public struct UnsplitPort: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_PORT_UNSPLIT"
    public var handle: PortHandle
    public init(_ handle: PortHandle) { self.handle = handle }
}

/// `port function set` (PORT_SET with a PORT_FUNCTION nest holding only the given attributes).
public struct SetPortFunction: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_PORT_SET"
    public var handle: PortHandle
    public var changes: PortFunctionChanges
    public init(_ handle: PortHandle, _ changes: PortFunctionChanges) { (self.handle, self.changes) = (handle, changes) }
    public var policyNeeds: DevlinkFeatureSet { changes.maxIOEQs == nil ? [] : .maxIOEQs }
}

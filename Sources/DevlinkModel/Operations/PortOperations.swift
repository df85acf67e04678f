/// `port show` (PORT_GET dump): the ports of one device, or of all when `device` is nil; ascending
/// port index per device.
public typealias ListPorts = DumpRead<PortsDump>
public enum PortsDump: ReadSubject {
    public typealias Reply = [Port]; public static let command = "DEVLINK_CMD_PORT_GET"
}

/// A request on one port.
public protocol PortOperationKind: HandleOperationKind where Handle == PortHandle {}

/// `port show DEV/INDEX` (PORT_GET do).
public typealias GetPort = HandleOperation<PortRead>
public enum PortRead: PortOperationKind, HandleQueryKind {
    public typealias Reply = Port; public static let command = "DEVLINK_CMD_PORT_GET"
}

/// `port add` (PORT_NEW); answers the new port as the kernel's reply describes it.
public struct AddPort: DeviceOperation {
    public typealias Reply = Port
    public static let command = "DEVLINK_CMD_PORT_NEW"
    public var request: PortAddRequest
    public init(_ request: PortAddRequest) { self.request = request }
}

/// `port del` (PORT_DEL).
public typealias DeletePort = HandleOperation<PortDelete>
public enum PortDelete: PortOperationKind { public static let command = "DEVLINK_CMD_PORT_DEL" }

/// `port set DEV/INDEX type T` (PORT_SET with PORT_TYPE).
public typealias SetPortType = HandleOperation<PortTypeSet>
public enum PortTypeSet: PortOperationKind {
    public typealias Changes = PortType; public static let command = "DEVLINK_CMD_PORT_SET"
}

/// `port split` (PORT_SPLIT) into `changes` ports.
public typealias SplitPort = HandleOperation<PortSplit>
public enum PortSplit: PortOperationKind {
    public typealias Changes = UInt32; public static let command = "DEVLINK_CMD_PORT_SPLIT"
}

/// `port unsplit` (PORT_UNSPLIT); any port of the split group may be named.
public typealias UnsplitPort = HandleOperation<PortUnsplit>
public enum PortUnsplit: PortOperationKind { public static let command = "DEVLINK_CMD_PORT_UNSPLIT" }

/// `port function set` (PORT_SET with a PORT_FUNCTION nest holding only the given attributes).
public typealias SetPortFunction = HandleOperation<PortFunctionSet>
public enum PortFunctionSet: PortOperationKind {
    public static let command = "DEVLINK_CMD_PORT_SET"
    public static func policyNeeds(_ changes: PortFunctionChanges) -> DevlinkFeatureSet { changes.maxIOEQs == nil ? [] : .maxIOEQs }
}

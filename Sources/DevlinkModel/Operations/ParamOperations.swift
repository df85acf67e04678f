/// `dev param show` (PARAM_GET dump): the parameters of one device, or of all.
public typealias ListParams = DumpRead<ParamsDump>
public enum ParamsDump: ReadSubject {
    public typealias Reply = [Param]; public static let command = "DEVLINK_CMD_PARAM_GET"
}

/// One parameter by name (PARAM_GET do).
public struct GetParam: DeviceQuery {
    public typealias Reply = Param
    public static let command = "DEVLINK_CMD_PARAM_GET"
    public var device: DeviceHandle
    public var name: String
    public init(_ device: DeviceHandle, name: String) { (self.device, self.name) = (device, name) }
}

/// `dev param set DEV name NAME value V cmode C` (PARAM_SET).
public struct SetParam: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_PARAM_SET"
    public var device: DeviceHandle
    public var name: String
    public var value: ParamValue
    public var cmode: ParamCMode
    public init(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) {
        (self.device, self.name, self.value, self.cmode) = (device, name, value, cmode)
    }
}

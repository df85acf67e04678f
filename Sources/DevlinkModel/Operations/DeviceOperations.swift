/// `dev show` (DEVLINK_CMD_GET dump): every devlink instance, in the kernel's order.
public struct ListDevices: DeviceQuery {
    public typealias Reply = [DeviceHandle]
    public static let command = "DEVLINK_CMD_GET"
    public init() {}
}

/// `dev info DEV` (DEVLINK_CMD_INFO_GET).
public struct GetDeviceInfo: DeviceQuery {
    public typealias Reply = DeviceInfo
    public static let command = "DEVLINK_CMD_INFO_GET"
    public var device: DeviceHandle
    public init(_ device: DeviceHandle) { self.device = device }
}

/// `dev show` (DEVLINK_CMD_GET dump): every devlink instance, in the kernel's order.
public typealias ListDevices = Read<DevicesList>
public enum DevicesList: ReadSubject {
    public typealias Reply = [DeviceHandle]; public static let command = "DEVLINK_CMD_GET"
}

/// `dev info DEV` (DEVLINK_CMD_INFO_GET).
public typealias GetDeviceInfo = DeviceRead<DeviceInfoRead>
public enum DeviceInfoRead: ReadSubject {
    public typealias Reply = DeviceInfo; public static let command = "DEVLINK_CMD_INFO_GET"
}

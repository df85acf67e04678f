/// `dev eswitch show` (ESWITCH_GET; fields only where the driver reports them).
public typealias GetEswitch = DeviceRead<EswitchRead>
public enum EswitchRead: ReadSubject {
    public typealias Reply = Eswitch; public static let command = "DEVLINK_CMD_ESWITCH_GET"
}

/// `dev eswitch set` (ESWITCH_SET): mode, then inline-mode, then encap-mode.
public struct SetEswitch: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_ESWITCH_SET"
    public var device: DeviceHandle
    public var changes: EswitchChanges
    public init(_ device: DeviceHandle, _ changes: EswitchChanges) { (self.device, self.changes) = (device, changes) }
}

/// The device's `sriov_numvfs` (a sysfs read, not a devlink command).
public typealias GetNumVFs = DeviceRead<NumVFsRead>
public enum NumVFsRead: ReadSubject { public typealias Reply = UInt32; public static let command = "sriov_numvfs" }

/// Writes `sriov_numvfs` with sysfs semantics: the same value is a no-op, changing between two non-zero
/// values is EBUSY (write 0 first), more than the maximum fails.
public struct SetNumVFs: DeviceOperation {
    public typealias Reply = Void
    public static let command = "sriov_numvfs"
    public var device: DeviceHandle
    public var count: UInt32
    public init(_ device: DeviceHandle, _ count: UInt32) { (self.device, self.count) = (device, count) }
}

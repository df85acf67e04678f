/// `dev eswitch show` (ESWITCH_GET; fields only where the driver reports them).
public typealias GetEswitch = DeviceRead<EswitchRead>
public enum EswitchRead: ReadSubject {
    public typealias Reply = Eswitch; public static let command = "DEVLINK_CMD_ESWITCH_GET"
}

/// `dev eswitch set` (ESWITCH_SET): mode, then inline-mode, then encap-mode.
public typealias SetEswitch = HandleOperation<EswitchSet>
public enum EswitchSet: HandleOperationKind {
    public typealias Handle = DeviceHandle; public typealias Changes = EswitchChanges
    public static let command = "DEVLINK_CMD_ESWITCH_SET"
}

/// The device's `sriov_numvfs` (a sysfs read, not a devlink command).
public typealias GetNumVFs = DeviceRead<NumVFsRead>
public enum NumVFsRead: ReadSubject { public typealias Reply = UInt32; public static let command = "sriov_numvfs" }

/// Writes `sriov_numvfs` (the count in `changes`) with sysfs semantics: the same value is a no-op,
/// changing between two non-zero values is EBUSY (write 0 first), more than the maximum fails.
public typealias SetNumVFs = HandleOperation<NumVFsSet>
public enum NumVFsSet: HandleOperationKind {
    public typealias Handle = DeviceHandle; public typealias Changes = UInt32
    public static let command = "sriov_numvfs"
}

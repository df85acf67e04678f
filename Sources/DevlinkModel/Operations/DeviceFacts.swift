/// What a device's rate tree shares: the uplink's speed in bytes/s, nil when unknown (read by
/// `simulate` and `qos lint`; devlink itself has no such attribute). The netlink backend reads
/// sysfs `speed` of the device's physical port.
public typealias GetUplinkSpeed = DeviceRead<UplinkSpeedRead>
public enum UplinkSpeedRead: ReadSubject {
    public typealias Reply = UInt64?; public static let command = "uplink speed"
}

/// The kernel release the backend runs (`uname -r`) or models (`6.12`), nil when unknown.
public typealias GetKernelRelease = Read<KernelReleaseRead>
public enum KernelReleaseRead: ReadSubject {
    public typealias Reply = String?; public static let command = "kernel release"
}

/// The kernel release and the devlink features it has (what `kernel()` shows and requests are
/// checked against). A session without this operation is unchecked: nothing is refused.
public typealias GetKernelFeatures = Read<KernelFeaturesRead>
public enum KernelFeaturesRead: ReadSubject {
    public typealias Reply = KernelFeatures; public static let command = "CTRL_CMD_GETPOLICY devlink"
}

/// The VF rates `ip link set … vf N min_tx_rate/max_tx_rate` gave the device's PF (IFLA_VF_RATE).
public typealias ListVFRates = DeviceRead<VFRatesList>
public enum VFRatesList: ReadSubject {
    public typealias Reply = [VFRate]; public static let command = "RTM_GETLINK vf rates"
}

/// The same, read by name. A session without these operations (EOPNOTSUPP) reads as "unknown".
extension DeviceSession {
    public func uplinkSpeed(_ device: DeviceHandle) throws -> UInt64? {
        try unsupportedAsNil { try perform(GetUplinkSpeed(device)) } ?? nil
    }

    public var kernelRelease: String? { (try? unsupportedAsNil { try perform(GetKernelRelease()) }) ?? nil }

    /// The kernel's features, nil when the session cannot say (an embedder's session).
    public var kernelFeatures: KernelFeatures? { (try? unsupportedAsNil { try perform(GetKernelFeatures()) }) ?? nil }

    public func vfRates(_ device: DeviceHandle) throws -> [VFRate] {
        try unsupportedAsNil { try perform(ListVFRates(device)) } ?? []
    }

    private func unsupportedAsNil<T>(_ body: () throws -> T) throws -> T? {
        do { return try body() } catch let error as DevlinkError where error.errno == .EOPNOTSUPP && error.message == nil { return nil }
    }
}

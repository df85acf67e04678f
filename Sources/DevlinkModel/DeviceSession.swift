/// What every backend (emulator, netlink) offers: one synchronous call per devlink request.
///
/// Every method throws `DevlinkError` (errno + extack message exactly as the kernel would report it).
/// Methods mirror single netlink requests: a method either fully succeeds or fails with the side effects
/// the kernel leaves behind (e.g. `setPortFunction` is not transactional: hw_addr may be applied when the
/// later state change fails). Backends never format output; they return plain values.
///
/// Asynchronous driver work (an activated SF's driver binding, which turns `opstate` to `attached`, or an
/// inactivated SF detaching) does not complete inside the request that started it. Callers that need it
/// poll: check the condition, call `settle()`, check again (the language's `wait(cond, timeout)` does this).
public protocol DeviceSession: AnyObject {
    // MARK: devices
    /// All devlink instances, in the kernel's dump order.
    func devices() throws -> [DeviceHandle]
    /// `dev info`.
    func info(_ device: DeviceHandle) throws -> DeviceInfo

    // MARK: ports
    /// All ports of one device, or of all devices when `device` is nil; ascending port index per device.
    func ports(of device: DeviceHandle?) throws -> [Port]
    /// One port (PORT_GET do).
    func port(_ handle: PortHandle) throws -> Port
    /// `port add` (PORT_NEW); returns the new port as the kernel's reply describes it.
    func addPort(_ request: PortAddRequest) throws -> Port
    /// `port del` (PORT_DEL).
    func deletePort(_ handle: PortHandle) throws
    /// `port set type` (PORT_SET with PORT_TYPE).
    func setPortType(_ handle: PortHandle, _ type: PortType) throws
    /// `port split` (PORT_SPLIT).
    func splitPort(_ handle: PortHandle, count: UInt32) throws
    /// `port unsplit` (PORT_UNSPLIT); any port of the split group may be named.
    func unsplitPort(_ handle: PortHandle) throws
    /// `port function set` (PORT_SET with a PORT_FUNCTION nest holding only the given attributes).
    func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws

    // MARK: rates
    /// All rate objects of one device (or all devices): nodes newest first, then leaves in creation order.
    func rates(of device: DeviceHandle?) throws -> [RateObject]
    /// One rate object (RATE_GET do).
    func rate(_ handle: RateHandle) throws -> RateObject
    /// `rate add DEV/NODE` (RATE_NEW) with optional initial attributes; atomic: on failure no node remains.
    func addRateNode(_ handle: RateHandle, _ changes: RateChanges) throws
    /// `rate set` (RATE_SET) on a leaf or node; applied in kernel order, stopping at the first failure.
    func setRate(_ handle: RateHandle, _ changes: RateChanges) throws
    /// `rate del DEV/NODE` (RATE_DEL).
    func deleteRateNode(_ handle: RateHandle) throws

    // MARK: eswitch, SR-IOV
    /// `dev eswitch show` (fields only where the driver reports them).
    func eswitch(_ device: DeviceHandle) throws -> Eswitch
    /// `dev eswitch set`: mode, then inline-mode, then encap-mode.
    func setEswitch(_ device: DeviceHandle, _ changes: EswitchChanges) throws
    /// The device's `sriov_numvfs` (sysfs read).
    func sriovNumVFs(_ device: DeviceHandle) throws -> UInt32
    /// Writes `sriov_numvfs` with sysfs semantics: same value is a no-op, changing between two non-zero
    /// values is EBUSY (write 0 first), more than the maximum fails.
    func setSriovNumVFs(_ device: DeviceHandle, _ count: UInt32) throws

    // MARK: params
    /// All parameters of one device (or all devices).
    func params(of device: DeviceHandle?) throws -> [Param]
    /// One parameter by name.
    func param(_ device: DeviceHandle, name: String) throws -> Param
    /// `dev param set DEV name NAME value V cmode C`.
    func setParam(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) throws

    // MARK: events and asynchronous work
    /// Notifications received since the last call, oldest first.
    func drainEvents() throws -> [DevlinkEvent]
    /// Lets pending asynchronous driver work progress. Returns true if more work may still be pending (a
    /// caller waiting for a condition should poll again), false if the backend knows nothing is pending
    /// (the emulator completes all pending work in one call, so waiting longer cannot change anything).
    @discardableResult
    func settle() throws -> Bool

    // MARK: optional capabilities
    /// What a device's rate tree shares: its uplink's speed in bytes/s, nil when unknown (used by
    /// `simulate` and `rate lint`; devlink itself has no such attribute).
    func uplinkSpeed(_ device: DeviceHandle) throws -> UInt64?
    /// The kernel release the backend runs or models (`6.12.0-...`), nil when unknown.
    var kernelRelease: String? { get }
    /// The VF rates `ip link` set on the device's PF (IFLA_VF_RATE), for `rate lint`; empty when the
    /// backend cannot read them.
    func vfRates(_ device: DeviceHandle) throws -> [VFRate]
    /// This session's bonds and links, when it has them. Asked of the session instead of found with
    /// `as? LinkSession`: a cast to a protocol makes the Swift runtime scan every conformance record
    /// in the binary (~0.3M instructions a cast, paid at every dls start).
    var linkSession: LinkSession? { get }
    /// The same for exact snapshots.
    var restorableSession: (any RestorableSession)? { get }
}

extension DeviceSession {
    public func uplinkSpeed(_ device: DeviceHandle) throws -> UInt64? { nil }
    public var kernelRelease: String? { nil }
    public func vfRates(_ device: DeviceHandle) throws -> [VFRate] { [] }
    public var linkSession: LinkSession? { nil }
    public var restorableSession: (any RestorableSession)? { nil }
}

/// What every backend (emulator, netlink, or one an embedding program writes) offers: it performs
/// typed operations (`DeviceOperation`, one type per devlink request), reports notifications and lets
/// asynchronous driver work progress.
///
/// Every operation throws `DevlinkError` (errno + extack message exactly as the kernel would report
/// it) and either fully succeeds or fails with the side effects the kernel leaves behind (e.g.
/// `SetPortFunction` is not transactional: hw_addr may be applied when the later state change fails).
/// An operation the backend does not handle answers EOPNOTSUPP. Backends never format output; they
/// return plain values.
///
/// Asynchronous driver work (an activated SF's driver binding, which turns `opstate` to `attached`, or an
/// inactivated SF detaching) does not complete inside the request that started it. Callers that need it
/// poll: check the condition, call `settle()`, check again (the language's `wait(cond, timeout)` does this).
public protocol DeviceSession: AnyObject {
    /// Performs one operation (one devlink request, or a sysfs access for SR-IOV).
    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply

    /// Notifications received since the last call, oldest first.
    func drainEvents() throws -> [DevlinkEvent]
    /// Lets pending asynchronous driver work progress. Returns true if more work may still be pending (a
    /// caller waiting for a condition should poll again), false if the backend knows nothing is pending
    /// (the emulator completes all pending work in one call, so waiting longer cannot change anything).
    @discardableResult
    func settle() throws -> Bool

    /// What else this session offers (bonds and links, exact snapshots, a clock), each nil when it
    /// has not.
    var facets: SessionFacets { get }

    /// The messages the kernel attached to successful requests since the last call (an extack on an
    /// ACK with error 0, such as a driver's note), oldest first, for the command layer to print as
    /// devlink does. A reply that carries its own (`ReloadReply.warning`, `enslave`) is not repeated.
    func drainWarnings() -> [String]
    /// How many times notifications were lost since the last call (the kernel's socket buffer
    /// overran while nothing read it: ENOBUFS). `drainEvents` goes on with what arrived after.
    func drainEventOverruns() -> Int
}

/// The optional faces of a session. Asked of the session instead of found with `as? LinkSession`: a
/// cast to a protocol makes the Swift runtime scan every conformance record in the binary, paid at
/// every dls start.
public struct SessionFacets {
    /// Bonds and links.
    public var links: LinkSession?
    /// Exact snapshots of the whole state.
    public var restorable: (any RestorableSession)?
    /// Driver work that runs on a clock (the emulator; see TimedSession).
    public var timed: TimedSession?

    public init(links: LinkSession? = nil, restorable: (any RestorableSession)? = nil, timed: TimedSession? = nil) {
        (self.links, self.restorable, self.timed) = (links, restorable, timed)
    }
}

extension DeviceSession {
    public var facets: SessionFacets { SessionFacets() }
    public var linkSession: LinkSession? { facets.links }
    public var restorableSession: (any RestorableSession)? { facets.restorable }
    public var timedSession: TimedSession? { facets.timed }
    public func drainWarnings() -> [String] { [] }
    public func drainEventOverruns() -> Int { 0 }
}

/// The operations by name, for callers (each is `perform` of one operation type). Those batches
/// repeat by the hundred are inlinable: the caller then performs the operation itself, with its type
/// known where it is built.
extension DeviceSession {
    public func devices() throws -> [DeviceHandle] { try perform(ListDevices()) }
    public func info(_ device: DeviceHandle) throws -> DeviceInfo { try perform(GetDeviceInfo(device)) }

    @inlinable @inline(__always) public func ports(of device: DeviceHandle?) throws -> [Port] { try perform(ListPorts(of: device)) }
    @inlinable @inline(__always) public func port(_ handle: PortHandle) throws -> Port { try perform(GetPort(handle)) }
    public func addPort(_ request: PortAddRequest) throws -> Port { try perform(AddPort(request)) }
    public func deletePort(_ handle: PortHandle) throws { try perform(DeletePort(handle)) }
    public func setPortType(_ handle: PortHandle, _ type: PortType) throws { try perform(SetPortType(handle, type)) }
    public func splitPort(_ handle: PortHandle, count: UInt32) throws { try perform(SplitPort(handle, count)) }
    public func unsplitPort(_ handle: PortHandle) throws { try perform(UnsplitPort(handle)) }
    @inlinable @inline(__always) public func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws {
        try perform(SetPortFunction(handle, changes))
    }

    @inlinable @inline(__always) public func rates(of device: DeviceHandle?) throws -> [RateObject] { try perform(ListRates(of: device)) }
    @inlinable @inline(__always) public func rate(_ handle: RateHandle) throws -> RateObject { try perform(GetRate(handle)) }
    public func addRateNode(_ handle: RateHandle, _ changes: RateChanges) throws { try perform(AddRateNode(handle, changes)) }
    @inlinable @inline(__always) public func setRate(_ handle: RateHandle, _ changes: RateChanges) throws { try perform(SetRate(handle, changes)) }
    public func deleteRateNode(_ handle: RateHandle) throws { try perform(DeleteRateNode(handle)) }

    public func eswitch(_ device: DeviceHandle) throws -> Eswitch { try perform(GetEswitch(device)) }
    public func setEswitch(_ device: DeviceHandle, _ changes: EswitchChanges) throws { try perform(SetEswitch(device, changes)) }
    public func sriovNumVFs(_ device: DeviceHandle) throws -> UInt32 { try perform(GetNumVFs(device)) }
    public func setSriovNumVFs(_ device: DeviceHandle, _ count: UInt32) throws { try perform(SetNumVFs(device, count)) }

    public func params(of device: DeviceHandle?) throws -> [Param] { try perform(ListParams(of: device)) }
    public func param(_ device: DeviceHandle, name: String) throws -> Param { try perform(GetParam(device, name: name)) }
    public func setParam(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) throws {
        try perform(SetParam(device, name: name, value: value, cmode: cmode))
    }
}

import DevlinkModel

/// The emulator backend: a `DeviceSession` over an `EmulatorState` value.
///
/// Asynchronous driver work (SF attach after `state active`, detach after `state inactive`) is queued and
/// runs only when `settle()` is called, all of it at once. So right after `port function set ... state
/// active` a port shows `active`/`detached`, and after `settle()` it shows `active`/`attached` — the same
/// two states the kernel shows, at deterministic points. A script's `wait(cond, timeout)` polls `cond`
/// and calls `settle()` between polls; `settle()` returns false when nothing is left pending.
/// Set `settlesImmediately` to run that work at the end of every request instead.
public final class EmulatedSession: DeviceSession {
    public private(set) var state: EmulatorState
    /// Whether events since the last `drainEvents` are shown (see `init(topology:eventsFromOpen:)`).
    private var subscribed = true
    /// Run pending driver work at the end of each request instead of waiting for `settle()`.
    public var settlesImmediately = false
    private var faults: [Fault] = []

    /// `eventsFromOpen: false`: events start at the first `drainEvents`, as a kernel socket that
    /// subscribes to the `config` group only then sees nothing from before.
    public init(topology: Topology = .mlx5, eventsFromOpen: Bool = true) throws(TopologyError) {
        state = try EmulatorState(topology: topology)
        subscribed = eventsFromOpen
    }

    public init(state: EmulatorState) {
        self.state = state
    }

    /// A session on a built-in topology (`mlx5`, `netdevsim`).
    public convenience init(builtin name: String) throws(TopologyError) {
        guard let topology = Topology.builtin(named: name) else {
            throw TopologyError("no built-in topology named \"\(name)\" (expected mlx5 or netdevsim)")
        }
        try self.init(topology: topology)
    }

    // MARK: snapshots, faults, introspection

    /// The whole state as a value; `restore` brings it back exactly (pending work and events included).
    public func snapshot() -> EmulatorState { state }

    public func restore(_ snapshot: EmulatorState) { state = snapshot }

    /// Arms a one-shot fault for the next operation of `kind` (several arm in order).
    public func injectFault(_ kind: OperationKind, _ errno: Errno, message: String? = nil) {
        faults.append(Fault(kind: kind, error: DevlinkError(errno, message)))
    }

    public var armedFaults: [Fault] { faults }

    /// Whether notifications are recorded for `drainEvents()` (on by default).
    public var recordsEvents: Bool {
        get { state.recordEvents }
        set { state.recordEvents = newValue; if !newValue { state.events = [] } }
    }

    /// Number of queued asynchronous driver work items (SF attach/detach, mlx5 LAG bond work).
    public var pendingWorkCount: Int { state.pending.count + state.links.queuedLagWork.count }

    /// Netdevs by name (for the LAG work and for tests).
    public var netdevs: NetdevTable { state.netdevs }

    private func mutate<T>(_ kind: OperationKind,
                           _ body: (inout EmulatorState) throws(DevlinkError) -> T) throws(DevlinkError) -> T {
        if let position = faults.firstIndex(where: { $0.kind == kind }) {
            throw faults.remove(at: position).error
        }
        let result = try body(&state)
        state.releaseVanishedSlaves()
        if settlesImmediately { settleAll() }
        return result
    }

    /// Link requests (bonds, enslave, up/down): no devlink operation faults apply to them.
    func mutateLinks<T>(_ body: (inout EmulatorState) throws(DevlinkError) -> T) throws(DevlinkError) -> T {
        let result = try body(&state)
        if settlesImmediately { settleAll() }
        return result
    }

    /// Direct state access for emulator-only requests that cannot fail (QUERY_LAG).
    func mutateState<T>(_ body: (inout EmulatorState) -> T) -> T { body(&state) }

    private func settleAll() {
        state.runPendingWork()
        state.settleLinks()
    }

    // MARK: DeviceSession

    public func devices() throws -> [DeviceHandle] { state.devices.map(\.handle) }

    public func info(_ device: DeviceHandle) throws -> DeviceInfo { try state.info(device) }

    public func ports(of device: DeviceHandle?) throws -> [Port] {
        if let device {
            return state.devices[try state.deviceIndexOrThrow(device)].sortedPorts()
        }
        return state.devices.flatMap { $0.sortedPorts() }
    }

    public func port(_ handle: PortHandle) throws -> Port { try state.record(handle).record.port }

    public func addPort(_ request: PortAddRequest) throws -> Port {
        try mutate(.portAdd) { (s) throws(DevlinkError) in try s.addPort(request) }
    }

    public func deletePort(_ handle: PortHandle) throws {
        try mutate(.portDelete) { (s) throws(DevlinkError) in try s.deletePort(handle) }
    }

    public func setPortType(_ handle: PortHandle, _ type: PortType) throws {
        try mutate(.portSetType) { (s) throws(DevlinkError) in try s.setPortType(handle, type) }
    }

    public func splitPort(_ handle: PortHandle, count: UInt32) throws {
        try mutate(.portSplit) { (s) throws(DevlinkError) in try s.splitPort(handle, count: count) }
    }

    public func unsplitPort(_ handle: PortHandle) throws {
        try mutate(.portUnsplit) { (s) throws(DevlinkError) in try s.unsplitPort(handle) }
    }

    public func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws {
        try mutate(.functionSet) { (s) throws(DevlinkError) in try s.setPortFunction(handle, changes) }
    }

    public func rates(of device: DeviceHandle?) throws -> [RateObject] { try state.rates(of: device) }

    public func uplinkSpeed(_ device: DeviceHandle) throws -> UInt64? { try state.uplinkSpeed(device) }

    /// The release the profiles model (docs/differences.md: the netdevsim profile is checked against 6.12).
    public var kernelRelease: String? { "6.12" }

    public func rate(_ handle: RateHandle) throws -> RateObject { try state.rate(handle) }

    public func addRateNode(_ handle: RateHandle, _ changes: RateChanges) throws {
        try mutate(.rateNodeAdd) { (s) throws(DevlinkError) in try s.addRateNode(handle, changes) }
    }

    public func setRate(_ handle: RateHandle, _ changes: RateChanges) throws {
        try mutate(.rateSet) { (s) throws(DevlinkError) in try s.setRate(handle, changes) }
    }

    public func deleteRateNode(_ handle: RateHandle) throws {
        try mutate(.rateNodeDelete) { (s) throws(DevlinkError) in try s.deleteRateNode(handle) }
    }

    public func eswitch(_ device: DeviceHandle) throws -> Eswitch { try state.eswitch(device) }

    public func setEswitch(_ device: DeviceHandle, _ changes: EswitchChanges) throws {
        try mutate(.eswitchSet) { (s) throws(DevlinkError) in
            // A mode change disables an active LAG first and lets the bond work re-evaluate after it
            // (mlx5_lag_disable_change/enable_change); tried on a copy so a failed request changes nothing.
            var trial = s
            try trial.setEswitch(device, changes)
            guard try trial.eswitch(device).mode != s.eswitch(device).mode else { s = trial; return }
            s.lagDisableChange(device)
            try s.setEswitch(device, changes)
            s.lagEnableChange(device)
        }
    }

    public func sriovNumVFs(_ device: DeviceHandle) throws -> UInt32 { try state.sriovNumVFs(device) }

    public func setSriovNumVFs(_ device: DeviceHandle, _ count: UInt32) throws {
        try mutate(.sriovSet) { (s) throws(DevlinkError) in
            // Enabling or disabling SR-IOV re-enables the eswitch: the same LAG disable/enable change.
            var trial = s
            try trial.setSriovNumVFs(device, count)
            guard try trial.sriovNumVFs(device) != s.sriovNumVFs(device) else { s = trial; return }
            s.lagDisableChange(device)
            try s.setSriovNumVFs(device, count)
            s.lagEnableChange(device)
        }
    }

    public func params(of device: DeviceHandle?) throws -> [Param] { try state.params(of: device) }

    public func param(_ device: DeviceHandle, name: String) throws -> Param { try state.param(device, name: name) }

    public func setParam(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) throws {
        try mutate(.paramSet) { (s) throws(DevlinkError) in
            try s.setParam(device, name: name, value: value, cmode: cmode)
        }
    }

    public func drainEvents() throws -> [DevlinkEvent] {
        defer { state.events = [] }
        guard subscribed else {
            subscribed = true
            return []
        }
        return state.events
    }

    @discardableResult
    public func settle() throws -> Bool {
        settleAll()
        return false
    }
}

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
        faults = (topology.faults ?? []).map { Fault(kind: $0.operation, error: DevlinkError($0.errno, $0.message)) }
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

    // The operations batch files repeat by the hundred get their own compiled copy of `perform`:
    // the generic one, reached through the protocol, works out the operation's type at run time.
    @_specialize(exported: false, where Operation == SetRate)
    @_specialize(exported: false, where Operation == GetRate)
    @_specialize(exported: false, where Operation == SetPortFunction)
    @_specialize(exported: false, where Operation == GetPort)
    @_specialize(exported: false, where Operation == ListPorts)
    @_specialize(exported: false, where Operation == ListRates)
    public func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        try Self.handlers.perform(operation, on: self)
    }

    /// The emulator's devlink ops: reads answer from the state, changes go through `mutate` (faults,
    /// vanished bond slaves, immediate settling).
    static let handlers = linkHandlers(devlinkHandlers)

    static let devlinkHandlers = OperationHandlers<EmulatedSession>()
        .on(ListDevices.self) { s, _ in s.state.devices.map(\.handle) }
        .on(GetDeviceInfo.self) { s, op in try s.state.info(op.device) }
        .on(ListPorts.self) { s, op in
            guard let device = op.device else { return s.state.devices.flatMap { $0.sortedPorts() } }
            return s.state.devices[try s.state.deviceIndexOrThrow(device)].sortedPorts()
        }
        .on(GetPort.self) { s, op in try s.state.record(op.handle).record.port }
        .on(AddPort.self) { s, op in try s.mutate(.portAdd) { (st) throws(DevlinkError) in try st.addPort(op.request) } }
        .on(DeletePort.self) { s, op in try s.mutate(.portDelete) { (st) throws(DevlinkError) in try st.deletePort(op.handle) } }
        .on(SetPortType.self) { s, op in
            try s.mutate(.portSetType) { (st) throws(DevlinkError) in try st.setPortType(op.handle, op.type) }
        }
        .on(SplitPort.self) { s, op in
            try s.mutate(.portSplit) { (st) throws(DevlinkError) in try st.splitPort(op.handle, count: op.count) }
        }
        .on(UnsplitPort.self) { s, op in try s.mutate(.portUnsplit) { (st) throws(DevlinkError) in try st.unsplitPort(op.handle) } }
        .on(SetPortFunction.self) { s, op in
            try s.mutate(.functionSet) { (st) throws(DevlinkError) in try st.setPortFunction(op.handle, op.changes) }
        }
        .on(ListRates.self) { s, op in try s.state.rates(of: op.device) }
        .on(GetRate.self) { s, op in try s.state.rate(op.handle) }
        .on(AddRateNode.self) { s, op in
            try s.mutate(.rateNodeAdd) { (st) throws(DevlinkError) in try st.addRateNode(op.handle, op.changes) }
        }
        .on(SetRate.self) { s, op in try s.mutate(.rateSet) { (st) throws(DevlinkError) in try st.setRate(op.handle, op.changes) } }
        .on(DeleteRateNode.self) { s, op in
            try s.mutate(.rateNodeDelete) { (st) throws(DevlinkError) in try st.deleteRateNode(op.handle) }
        }
        .on(GetEswitch.self) { s, op in try s.state.eswitch(op.device) }
        .on(SetEswitch.self) { s, op in
            try s.mutate(.eswitchSet) { (st) throws(DevlinkError) in
                // A mode change disables an active LAG first and lets the bond work re-evaluate after it
                // (mlx5_lag_disable_change/enable_change); tried on a copy so a failed request changes nothing.
                var trial = st
                try trial.setEswitch(op.device, op.changes)
                guard try trial.eswitch(op.device).mode != st.eswitch(op.device).mode else { st = trial; return }
                st.lagDisableChange(op.device)
                try st.setEswitch(op.device, op.changes)
                st.lagEnableChange(op.device)
            }
        }
        .on(GetNumVFs.self) { s, op in try s.state.sriovNumVFs(op.device) }
        .on(SetNumVFs.self) { s, op in
            try s.mutate(.sriovSet) { (st) throws(DevlinkError) in
                // Enabling or disabling SR-IOV re-enables the eswitch: the same LAG disable/enable change.
                var trial = st
                try trial.setSriovNumVFs(op.device, op.count)
                guard try trial.sriovNumVFs(op.device) != st.sriovNumVFs(op.device) else { st = trial; return }
                st.lagDisableChange(op.device)
                try st.setSriovNumVFs(op.device, op.count)
                st.lagEnableChange(op.device)
            }
        }
        .on(GetUplinkSpeed.self) { s, op in try s.state.uplinkSpeed(op.device) }
        .on(GetKernelRelease.self) { s, _ in s.state.kernel.description }
        .on(ArmFault.self) { s, op in try s.arm(op) }
        .on(ListParams.self) { s, op in try s.state.params(of: op.device) }
        .on(GetParam.self) { s, op in try s.state.param(op.device, name: op.name) }
        .on(SetParam.self) { s, op in
            try s.mutate(.paramSet) { (st) throws(DevlinkError) in
                try st.setParam(op.device, name: op.name, value: op.value, cmode: op.cmode)
            }
        }
        .on(ReloadDevice.self) { s, op in try s.mutate(.reload) { (st) throws(DevlinkError) in try st.reload(op) } }
        .on(ListResources.self) { s, op in try s.state.resources(op.device) }
        .on(ListHealthReporters.self) { s, op in try s.state.healthReporters(of: op.device) }
        .on(GetHealthReporter.self) { s, op in try s.state.healthReporter(op.device, name: op.name) }
        .on(SetHealthReporter.self) { s, op in
            try s.mutate(.healthSet) { (st) throws(DevlinkError) in try st.setHealthReporter(op) }
        }
        .on(RecoverHealthReporter.self) { s, op in
            try s.mutate(.healthRecover) { (st) throws(DevlinkError) in try st.recoverHealthReporter(op) }
        }
        .on(SetResourceSize.self) { s, op in
            try s.mutate(.resourceSet) { (st) throws(DevlinkError) in try st.setResourceSize(op) }
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

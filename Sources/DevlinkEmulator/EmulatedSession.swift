import DevlinkModel
import Glibc

/// The emulator backend: a `DeviceSession` over an `EmulatorState` value.
///
/// Asynchronous driver work (SF attach after `state active`, detach after `state inactive`, bond work,
/// bond timers) is queued with a modelled latency and runs when the session's clock reaches its due
/// time (EmulatorClock.swift, docs/emulator-clock.md). So right after `port function set ... state
/// active` a port shows `active`/`detached`, and 500 ms later `active`/`attached` — the same two states
/// the kernel shows. The clock is virtual by default (time moves only through `settle()` and the
/// `TimedSession` calls, so tests are exact); `useWallClock()` makes work fall due on its own, as the
/// `dls` binary does. Set `settlesImmediately` to run all work at the end of every request instead.
public final class EmulatedSession: DeviceSession {
    // Every request reads and changes these (the clock, the armed faults, the state itself); a request
    // runs on one thread and its handlers reach the state only through the `inout` they are given, so
    // they opt out of the dynamic exclusivity checks that would otherwise guard each access.
    @exclusivity(unchecked) public private(set) var state: EmulatorState
    /// The modeled kernel's features, made once per declared version (EmulatedSession+KernelFeatures).
    var modeledFeatures: KernelFeatures?
    /// What `modeledFeatures` has, for the check before every request.
    @exclusivity(unchecked) var modeledAvailable: (version: KernelVersion, features: DevlinkFeatureSet)?
    /// Whether events since the last `drainEvents` are shown (see `init(topology:eventsFromOpen:)`).
    private var subscribed = true
    /// Run pending driver work at the end of each request instead of waiting for `settle()`.
    @exclusivity(unchecked) public var settlesImmediately = false
    /// Where the present comes from: virtual (the default) or the wall clock.
    @exclusivity(unchecked) public private(set) var clock = EmulatorClock.virtual
    @exclusivity(unchecked) private var faults: [Fault] = []
    /// CLOCK_REALTIME at a point of the emulator's clock, for the times the kernel stamps with the
    /// real-time clock (a health dump's): the present's wall time is this plus the clock's progress.
    private lazy var realtimeOrigin = (wall: Self.realtimeNanoseconds(), clock: state.clockNow)

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

    /// From now on the present is the machine's monotonic clock, continuing from the state's own time.
    public func useWallClock() { clock = .wall(startingAt: state.clockNow) }

    /// Back to a virtual clock, at the time reached so far.
    public func useVirtualClock() {
        catchUp()
        clock = .virtual
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

    /// On the wall clock, work the snapshot had queued and that fell due since runs at the next request.
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
    public var pendingWorkCount: Int { state.pending.count + state.links.queuedLagWork.count + state.links.fibWork.count }

    /// Netdevs by name (for the LAG work and for tests).
    public var netdevs: NetdevTable { state.netdevs }

    /// A devlink change. `perform` has already caught up with the clock, so the request sees the
    /// work that fell due before it.
    fileprivate func mutate<T>(_ kind: OperationKind,
                           _ body: (inout EmulatorState) throws(DevlinkError) -> T) throws(DevlinkError) -> T {
        if !faults.isEmpty, let position = faults.firstIndex(where: { $0.kind == kind }) {
            throw faults.remove(at: position).error
        }
        let result = try state.applyingRequest(releasingVanishedSlaves: true, body)
        if settlesImmediately { settleAll() }
        return result
    }

    /// Link requests (bonds, enslave, up/down): no devlink operation faults apply to them.
    func mutateLinks<T>(_ body: (inout EmulatorState) throws(DevlinkError) -> T) throws(DevlinkError) -> T {
        catchUp()
        let result = try state.applyingRequest(releasingVanishedSlaves: false, body)
        if settlesImmediately { settleAll() }
        return result
    }

    /// A read of the state. It borrows `state` through an exclusive access: a method called on the
    /// stored struct of a class otherwise works on a copy of the whole state, a retain and a release
    /// of every field.
    func reading<T>(_ body: (inout EmulatorState) throws(DevlinkError) -> T) throws(DevlinkError) -> T {
        try body(&state)
    }

    /// Direct state access for emulator-only requests that cannot fail (QUERY_LAG).
    func mutateState<T>(_ body: (inout EmulatorState) -> T) -> T {
        catchUp()
        return body(&state)
    }

    /// Runs all pending work to completion, moving the state's clock to when the last item is done.
    func settleAll() { state.runToCompletion() }

    /// The clock's present.
    var now: EmulatorInstant { clock.now(reached: state.clockNow) }

    /// The present as CLOCK_REALTIME nanoseconds: the wall clock's own on a wall clock; on a virtual
    /// one, the wall time the session first needed one, moved on as far as the virtual clock moved.
    var realtime: UInt64 {
        if case .wall = clock { return Self.realtimeNanoseconds() }
        let origin = realtimeOrigin
        let present = now.nanoseconds
        return origin.wall &+ (present >= origin.clock.nanoseconds ? present - origin.clock.nanoseconds : 0)
    }

    static func realtimeNanoseconds() -> UInt64 {
        var ts = timespec()
        clock_gettime(CLOCK_REALTIME, &ts)
        return UInt64(max(0, ts.tv_sec)) &* 1_000_000_000 &+ UInt64(max(0, ts.tv_nsec))
    }

    /// Runs the work that fell due since the last request: on the wall clock, what its due time passed;
    /// on either, work queued without a due time (due at once).
    func catchUp() { state.advance(to: now) }

    /// Moves a virtual clock `seconds` on, running the work that falls due on the way.
    func advanceVirtualClock(seconds: Double) { state.advance(to: state.clockNow.adding(seconds: seconds)) }

    // MARK: DeviceSession

    // The operations batch files repeat by the hundred get their own compiled copy of `perform`:
    // the generic one, reached through the protocol, works out the operation's type at run time.
    @_specialize(exported: false, where Operation == SetRate)
    @_specialize(exported: false, where Operation == GetRate)
    @_specialize(exported: false, where Operation == SetPortFunction)
    @_specialize(exported: false, where Operation == AddPort)
    @_specialize(exported: false, where Operation == GetPort)
    @_specialize(exported: false, where Operation == ListPorts)
    @_specialize(exported: false, where Operation == ListRates)
    public func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        try refuseUnlessKernelHas(operation)
        catchUp()   // a read sees the work that fell due, as the kernel's state would show it
        return try Self.handlers.perform(operation, on: self)
    }

    /// The emulator's devlink ops: reads answer from the state, changes go through `mutate` (faults,
    /// vanished bond slaves, immediate settling).
    static let handlers = linkHandlers(devlinkHandlers)

    static let devlinkHandlers = OperationHandlers<EmulatedSession>()
        .on(ListDevices.self) { s, _ in s.state.devices.map(\.handle) }
        .on(ListDeviceStatus.self) { s, _ in
            s.state.devices.indices.map { d in
                DeviceStatus(device: s.state.devices[d].handle, reloadFailed: s.state.devices[d].reloadFailed,
                             stats: s.state.reloadStats(d))
            }
        }
        .query(GetDeviceInfo.self) { (st, op) throws(DevlinkError) in try st.info(op.device) }
        .query(ListPorts.self) { (st, op) throws(DevlinkError) in
            guard let device = op.device else { return st.devices.indices.flatMap { st.devices[$0].sortedPorts() } }
            return st.devices[try st.deviceIndexOrThrow(device)].sortedPorts()
        }
        .query(GetPort.self) { (st, op) throws(DevlinkError) in try st.record(op.handle).record.port }
        .change(AddPort.self, .portAdd) { (st, op) throws(DevlinkError) in try st.addPort(op.request) }
        .change(DeletePort.self, .portDelete) { (st, op) throws(DevlinkError) in try st.deletePort(op.handle) }
        .change(SetPortType.self, .portSetType) { (st, op) throws(DevlinkError) in
            try st.setPortType(op.handle, op.changes)
        }
        .change(SplitPort.self, .portSplit) { (st, op) throws(DevlinkError) in
            try st.splitPort(op.handle, count: op.changes)
        }
        .change(UnsplitPort.self, .portUnsplit) { (st, op) throws(DevlinkError) in try st.unsplitPort(op.handle) }
        .change(SetPortFunction.self, .functionSet) { (st, op) throws(DevlinkError) in
            try st.setPortFunction(op.handle, op.changes)
        }
        .query(ListRates.self) { (st, op) throws(DevlinkError) in try st.rates(of: op.device) }
        .query(GetRate.self) { (st, op) throws(DevlinkError) in try st.rate(op.handle) }
        .change(AddRateNode.self, .rateNodeAdd) { (st, op) throws(DevlinkError) in
            try st.addRateNode(op.handle, op.changes)
        }
        .change(SetRate.self, .rateSet) { (st, op) throws(DevlinkError) in try st.setRate(op.handle, op.changes) }
        .change(DeleteRateNode.self, .rateNodeDelete) { (st, op) throws(DevlinkError) in
            try st.deleteRateNode(op.handle)
        }
        .query(GetEswitch.self) { (st, op) throws(DevlinkError) in try st.eswitch(op.device) }
        .change(SetEswitch.self, .eswitchSet) { (st, op) throws(DevlinkError) in
            // mlx5_devlink_eswitch_mode_set calls mlx5_lag_disable_change before it compares the modes,
            // so every mode set that reaches the driver, the same mode included, disables an active
            // LAG (MPESW too) and lets the bond work re-evaluate after it (mlx5_lag_enable_change).
            // Tried on a copy so a failed request changes nothing (the kernel would still have
            // disabled and re-queued the LAG: not modelled).
            var trial = st
            try trial.setEswitch(op.handle, op.changes)
            guard op.changes.mode != nil else { st = trial; return }
            st.lagDisableChange(op.handle)
            try st.setEswitch(op.handle, op.changes)
            st.lagEnableChange(op.handle)
        }
        .query(GetNumVFs.self) { (st, op) throws(DevlinkError) in try st.sriovNumVFs(op.device) }
        .change(SetNumVFs.self, .sriovSet) { (st, op) throws(DevlinkError) in
            // mlx5_eswitch_enable toggles the LAG (mlx5_lag_disable_change/enable_change) only when it
            // creates the FDB: enabling SR-IOV in legacy mode. In switchdev the FDB exists and only
            // VF vports load; mlx5_eswitch_disable_sriov never toggles, so no bond work follows it.
            let (device, count) = (op.handle, op.changes)
            var trial = st
            try trial.setSriovNumVFs(device, count)
            let before = try st.sriovNumVFs(device)
            let mode = try st.eswitch(device).mode
            let toggles = before == 0 && count > 0 && mode == .legacy
            guard toggles else { st = trial; return }
            st.lagDisableChange(device)
            try st.setSriovNumVFs(device, count)
            st.lagEnableChange(device)
        }
        .on(GetUplinkSpeed.self) { s, op in try s.state.uplinkSpeed(op.device) }
        .on(GetKernelRelease.self) { s, _ in s.state.kernel.description }
        .on(GetKernelFeatures.self) { s, _ in s.kernelFeatures }
        .on(ArmFault.self) { s, op in try s.arm(op) }
        .query(ListParams.self) { (st, op) throws(DevlinkError) in try st.params(of: op.device) }
        .query(GetParam.self) { (st, op) throws(DevlinkError) in try st.param(op.device, name: op.name) }
        .change(SetParam.self, .paramSet) { (st, op) throws(DevlinkError) in
            try st.setParam(op.device, name: op.name, value: op.value, cmode: op.cmode)
        }
        .change(ReloadDevice.self, .reload) { (st, op) throws(DevlinkError) in try st.reload(op) }
        .on(ListResources.self) { s, op in try s.state.resources(op.device) }
        .on(ListHealthReporters.self) { s, op in try s.state.healthReporters(of: op.device) }
        .on(GetHealthReporter.self) { s, op in try s.state.healthReporter(op) }
        .change(SetHealthReporter.self, .healthSet) { (st, op) throws(DevlinkError) in try st.setHealthReporter(op) }
        .change(RecoverHealthReporter.self, .healthRecover) { (st, op) throws(DevlinkError) in
            try st.recoverHealthReporter(op)
        }
        .change(SetResourceSize.self, .resourceSet) { (st, op) throws(DevlinkError) in try st.setResourceSize(op) }
        .change(DiagnoseHealthReporter.self, .healthDiagnose) { (st, op) throws(DevlinkError) in
            try st.diagnoseHealthReporter(op)
        }
        .on(ShowHealthDump.self) { s, op in
            let realtime = s.realtime
            return try s.mutate(.healthDump) { (st) throws(DevlinkError) in try st.showHealthDump(op, realtime: realtime) }
        }
        .change(ClearHealthDump.self, .healthDump) { (st, op) throws(DevlinkError) in try st.clearHealthDump(op) }
        .change(TestHealthReporter.self, .healthTest) { (st, op) throws(DevlinkError) in try st.testHealthReporter(op) }
        .on(ReportHealthError.self) { s, op in
            let realtime = s.realtime
            try s.mutate(.healthReport) { (st) throws(DevlinkError) in try st.reportHealthError(op, realtime: realtime) }
        }
        .on(ListRdmaDevices.self) { s, _ in s.state.links.rdma.devices.map { RdmaDevice(name: $0.name, device: $0.parent) } }
        .change(SetNetdevsimHealthKnob.self, .healthReport) { (st, op) throws(DevlinkError) in
            try st.setNetdevsimHealthKnob(op)
        }

    public func drainEvents() throws -> [DevlinkEvent] {
        catchUp()
        defer { state.events = [] }
        guard subscribed else {
            subscribed = true
            return []
        }
        return state.events
    }

    /// Virtual clock: runs all pending work to completion (the clock moves on to when the last item is
    /// done) and returns false: nothing is left. Wall clock: waits until the next item is due (at most
    /// 100 ms), runs what is due, and returns whether work is left, so pollers keep going in real time.
    @discardableResult
    public func settle() throws -> Bool {
        guard !clock.isVirtual else {
            settleAll()
            return false
        }
        catchUp()
        guard let next = secondsUntilNextWork else { return false }
        _ = pass(seconds: min(max(next, 0.001), 0.1), interrupted: { false })
        return state.hasPendingWork
    }
}

extension OperationHandlers where Context == EmulatedSession {
    /// A read of the state (`EmulatedSession.reading`: in place, without copying the state).
    consuming func query<Operation: DeviceOperation>(
        _ operation: Operation.Type,
        _ read: @escaping (inout EmulatorState, Operation) throws(DevlinkError) -> Operation.Reply
    ) -> Self {
        on(operation) { s, op in try s.reading { (st) throws(DevlinkError) in try read(&st, op) } }
    }

    /// A change of state: `change` runs through `mutate`, which fails it first when a fault of `kind` is
    /// armed and afterwards lets the state catch up (vanished slaves, FIB events, settling).
    consuming func change<Operation: DeviceOperation>(
        _ operation: Operation.Type, _ kind: OperationKind,
        _ change: @escaping (inout EmulatorState, Operation) throws(DevlinkError) -> Operation.Reply
    ) -> Self {
        on(operation) { s, op in try s.mutate(kind) { (st) throws(DevlinkError) in try change(&st, op) } }
    }
}

import DevlinkModel

/// A session that forwards every request to `inner` and, while a transaction is open, reads what a change
/// will overwrite and records the inverse request in the journal. A request that fails part-way (function
/// and rate sets apply attribute by attribute) records the inverse of what it did change.
class JournalingSession: DeviceSession {
    let inner: DeviceSession
    let journal: UndoJournal

    init(_ inner: DeviceSession, journal: UndoJournal) {
        self.inner = inner
        self.journal = journal
    }

    /// Time passes for the wrapped session: `sleep`, `wait` and `settle` reach its clock. A class
    /// member (not the protocol's default) so JournalingLinkSession can add its links.
    var facets: SessionFacets { SessionFacets(timed: inner.timedSession) }
    func drainWarnings() -> [String] { inner.drainWarnings() }
    func drainEventOverruns() -> Int { inner.drainEventOverruns() }

    /// Keeps `LinkSession` visible when the wrapped session has it.
    static func wrapping(_ inner: DeviceSession, journal: UndoJournal) -> JournalingSession {
        if let links = inner.linkSession { return JournalingLinkSession(links, journal: journal) }
        return JournalingSession(inner, journal: journal)
    }

    /// Runs `apply`; while recording, reads the old state first and records `undo(old)` (steps in the
    /// order they are to be replayed) even when `apply` fails. When the state cannot be read, the change
    /// still runs (with the kernel's own error), and a successful one is reported as not undoable.
    func change<Old>(_ what: @autoclosure () -> String, read: () throws -> Old, apply: () throws -> Void,
                     undo: (Old) -> [UndoStep]) throws {
        guard journal.isRecording else { return try apply() }
        let old: Old
        do {
            old = try read()
        } catch {
            try apply()
            journal.record(.irreversible("\(what()) (its previous state could not be read: \(error))"))
            return
        }
        defer { for step in undo(old).reversed() { journal.record(step) } }
        try apply()
    }

    // MARK: operations

    /// Reads, and anything outside a transaction, go straight through (batches set rates by the
    /// hundred, and reading the old state costs more than the change). Inside one, a change goes
    /// through its undo plan, which reads what it will overwrite and records the inverse; a change
    /// without a plan still runs and is reported as not undoable.
    // Left generic: outside a transaction it only forwards, which needs nothing of the operation's
    // type but its witnesses, and a specialized copy is reached only after comparing the type with
    // each specialized one.
    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        guard Operation.changesState else { return try inner.perform(operation) }
        guard journal.isRecording else {
            forgetRates()
            return try inner.perform(operation)
        }
        return try performRecorded(operation)
    }

    /// A change inside a transaction: rate sets keep the rates read for the journal.
    private func performRecorded<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        if Operation.self != SetRate.self { forgetRates() }
        guard Self.undoPlans.handles(Operation.self) else {
            let reply = try inner.perform(operation)
            journal.record(.irreversible("\(Operation.command) (dls cannot undo it)"))
            return reply
        }
        return try Self.undoPlans.perform(operation, on: self)
    }

    func drainEvents() throws -> [DevlinkEvent] { try inner.drainEvents() }
    @discardableResult func settle() throws -> Bool {
        forgetRates()   // driver work may take ports, and their leaves, with it
        return try inner.settle()
    }

    // MARK: rates read for the journal

    /// The rates of a device read with one dump, kept while only rate sets go through this session: a
    /// transaction setting many rates of one device (an applied plan sets every leaf) then reads
    /// them once instead of once each. The first `ratesReadAlone` sets of a device read their own
    /// object, so a transaction that sets one rate never dumps a large table. Forgotten at every
    /// other change, every settle, and when a level begins or rolls back (JournalTransactions): the
    /// state may have changed outside this session in between.
    // Only this session's own methods touch these, one at a time: no dynamic exclusivity checks
    // on every change that goes through.
    @exclusivity(unchecked) private var rateCache: [DeviceHandle: [RateHandle: RateObject]] = [:]
    @exclusivity(unchecked) private var rateReads: [DeviceHandle: Int] = [:]
    static let ratesReadAlone = 2

    @inline(__always)
    func forgetRates() {
        if !rateCache.isEmpty { rateCache = [:] }
        if !rateReads.isEmpty { rateReads = [:] }
    }

    private func journalRate(_ handle: RateHandle) throws -> RateObject {
        let device = handle.device
        if rateCache[device] == nil {
            rateReads[device, default: 0] += 1
            if rateReads[device, default: 0] > Self.ratesReadAlone, let all = try? inner.rates(of: device) {
                rateCache[device] = Dictionary(all.map { ($0.handle, $0) }) { first, _ in first }
            }
        }
        if let cached = rateCache[device]?[handle] { return cached }
        return try inner.rate(handle)
    }

    /// The changes dls can undo, each with its plan below.
    static let undoPlans = JournalingLinkSession.linkUndoPlans(devlinkUndoPlans)

    static let devlinkUndoPlans = OperationHandlers<JournalingSession>()
        .on(AddPort.self) { j, op in try j.addPort(op.request) }
        .on(DeletePort.self) { j, op in try j.deletePort(op.handle) }
        .on(SetPortType.self) { j, op in try j.setPortType(op.handle, op.changes) }
        .on(SplitPort.self) { j, op in try j.splitPort(op.handle, count: op.changes) }
        .on(UnsplitPort.self) { j, op in try j.unsplitPort(op.handle) }
        .on(SetPortFunction.self) { j, op in try j.setPortFunction(op.handle, op.changes) }
        .on(AddRateNode.self) { j, op in try j.addRateNode(op.handle, op.changes) }
        .on(SetRate.self) { j, op in try j.setRate(op.handle, op.changes) }
        .on(DeleteRateNode.self) { j, op in try j.deleteRateNode(op.handle) }
        .on(SetEswitch.self) { j, op in try j.setEswitch(op.handle, op.changes) }
        .on(SetNumVFs.self) { j, op in try j.setSriovNumVFs(op.handle, op.changes) }
        .on(SetParam.self) { j, op in try j.setParam(op.device, name: op.name, value: op.value, cmode: op.cmode) }
        .on(SetResourceSize.self) { j, op in try j.setResourceSize(op) }
        .on(SetHealthReporter.self) { j, op in try j.setHealthReporter(op) }

    // MARK: ports

    private func addPort(_ request: PortAddRequest) throws -> Port {
        let port = try inner.addPort(request)
        journal.record(.deletePort(port.handle))
        return port
    }

    private func deletePort(_ handle: PortHandle) throws {
        try change("port del \(handle)", read: { (try inner.port(handle), try? inner.rate(.leaf(handle))) },
                   apply: { try inner.deletePort(handle) }) { old in
            guard (try? inner.port(handle)) == nil else { return [] }
            guard old.0.flavour == .pcisf else {
                return [.irreversible("port del \(handle) (only subfunction ports can be added back)")]
            }
            return [.recreatePort(old.0, leaf: old.1)]
        }
    }

    private func setPortType(_ handle: PortHandle, _ type: PortType) throws {
        try change("port set \(handle) type \(type.name)", read: { try inner.port(handle).desiredType ?? inner.port(handle).type },
                   apply: { try inner.setPortType(handle, type) }) { old in
            let now = try? inner.port(handle)
            return now.map { $0.desiredType ?? $0.type } == old ? [] : [.setPortType(handle, old)]
        }
    }

    private func splitPort(_ handle: PortHandle, count: UInt32) throws {
        try change("port split \(handle)", read: { try inner.port(handle) },
                   apply: { try inner.splitPort(handle, count: count) }) { old in
            guard let group = old.portNumber, let now = try? inner.ports(of: handle.device),
                  let member = Self.splitMembers(now, group: group).first else { return [] }
            return [.unsplit(member.handle, original: handle)]
        }
    }

    private func unsplitPort(_ handle: PortHandle) throws {
        try change("port unsplit \(handle)", read: { try inner.ports(of: handle.device) },
                   apply: { try inner.unsplitPort(handle) }) { old in
            guard let group = old.first(where: { $0.handle == handle })?.splitGroup,
                  let now = try? inner.ports(of: handle.device),
                  Self.splitMembers(now, group: group).isEmpty,
                  let restored = Self.unsplitPort(now, number: group) else { return [] }
            let members = Self.splitMembers(old, group: group)
            var subports: [UInt32: PortHandle] = [:]
            for member in members { if let n = member.splitSubportNumber { subports[n] = member.handle } }
            return [.split(restored.handle, count: UInt32(members.count), subports: subports)]
        }
    }

    private func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws {
        try change("port function set \(handle)", read: { try inner.port(handle).function ?? PortFunction() },
                   apply: { try inner.setPortFunction(handle, changes) }) { old in
            let now = (try? inner.port(handle))?.function ?? PortFunction()
            return Self.functionUndo(handle, requested: changes, old: old, now: now)
        }
    }

    // MARK: rates

    private func addRateNode(_ handle: RateHandle, _ changes: RateChanges) throws {
        try inner.addRateNode(handle, changes)
        journal.record(.deleteRateNode(handle))
    }

    private func setRate(_ handle: RateHandle, _ changes: RateChanges) throws {
        var succeeded = false
        try change("port function rate set \(handle)", read: { try journalRate(handle) },
                   apply: { try inner.setRate(handle, changes); succeeded = true }) { old in
            // Only a set that failed part-way is read back: a successful one applied every requested
            // attribute (RateObject.applying), and reading it again was a request per step of a plan.
            let read = succeeded ? old.applying(changes) : try? inner.rate(handle)
            rateCache[handle.device]?[handle] = read
            guard let now = read else { return [] }
            let undo = Self.rateUndo(requested: changes, old: old, now: now)
            return undo.isEmpty ? [] : [.setRate(handle, undo)]
        }
    }

    private func deleteRateNode(_ handle: RateHandle) throws {
        try change("port function rate del \(handle)", read: { try inner.rate(handle) },
                   apply: { try inner.deleteRateNode(handle) }) { old in
            (try? inner.rate(handle)) == nil ? [.recreateRateNode(old)] : []
        }
    }

    // MARK: device-wide

    private func setEswitch(_ device: DeviceHandle, _ changes: EswitchChanges) throws {
        try change("dev eswitch set \(device)", read: { (try inner.eswitch(device), try DeviceView(inner, device)) },
                   apply: { try inner.setEswitch(device, changes) }) { old in
            let now = (try? inner.eswitch(device)) ?? old.0
            var undo = EswitchChanges()
            if changes.mode != nil, now.mode != old.0.mode { undo.mode = old.0.mode }
            if changes.inlineMode != nil, now.inlineMode != old.0.inlineMode { undo.inlineMode = old.0.inlineMode }
            if changes.encapMode != nil, now.encapMode != old.0.encapMode { undo.encapMode = old.0.encapMode }
            return (undo.isEmpty ? [] : [.setEswitch(device, undo)]) + old.1.collateral(inner)
        }
    }

    private func setSriovNumVFs(_ device: DeviceHandle, _ count: UInt32) throws {
        try change("dev sriov set \(device)",
                   read: { (try inner.sriovNumVFs(device), try inner.eswitch(device).mode, try DeviceView(inner, device)) },
                   apply: { try inner.setSriovNumVFs(device, count) }) { old in
            let now = (try? inner.sriovNumVFs(device)) ?? old.0
            var steps: [UndoStep] = now == old.0 ? [] : [.setSriovNumVFs(device, old.0)]
            // netdevsim drops back to legacy when its VFs go away: switchdev comes back after the VFs.
            if let mode = old.1, (try? inner.eswitch(device).mode) != mode {
                steps.append(.setEswitch(device, EswitchChanges(mode: mode)))
            }
            return steps + old.2.collateral(inner)
        }
    }

    private func setParam(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) throws {
        try change("dev param set \(device) name \(name)", read: { try inner.param(device, name: name).value(in: cmode) },
                   apply: { try inner.setParam(device, name: name, value: value, cmode: cmode) }) { old in
            guard let old, (try? inner.param(device, name: name).value(in: cmode)) != old else { return [] }
            return [.setParam(device, name: name, value: old, cmode: cmode)]
        }
    }

    /// `health set`: the attributes the request names are set back to what they were (the grace period
    /// before the burst period in the one request, as devlink_nl_health_reporter_set_doit applies them).
    private func setHealthReporter(_ op: SetHealthReporter) throws {
        let get = GetHealthReporter(op.device, port: op.port, name: op.name)
        try change("health set \(op.device) reporter \(op.name)", read: { try inner.perform(get) },
                   apply: { try inner.perform(op) }) { old in
            guard let now = try? inner.perform(get), now != old else { return [] }
            var back = SetHealthReporter(op.device, port: op.port, name: op.name)
            if op.gracePeriod != nil { back.gracePeriod = old.gracePeriod }
            if op.burstPeriod != nil { back.burstPeriod = old.burstPeriod }
            if op.autoRecover != nil { back.autoRecover = old.autoRecover }
            if op.autoDump != nil { back.autoDump = old.autoDump }
            return [.setHealthReporter(back)]
        }
    }

    /// `resource set` only changes the pending size (applied by a later reload, which the journal
    /// cannot undo): setting the old pending size back undoes it.
    private func setResourceSize(_ op: SetResourceSize) throws {
        func find(_ list: [Resource], _ prefix: String) -> (path: String, resource: Resource)? {
            for r in list {
                if r.id == op.id { return (prefix + "/" + r.name, r) }
                if let found = find(r.children, prefix + "/" + r.name) { return found }
            }
            return nil
        }
        try change("resource set \(op.device)", read: { find(try inner.perform(ListResources(op.device)).resources, "") },
                   apply: { try inner.perform(op) }) { old in
            guard let old, old.resource.sizeNew != op.size else { return [] }
            return [.setResourceSize(op.device, path: old.path, id: op.id, size: old.resource.sizeNew)]
        }
    }

    /// The ports a split of port number `group` made.
    static func splitMembers(_ ports: [Port], group: UInt32) -> [Port] {
        ports.filter { $0.splitGroup == group }
    }

    /// The whole (not split) physical port with this port number.
    static func unsplitPort(_ ports: [Port], number: UInt32) -> Port? {
        ports.first { $0.splitGroup == nil && $0.portNumber == number && $0.flavour.hasPortNumber }
    }
}

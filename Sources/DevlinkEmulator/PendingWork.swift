import DevlinkModel

/// Driver work that the kernel does after the request returns (firmware events, SF driver probe/remove).
/// The emulator queues it with a due time (its kind's latency, EmulatorClock.swift) and runs it when the
/// clock reaches that time, so scripts see the same intermediate states a real system shows right after
/// the command (e.g. `active`/`detached`), and on a virtual clock waiting is deterministic.
struct PendingWork: Equatable, Sendable, Codable {
    enum Kind: Equatable, Sendable, Codable {
        /// The SF auxiliary device is created and its driver binds: active/detached → active/attached.
        case sfAttach
        /// The SF driver unbinds after a teardown request: inactive/attached → inactive/detached.
        case sfDetach
        /// The firmware reports a deleted SF's function detached: its hardware id and sfnum are free
        /// again (mlx5_sf_hw_table_sf_deferred_free, then the vhca state event).
        case sfRelease(controller: UInt32, sfnum: UInt32, hwID: UInt32)
    }

    var kind: Kind
    var port: PortHandle
    /// When it takes effect. Queue work with `EmulatorState.schedule`, which sets it from the kind's
    /// latency; work queued with the default is due at once.
    var due = EmulatorInstant.zero
}

/// The queued driver work in queue order, with the earliest due time kept alongside: every request
/// first asks whether anything has fallen due, and with hundreds of SFs activating the answer must
/// not need a look at each of them. Stored as the plain list of items (state files as before).
struct PendingQueue: Equatable, Sendable, Codable, Sequence {
    private(set) var items: [PendingWork] = []
    /// The smallest `due` of `items` (meaningless while empty).
    private var earliest = EmulatorInstant(nanoseconds: .max)

    init() {}

    init(from decoder: any Decoder) throws {
        items = try decoder.singleValueContainer().decode([PendingWork].self)
        recomputeEarliest()
    }

    func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(items)
    }

    static func == (a: PendingQueue, b: PendingQueue) -> Bool { a.items == b.items }

    var isEmpty: Bool { items.isEmpty }
    var count: Int { items.count }
    func makeIterator() -> IndexingIterator<[PendingWork]> { items.makeIterator() }

    /// When the first item falls due, or nil when nothing is queued.
    var earliestDue: EmulatorInstant? { items.isEmpty ? nil : earliest }

    mutating func append(_ item: PendingWork) {
        if items.isEmpty || item.due < earliest { earliest = item.due }
        items.append(item)
    }

    mutating func removeAll(where shouldRemove: (PendingWork) -> Bool) {
        items.removeAll(where: shouldRemove)
        recomputeEarliest()
    }

    /// Removes and returns the items due by `time`, in queue order.
    mutating func take(dueBy time: EmulatorInstant) -> [PendingWork] {
        guard let first = earliestDue, first <= time else { return [] }
        let due = items.filter { $0.due <= time }
        removeAll { $0.due <= time }
        return due
    }

    private mutating func recomputeEarliest() {
        earliest = items.lazy.map(\.due).min() ?? EmulatorInstant(nanoseconds: .max)
    }
}

extension EmulatorState {
    /// Runs the queued driver work due by `time` (all of it without a time), in queue order; returns
    /// how many items changed something.
    @discardableResult
    mutating func runPendingWork(dueBy time: EmulatorInstant = EmulatorInstant(nanoseconds: .max)) -> Int {
        let work = pending.take(dueBy: time)
        guard !work.isEmpty else { return 0 }
        var changed = 0
        for item in work {
            if case .sfRelease(let controller, let sfnum, let hwID) = item.kind {
                guard let d = deviceIndex[item.port.device] else { continue }
                // The firmware's detach event also removes a deleted SF's auxiliary device.
                removeSFDevice(of: item.port)
                releaseSF(device: d, controller: controller, sfnum: sfnum, hwID: hwID)
                changed += 1
                continue
            }
            guard let d = deviceIndex[item.port.device] else { continue }
            let attached = modifyPort(device: d, item.port.index) { (record) -> Bool? in
                switch (item.kind, record.sfState) {
                case (.sfAttach, .active?):
                    record.sfState = .inUse
                case (.sfDetach, .teardownRequest?):
                    record.sfState = .allocated
                default:
                    return nil   // superseded by a later state change
                }
                record.port.function?.state = record.sfState?.state
                record.port.function?.opstate = record.sfState?.opstate
                return record.sfState == .inUse
            }
            guard let attached = attached ?? nil else { continue }
            // The auxiliary device and its driver come and go with the attach (SFAuxDevice.swift).
            if attached { probeSFDevice(parent: d, port: item.port) } else { removeSFDevice(of: item.port) }
            changed += 1
        }
        return changed
    }
}

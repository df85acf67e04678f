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

extension EmulatorState {
    /// Runs the queued driver work due by `time` (all of it without a time), in queue order; returns
    /// how many items changed something.
    @discardableResult
    mutating func runPendingWork(dueBy time: EmulatorInstant = EmulatorInstant(nanoseconds: .max)) -> Int {
        let work = pending.filter { $0.due <= time }
        guard !work.isEmpty else { return 0 }
        pending.removeAll { $0.due <= time }
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
            guard let d = deviceIndex[item.port.device], var record = devices[d].ports[item.port.index],
                  let hw = record.sfState else { continue }
            switch (item.kind, hw) {
            case (.sfAttach, .active):
                record.sfState = .inUse
            case (.sfDetach, .teardownRequest):
                record.sfState = .allocated
            default:
                continue   // superseded by a later state change
            }
            record.port.function?.state = record.sfState?.state
            record.port.function?.opstate = record.sfState?.opstate
            devices[d].ports[item.port.index] = record
            // The auxiliary device and its driver come and go with the attach (SFAuxDevice.swift).
            if record.sfState == .inUse { probeSFDevice(parent: d, port: item.port) } else { removeSFDevice(of: item.port) }
            changed += 1
        }
        return changed
    }
}

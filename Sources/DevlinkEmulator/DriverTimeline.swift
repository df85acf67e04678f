import DevlinkModel

/// Driver work on the clock: queued work (SF attach/detach/release, mlx5 bond work) runs when it
/// falls due, and the bonding driver's timers tick at their period while they may change something.
/// Within one instant the order is: SF work in queue order, then bond timers by bond name, then LAG
/// bond work in queue order (what a tick changes is seen by work due at the same instant).
extension EmulatorState {
    /// Queues driver work for `port`, due after the kind's latency (EmulatorClock.swift).
    mutating func schedule(_ kind: PendingWork.Kind, port: PortHandle) {
        pending.append(PendingWork(kind: kind, port: port, due: clock.now.adding(kind.latency)))
    }

    /// The emulated machine's present as far as this state knows (work due by then has run).
    public var clockNow: EmulatorInstant { clock.now }

    /// A bond's timer period while it is up: `miimon`, else the 802.3ad machine's 100 ms; nil when it
    /// runs no timer (down, or miimon 0 outside 802.3ad: bond_open queues nothing then).
    func bondTimerPeriod(_ name: String) -> DriverLatency? {
        guard netdevs[name]?.adminUp == true, let bond = links.bonds[name] else { return nil }
        if bond.miimon > 0 { return .milliseconds(UInt64(bond.miimon)) }
        if bond.mode == .ieee8023ad { return .lacpTick }
        return nil
    }

    /// Timers tick at multiples of their period on the clock; the next one strictly after `t`.
    private static func nextTick(after t: EmulatorInstant, period: DriverLatency) -> EmulatorInstant {
        let p = max(period.nanoseconds, 1)
        let (next, overflow) = (t.nanoseconds / p + 1).multipliedReportingOverflow(by: p)
        return EmulatorInstant(nanoseconds: overflow ? .max : next)
    }

    /// When the next piece of work or timer tick is due (it may be now, for work queued without a due
    /// time), or nil when nothing is left to happen.
    public var nextDue: EmulatorInstant? {
        var next: EmulatorInstant?
        func consider(_ t: EmulatorInstant) { if next.map({ t < $0 }) ?? true { next = t } }
        if let due = pending.earliestDue { consider(due) }
        for l in links.queuedLagWork { consider(links.lagWorkDue[l] ?? clock.now) }
        if !links.fibWork.isEmpty { consider(links.fibWorkDue ?? clock.now) }
        for name in clock.restlessBonds {
            if let period = bondTimerPeriod(name) { consider(Self.nextTick(after: clock.now, period: period)) }
        }
        return next
    }

    /// Whether any queued work, or a timer that may still change something, is left.
    public var hasPendingWork: Bool { nextDue != nil }

    /// Runs one request on the state and what follows every request: bond slaves whose netdev went
    /// away leave their bond (devlink requests only), interface changes reach the FIB as netdev
    /// events (FibNetdevEvents.swift), and the bond timers look again. Each step returns at once when
    /// there is no bond or no route.
    mutating func applyingRequest<T>(releasingVanishedSlaves: Bool,
                                     _ body: (inout EmulatorState) throws(DevlinkError) -> T) throws(DevlinkError) -> T {
        let links = fibLinkSnapshot()
        let result = try body(&self)
        if releasingVanishedSlaves { releaseVanishedSlaves() }
        fibNetdevsChanged(since: links)
        disturbTimers()
        return result
    }

    /// After a request: every bond timer has to look again (carriers, slaves or modes may have changed).
    mutating func disturbTimers() {
        if !links.bonds.isEmpty { clock.restlessBonds = Set(links.bonds.keys) }
    }

    /// Runs everything due up to `target`, instant by instant, and moves the clock there. The clock
    /// never moves backwards (a `target` in the past only runs what is overdue).
    mutating func advance(to target: EmulatorInstant) {
        // What every request does first: nothing has fallen due (no queued item due by `target`, no
        // other kind of work) and the clock only moves on.
        if pending.earliestDue.map({ $0 > target }) ?? true, links.queuedLagWork.isEmpty, links.fibWork.isEmpty,
           clock.restlessBonds.isEmpty {
            clock.now = max(clock.now, target)
            return
        }
        // Bounded: each step runs at least one item or tick; a state that kept producing work at
        // the same instant would be an emulator bug, and must not hang the session.
        var steps = 0
        while let next = nextDue, next <= target, steps < 100_000 {
            clock.now = max(clock.now, next)
            runDueAtNow()
            steps += 1
        }
        clock.now = max(clock.now, target)
    }

    /// Lets time pass until nothing is pending (the `settle()` of a virtual clock). Bounded at an
    /// hour of emulated time: bond timers that kept changing would otherwise never end.
    mutating func runToCompletion() {
        let limit = clock.now.adding(seconds: 3600)
        while let next = nextDue, next <= limit {
            advance(to: next)
        }
    }

    /// One instant: SF work, bond timers, LAG work, then FIB work due at `clock.now`.
    private mutating func runDueAtNow() {
        let now = clock.now
        var changed = runPendingWork(dueBy: now) > 0
        for name in clock.restlessBonds.sorted() {
            guard let period = bondTimerPeriod(name) else {
                clock.restlessBonds.remove(name)   // down or without timers: nothing ticks
                continue
            }
            guard now.nanoseconds % max(period.nanoseconds, 1) == 0 else { continue }
            let before = (links, netdevs)
            _ = runBondTimers(name)
            if links == before.0, netdevs == before.1 {
                clock.restlessBonds.remove(name)
            } else {
                changed = true
            }
        }
        if runLagWork(dueBy: now) { changed = true }
        if !links.fibWork.isEmpty, (links.fibWorkDue ?? now) <= now {
            runFibWork()
            changed = true
        }
        if changed { disturbTimers() }
    }
}

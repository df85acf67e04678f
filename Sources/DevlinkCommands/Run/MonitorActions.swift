import DevlinkModel

/// What `monitor` does, as `devlink monitor`: shows the notifications that arrive from now on, until
/// `count` events were shown, `timeout` seconds passed, or Ctrl-C. What arrived before it started is
/// not shown; it goes to the session's backlog (`events()`).
///
/// On the emulator, monitoring lets time pass for the device (EmulatorClock.swift): the driver work
/// that falls due meanwhile (an SF's attach 500 ms after `state active`) runs and its notifications
/// show. A virtual clock (tests, `dls test`) jumps from one due item to the next, so `monitor timeout 1`
/// moves it exactly 1 s on; without a timeout it stops once no work is left, since nothing else can
/// change the emulator. The wall clock (scripts, REPL) waits in real time, like devlink.
enum MonitorActions {
    @Sendable static func monitor(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        var watch = Watch(context: c, wanted: objects(p), count: p.number("count").map(Int.init), overruns: c.backlog.overruns)
        let timeout = try seconds(p)
        try c.backlog.collect(from: c.session)   // the past: kept, not shown
        watch.noteLoss()
        if let timed = c.session.timedSession {
            try watch.run(timed, timeout: timeout)
        } else {
            try watch.run(timeout: timeout)
        }
        return .events(watch.shown)
    }

    /// The events shown so far and when to stop.
    struct Watch {
        let context: CommandContext
        let wanted: Set<String>
        let count: Int?
        var shown: [DevlinkEvent] = []
        /// The backlog's overruns already noted.
        var overruns: Int

        var done: Bool { count.map { shown.count >= $0 } ?? false }
        var interrupted: Bool { context.interrupted?() == true }

        /// Shows what arrived (up to `count`); every event still goes to the backlog.
        mutating func take() throws {
            let fresh = try context.backlog.collect(from: context.session)
            noteLoss()
            for event in fresh where wanted.contains(event.object) && !done {
                context.eventSink?(event)
                shown.append(event)
            }
        }

        /// Says once that notifications were lost, and goes on (as `ip monitor` after ENOBUFS).
        mutating func noteLoss() {
            guard context.backlog.overruns > overruns else { return }
            overruns = context.backlog.overruns
            context.noteSink?(EventBacklog.lossNote)
        }

        /// The emulator: time passes on its clock while monitoring.
        mutating func run(_ timed: TimedSession, timeout: Double?) throws {
            let start = timed.clockSeconds
            while true {
                try take()
                if done || interrupted { return }
                let remaining = timeout.map { $0 - (timed.clockSeconds - start) }
                if let remaining, remaining <= 0 { return }
                let next = timed.secondsUntilNextWork
                if timed.isVirtualClock {
                    // Nothing left to fall due: the rest of the timeout passes with nothing to show.
                    guard let next else {
                        if let remaining { _ = timed.pass(seconds: remaining, interrupted: { false }) }
                        return
                    }
                    _ = timed.pass(seconds: remaining.map { min(next, $0) } ?? next, interrupted: { false })
                } else {
                    // Short steps (pass sleeps in 20 ms slices, running work as it falls due) so that
                    // events show within a few ms of their due time and Ctrl-C is seen.
                    let step = min(remaining ?? 0.1, 0.1)
                    if !timed.pass(seconds: step, interrupted: { context.interrupted?() == true }) { return }
                }
            }
        }

        /// The kernel: notifications arrive on their own; `settle()` waits 50 ms between looks.
        mutating func run(timeout: Double?) throws {
            let clock = ContinuousClock()
            let deadline = timeout.map { clock.now + .milliseconds(Int64($0 * 1000)) }
            while true {
                try take()
                if done || interrupted { return }
                if let deadline, clock.now >= deadline { return }
                // false: the backend knows nothing can arrive any more (a host's own session).
                if try !context.session.settle() {
                    try take()
                    return
                }
            }
        }
    }

    /// `all`, or the objects named; none named means all (devlink's default).
    static func objects(_ p: ParsedCommand) -> Set<String> {
        let named = MonitorCommands.objects.filter { p.has($0) }
        return Set(named.isEmpty || p.has("all") ? MonitorCommands.objects : named)
    }

    /// `timeout SECONDS`: a non-negative number, fractions allowed (`0.5`).
    static func seconds(_ p: ParsedCommand) throws -> Double? {
        guard let text = p.word("timeout") else { return nil }
        guard let value = Double(text), value >= 0, value <= 86_400 * 365 else {
            throw ClientError("Invalid timeout \"\(text)\"", errno: .EINVAL, word: p.wordIndex("timeout").map { $0 + 1 },
                              hint: "timeout takes seconds, e.g. timeout 5 or timeout 0.5")
        }
        return value
    }
}

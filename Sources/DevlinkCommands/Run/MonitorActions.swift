import DevlinkModel

/// What `monitor` does: prints the notifications queued since the session opened (or since the last
/// `monitor`), then keeps listening until `count` events were shown, `timeout` seconds passed, the
/// run is interrupted (Ctrl-C), or, on a backend that knows nothing more can happen (the emulator:
/// nothing changes it while the script waits), at once.
enum MonitorActions {
    @Sendable static func monitor(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        let wanted = objects(p)
        let count = p.number("count").map(Int.init)
        let timeout = try seconds(p)
        let clock = ContinuousClock()
        let deadline = timeout.map { clock.now + .milliseconds(Int64($0 * 1000)) }
        var shown: [DevlinkEvent] = []
        func done() -> Bool { count.map { shown.count >= $0 } ?? false }
        while !done() {
            for event in try c.session.drainEvents() where wanted.contains(event.object) {
                c.eventSink?(event)
                shown.append(event)
                if done() { break }
            }
            if done() || c.interrupted?() == true { break }
            if let deadline, clock.now >= deadline { break }
            // The backend lets its pending work run (netlink: waits 50 ms); false: nothing more can arrive.
            if try !c.session.settle() {
                for event in try c.session.drainEvents() where wanted.contains(event.object) && !done() {
                    c.eventSink?(event)
                    shown.append(event)
                }
                break
            }
        }
        return .events(shown)
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

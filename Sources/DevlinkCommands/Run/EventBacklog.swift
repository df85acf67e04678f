import DevlinkModel

/// Every notification the session received, oldest first: what `monitor` does not show (it shows only
/// what arrives while it runs, as `devlink monitor` does) stays readable through `events()`.
///
/// Events reach it whenever something drains the session (`monitor` and `events()`); the session
/// keeps them queued until then. Capped at `limit`: a REPL left open for days keeps the newest ones.
public final class EventBacklog {
    public static let limit = 10_000
    public private(set) var events: [DevlinkEvent] = []
    /// How many times notifications were lost before they reached the backlog (the session's socket
    /// overran while nothing drained it), and how many of those `events()` has already reported.
    public private(set) var overruns = 0
    var overrunsReported = 0
    /// What `monitor` and `events()` say, once per loss, before going on.
    public static let lossNote = "note: devlink notifications were lost (the receive buffer overran while nothing read it)"

    public init() {}

    /// Takes what the session queued into the backlog and returns it.
    @discardableResult
    public func collect(from session: DeviceSession) throws -> [DevlinkEvent] {
        let fresh = try session.drainEvents()
        overruns += session.drainEventOverruns()
        guard !fresh.isEmpty else { return fresh }
        events += fresh
        // Trimmed in chunks, not per event: one removal costs a copy of the whole array.
        if events.count > Self.limit + Self.limit / 4 { events.removeFirst(events.count - Self.limit) }
        return fresh
    }
}

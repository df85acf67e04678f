/// A session whose asynchronous driver work runs on a clock (the emulator): work falls due a modelled
/// latency after the request that queued it. Asked of a session with `DeviceSession.timedSession`
/// (nil for the kernel, whose work runs on its own).
///
/// The clock is either virtual (it moves only through `pass` and `settle`, so tests are exact and
/// never sleep) or the wall clock (work falls due while the caller does anything else; `pass`
/// really waits).
public protocol TimedSession: AnyObject {
    /// True for a virtual clock.
    var isVirtualClock: Bool { get }
    /// Seconds on the session's clock since the emulated machine started.
    var clockSeconds: Double { get }
    /// Seconds from now until the next work item or timer is due (0 when overdue), nil when nothing
    /// is left that could change the state.
    var secondsUntilNextWork: Double? { get }
    /// Runs what is due by the clock's present. On the wall clock this is the idle tick (the REPL
    /// calls it while the prompt waits); on a virtual clock nothing new falls due by itself.
    func runDueWork()
    /// Lets `seconds` pass, running work as it falls due: a virtual clock jumps; the wall clock
    /// sleeps in short slices, asking `interrupted` between them. Returns false when interrupted.
    func pass(seconds: Double, interrupted: () -> Bool) -> Bool
}

extension TimedSession {
    /// Whether queued work or a timer that may change something is left.
    public var hasPendingWork: Bool { secondsUntilNextWork != nil }
}

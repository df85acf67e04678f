import DLSLanguage

/// Stops an engine's running script from any thread (a watchdog, a signal handler's thread, a UI).
/// The run then throws a `DLSError` of kind `.cancelled` at its next check (loop iterations and
/// calls are checked every few thousand steps; `sleep` and `wait` check while they wait).
/// A cancel that arrives while nothing runs is dropped when the next run starts.
public final class DLSCancelHandle: @unchecked Sendable {
    // Holds the interpreter's signal, not the interpreter: no weak reference (which would slow
    // every retain of the interpreter) and nothing but an atomic flag crosses threads.
    private let signal: InterruptSignal

    init(_ interpreter: Interpreter) { self.signal = interpreter.interruptSignal }

    /// Asks the running script to stop. Safe from any thread; does nothing once the engine is gone.
    public func cancel() {
        signal.raise()
    }
}

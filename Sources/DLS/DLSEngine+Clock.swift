import DevlinkEmulator

/// Which clock the emulator's driver work runs on (docs/emulator-clock.md).
public enum DLSClock: Sendable, Equatable {
    /// Time moves only through `settle()`, `wait()` and `sleep()`, which jump instead of waiting: exact
    /// and fast, for tests (the default of an engine, and what `dls test` uses).
    case virtual
    /// The machine's clock: work falls due on its own (SF attach 500 ms after `state active`), while a
    /// script runs or the REPL waits at the prompt, as on hardware. What `dls` uses for scripts and the REPL.
    case wall

    /// `DLS_CLOCK=virtual` or `DLS_CLOCK=wall` when set to one of them, else `fallback`.
    public static func fromEnvironment(_ value: String?, fallback: DLSClock) -> DLSClock {
        switch value {
        case "virtual": return .virtual
        case "wall": return .wall
        default: return fallback
        }
    }
}

extension DLSEngine {
    /// Puts the emulator's driver work on `clock`; no effect on other backends (the kernel keeps its own time).
    public func useClock(_ clock: DLSClock) {
        guard let emulator = session as? EmulatedSession else { return }
        switch clock {
        case .virtual: emulator.useVirtualClock()
        case .wall: emulator.useWallClock()
        }
    }
}

extension DLSEngine {
    /// Runs the emulator's driver work that is due by now (the REPL's idle tick). Never call it while
    /// a run is in progress: the engine is not thread-safe. When work ran, live objects read the device
    /// again: `sf.function.opstate` read just before idling must not stay `detached` from the cache.
    public func runDueWork() {
        guard let timed = session.timedSession, timed.secondsUntilNextWork == 0 else { return }
        timed.runDueWork()
        host.devlink.runner.live.invalidate()
    }
}

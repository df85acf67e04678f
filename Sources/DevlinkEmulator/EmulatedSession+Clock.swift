import DevlinkModel
import Glibc

/// The emulator's driver work runs on its clock: `sleep`, `wait`, `settle` and `monitor` in the
/// language, and the REPL's idle tick, reach it through `TimedSession`.
extension EmulatedSession: TimedSession {
    public var isVirtualClock: Bool { clock.isVirtual }

    public var clockSeconds: Double { now.seconds }

    public var secondsUntilNextWork: Double? {
        guard let next = state.nextDue else { return nil }
        let present = now
        return next <= present ? 0 : Double(next.nanoseconds - present.nanoseconds) / 1e9
    }

    public func runDueWork() { catchUp() }

    public func pass(seconds: Double, interrupted: () -> Bool) -> Bool {
        guard seconds > 0, !seconds.isNaN else {
            catchUp()
            return true
        }
        switch clock {
        case .virtual:
            advanceVirtualClock(seconds: seconds)
            return true
        case .wall:
            // Slices of at most 20 ms: work runs within 20 ms of its due time, and Ctrl-C is seen.
            let end = MonotonicReading.now().nanoseconds &+ UInt64(min(seconds, 1e9) * 1e9)
            while true {
                catchUp()
                if interrupted() { return false }
                let present = MonotonicReading.now().nanoseconds
                guard present < end else { return true }
                let slice = min(end - present, 20_000_000)
                var ts = timespec(tv_sec: 0, tv_nsec: Int(slice))
                nanosleep(&ts, nil)
            }
        }
    }
}

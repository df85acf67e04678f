import DevlinkModel
import DLSLanguage
import Glibc

/// The builtins through which a script lets time pass for the device: `wait(cond, secs)`,
/// `sleep(secs)` and `settle()`. On the emulator (a `TimedSession`) they move its clock, so driver
/// work (SF attach 500 ms, bond work 100 ms, ...) falls due while they run: a virtual clock jumps
/// from one due item to the next, the wall clock really waits. On the kernel, time passes by itself.
enum ClockBuiltins {
    static func functions(_ runner: CommandRunner) -> [NativeFunction] {
        func session() -> DeviceSession { runner.session }
        return [
            NativeFunction("wait", arity: 1...2) { args in
                defer { runner.live.invalidate() }
                return try wait(args, session(), timePassed: runner.live.invalidate)
            },
            // Replaces the language's own `sleep` (same arguments): a poll loop written for hardware,
            // `while ... { sleep(0.1) }`, sees the emulator's work complete as it would on the device.
            NativeFunction("sleep", arity: 1...1) { args in
                let seconds = try args.sleepSeconds(0)
                defer { runner.live.invalidate() }
                try pass(seconds, args, session())
                return .null
            },
            NativeFunction("settle", arity: 0...1) { args in
                let limit = try timeout(args, 0, default: 10)
                defer { runner.live.invalidate() }
                try settle(limit: limit, args, session())
                return .null
            },
        ]
    }

    /// Polls `cond()`, letting the device's pending work progress between polls, until it is true
    /// (true) or `timeout` seconds (default 10) pass (false, so that `assert wait(...), "msg"` shows its
    /// message and `if !wait(...)` can fall back). It also answers false at once when the emulator has
    /// no work left that could change anything. It throws only on misuse: a bad timeout, a condition
    /// that is not a function returning a bool.
    static func wait(_ args: Arguments, _ session: DeviceSession, timePassed: () -> Void = {}) throws -> Value {
        let timeout = try timeout(args, 1, default: 10)
        func check() throws -> Bool {
            let v = try args.call(args[0], [])
            guard case .bool(let b) = v else { throw args.error("the condition must return a bool, got \(v.typeName)") }
            return b
        }
        guard let timed = session.timedSession else {
            return .bool(try pollUntimed({ timePassed(); return try check() }, timeout, args, session))
        }
        let start = timed.clockSeconds
        while true {
            if try check() { return .bool(true) }
            let remaining = timeout - (timed.clockSeconds - start)
            guard remaining > 0, let next = timed.secondsUntilNextWork else { return .bool(false) }
            // A virtual clock jumps to the next due item (or the deadline); the wall clock polls every 20 ms.
            let step = timed.isVirtualClock ? min(next, remaining) : min(remaining, 0.02)
            if !timed.pass(seconds: step, interrupted: { args.interpreter.isInterruptRequested }) {
                try args.interpreter.checkInterrupt(at: args.location)
            }
            timePassed()   // the condition reads live objects afresh
            try args.interpreter.checkInterrupt(at: args.location)
        }
    }

    /// The kernel's work is not observable: poll the condition, `settle()` (50 ms) and 20 ms apart.
    private static func pollUntimed(_ check: () throws -> Bool, _ timeout: Double, _ args: Arguments,
                                    _ session: DeviceSession) throws -> Bool {
        let start = now()
        while true {
            if try check() { return true }
            let pending = try QueryBuiltins.call { try session.settle() }
            if try check() { return true }
            if !pending || now() - start >= timeout { return false }
            try args.interpreter.checkInterrupt(at: args.location)
            var ts = timespec(tv_sec: 0, tv_nsec: 20_000_000)
            nanosleep(&ts, nil)
        }
    }

    /// `sleep`: the device's clock passes with it; without one, a plain sleep in 50 ms slices so that
    /// Ctrl-C stops it promptly.
    static func pass(_ seconds: Double, _ args: Arguments, _ session: DeviceSession) throws {
        try args.interpreter.checkInterrupt(at: args.location)
        if let timed = session.timedSession {
            _ = timed.pass(seconds: seconds, interrupted: { args.interpreter.isInterruptRequested })
        } else {
            var remaining = seconds
            while remaining > 0, !args.interpreter.isInterruptRequested {
                let slice = min(remaining, 0.05)
                var ts = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
                nanosleep(&ts, nil)
                remaining -= slice
            }
        }
        try args.interpreter.checkInterrupt(at: args.location)
    }

    /// `settle([SECONDS])`: the emulator's pending work runs to completion (a virtual clock moves on to
    /// when the last item is done; the wall clock waits for it, at most SECONDS); the kernel gets 50 ms.
    static func settle(limit: Double, _ args: Arguments, _ session: DeviceSession) throws {
        guard let timed = session.timedSession, !timed.isVirtualClock else {
            _ = try QueryBuiltins.call { try session.settle() }
            return
        }
        let start = timed.clockSeconds
        while let next = timed.secondsUntilNextWork {
            let remaining = limit - (timed.clockSeconds - start)
            guard remaining > 0 else { return }
            if !timed.pass(seconds: min(max(next, 0.001), remaining), interrupted: { args.interpreter.isInterruptRequested }) {
                try args.interpreter.checkInterrupt(at: args.location)
            }
        }
    }

    private static func timeout(_ args: Arguments, _ i: Int, default value: Double) throws -> Double {
        switch args[i] {
        case .null: return value
        case .int(let n) where n >= 0: return Double(n)
        case .float(let f) where f >= 0 && f.isFinite: return f
        default: throw args.error("timeout must be a non-negative number of seconds")
        }
    }

    static func now() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }
}

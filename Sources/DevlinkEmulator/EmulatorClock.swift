import DevlinkModel
import Glibc

/// A point on the emulator's clock: nanoseconds since the emulated machine started. A plain number
/// (Codable) so that a saved emulator state keeps its pending work's due times.
public struct EmulatorInstant: Comparable, Hashable, Sendable, Codable, CustomStringConvertible {
    public var nanoseconds: UInt64

    public init(nanoseconds: UInt64) { self.nanoseconds = nanoseconds }

    public static let zero = EmulatorInstant(nanoseconds: 0)

    public static func milliseconds(_ ms: UInt64) -> EmulatorInstant { EmulatorInstant(nanoseconds: ms &* 1_000_000) }

    /// Seconds as a float (for the language's `sleep`/`wait` arithmetic).
    public var seconds: Double { Double(nanoseconds) / 1e9 }

    /// `seconds` after this instant; negative, NaN or huge spans saturate.
    public func adding(seconds: Double) -> EmulatorInstant {
        guard seconds > 0 else { return self }
        // Rounded, not truncated: 0.3 s is 300000000 ns, not 299999999 (0.3 * 1e9 is just below it).
        let span = (seconds * 1e9).rounded()
        guard span < Double(UInt64.max - nanoseconds) else { return EmulatorInstant(nanoseconds: .max) }
        return EmulatorInstant(nanoseconds: nanoseconds + UInt64(span))
    }

    public func adding(_ latency: DriverLatency) -> EmulatorInstant {
        let (sum, overflow) = nanoseconds.addingReportingOverflow(latency.nanoseconds)
        return EmulatorInstant(nanoseconds: overflow ? .max : sum)
    }

    public static func < (a: EmulatorInstant, b: EmulatorInstant) -> Bool { a.nanoseconds < b.nanoseconds }

    public var description: String { "\(seconds)s" }
}

/// How long a piece of driver work takes from the request that queued it to its visible effect.
public struct DriverLatency: Equatable, Sendable {
    public var nanoseconds: UInt64
    public static func milliseconds(_ ms: UInt64) -> DriverLatency { DriverLatency(nanoseconds: ms * 1_000_000) }

    /// mlx5's bond work (`mlx5_do_bond_work`) is queued with delay 0 (`mlx5_queue_bond_work(ldev, 0)`
    /// from the netdev notifiers, lag.md §1.5); what takes time is the work itself: the LAG firmware
    /// commands and the RDMA devices removed and added again. Modelled as done 100 ms after queueing.
    public static let bondWork = DriverLatency.milliseconds(100)
    /// mlx5's FIB work (`mlx5_lag_fib_update`) goes on the same LAG workqueue without a delay and
    /// reprograms the port affinity or creates the LAG in firmware: modelled like the bond work.
    public static let fibWork = DriverLatency.milliseconds(100)
    /// The 802.3ad state machine's timer (`AD_TIMER_INTERVAL`, 100 ms, bond_3ad.h): a bond without
    /// miimon still re-evaluates its aggregator at this period.
    public static let lacpTick = DriverLatency.milliseconds(100)
}

extension PendingWork.Kind {
    /// The modelled time from the request to the work's effect. No `default:` on purpose: a new kind
    /// of driver work does not compile until someone decides how long it takes (docs/emulator-clock.md).
    var latency: DriverLatency {
        switch self {
        // mlx5_sf_dev_add on the VHCA "active" event creates the auxiliary device, and the SF's
        // mlx5_core probe (mlx5_sf_dev_probe → mlx5_init_one) brings up a whole function: firmware
        // init, EQs, netdev. Hundreds of milliseconds on ConnectX-6 Dx; modelled as 500 ms.
        case .sfAttach: return .milliseconds(500)
        // mlx5_sf_dev_del on the "teardown request" event: the SF's driver unloads (mlx5_uninit_one),
        // faster than a probe; modelled as 200 ms.
        case .sfDetach: return .milliseconds(200)
        // A deleted active SF's sfnum is free again once the firmware reports its function detached
        // (mlx5_sf_hw_table_sf_deferred_free, then the VHCA state event): the same unload, 200 ms.
        case .sfRelease: return .milliseconds(200)
        }
    }
}

/// Where the emulator reads the present from.
///
/// - `virtual`: time moves only when the session is told to let it pass (`settle`, `wait`, `sleep`;
///   see `TimedSession`). Tests and `dls test` use it: results are exact and no test sleeps.
/// - `wall`: the machine's monotonic clock, so work falls due on its own while a script runs or the
///   REPL waits at the prompt, as on hardware. The reading starts at the state's own clock (a saved
///   state continues from where it stopped) and never runs backwards.
public enum EmulatorClock: Equatable, Sendable {
    case virtual
    case wall(origin: MonotonicReading, at: EmulatorInstant)

    /// The wall clock, reading `start` now.
    public static func wall(startingAt start: EmulatorInstant) -> EmulatorClock {
        .wall(origin: MonotonicReading.now(), at: start)
    }

    public var isVirtual: Bool { self == .virtual }

    /// The present, for a state whose clock has reached `reached` (a virtual clock is the state's own).
    func now(reached: EmulatorInstant) -> EmulatorInstant {
        switch self {
        case .virtual:
            return reached
        case .wall(let origin, let start):
            let elapsed = MonotonicReading.now().nanoseconds &- origin.nanoseconds
            return max(reached, EmulatorInstant(nanoseconds: start.nanoseconds &+ elapsed))
        }
    }
}

/// CLOCK_MONOTONIC in nanoseconds: unaffected by changes to the date.
public struct MonotonicReading: Equatable, Sendable {
    public var nanoseconds: UInt64

    public static func now() -> MonotonicReading {
        var ts = timespec()
        clock_gettime(CLOCK_MONOTONIC, &ts)
        return MonotonicReading(nanoseconds: UInt64(ts.tv_sec) * 1_000_000_000 + UInt64(ts.tv_nsec))
    }
}

/// The clock's part of `EmulatorState`: how far the state has been advanced, and which bonds' timers
/// may still change something. Codable with the rest of the state.
struct ClockState: Equatable, Sendable, Codable {
    /// Work due at or before this instant has run.
    var now = EmulatorInstant.zero
    /// Bonds whose timers (miimon, the 802.3ad machine) must tick again before they are known to be
    /// quiet. A tick that changes nothing removes its bond; any change to the state puts every bond
    /// back (a timer reads carriers, slaves and modes that requests and other work change). Without
    /// this, an idle bond would have to tick every `miimon` ms forever, and `settle()` could not tell
    /// when the work is done.
    var restlessBonds: Set<String> = []
}

/// The health requests that return or drop a formatted message, or make a reporter act
/// (net/devlink/health.c): DIAGNOSE, DUMP_GET, DUMP_CLEAR and TEST, each naming one reporter the way
/// `health show DEV[/PORT] reporter NAME` does.
public struct HealthReporterID: Equatable, Sendable {
    public var device: DeviceHandle
    /// A port reporter's port index.
    public var port: UInt32?
    public var name: String

    public init(_ device: DeviceHandle, port: UInt32? = nil, name: String) {
        (self.device, self.port, self.name) = (device, port, name)
    }
}

/// A request on one reporter.
public protocol ReporterOperationKind: HandleOperationKind where Handle == HealthReporterID {}

extension HandleOperation where Kind: ReporterOperationKind, Kind.Changes == Void {
    /// The request naming the reporter as `health show DEV[/PORT] reporter NAME` does.
    public init(_ device: DeviceHandle, port: UInt32? = nil, name: String) {
        self.init(HealthReporterID(device, port: port, name: name))
    }
}

/// `health diagnose` (devlink_nl_health_reporter_diagnose_doit): the driver's diagnose output.
public typealias DiagnoseHealthReporter = HandleOperation<ReporterDiagnose>
public enum ReporterDiagnose: ReporterOperationKind, HandleQueryKind {
    public typealias Reply = HealthMessage; public static let command = "DEVLINK_CMD_HEALTH_REPORTER_DIAGNOSE"
}

/// `health dump show` (devlink_nl_health_reporter_dump_get_dumpit): the stored dump, taken now when
/// there is none (and then stored, with its time).
public typealias ShowHealthDump = HandleOperation<ReporterDumpShow>
public enum ReporterDumpShow: ReporterOperationKind, HandleQueryKind {
    public typealias Reply = HealthMessage; public static let command = "DEVLINK_CMD_HEALTH_REPORTER_DUMP_GET"
}

/// `health dump clear` (devlink_nl_health_reporter_dump_clear_doit). A dump is a record of a past
/// error, not configuration: transactions neither record nor undo dropping it.
public typealias ClearHealthDump = HandleOperation<ReporterDumpClear>
public enum ReporterDumpClear: ReporterOperationKind {
    public static let command = "DEVLINK_CMD_HEALTH_REPORTER_DUMP_CLEAR"
    public static var changesState: Bool { false }
}

/// `health test` (devlink_nl_health_reporter_test_doit): the driver's test op, which reports an error
/// on the reporter itself. Like a driver's own report, a test directive: transactions neither record
/// nor undo it.
public typealias TestHealthReporter = HandleOperation<ReporterTest>
public enum ReporterTest: ReporterOperationKind {
    public static let command = "DEVLINK_CMD_HEALTH_REPORTER_TEST"
    public static var changesState: Bool { false }
}

/// A driver reporting an error on one of its reporters (devlink_health_report), as a script's
/// `health_report()` raises it to test recovery: on the emulator any reporter; on a real kernel
/// netdevsim's `dummy`, through its debugfs `health/break_health` (nsim_dev_health_break_write).
/// The answer is devlink_health_report's: ECANCELED when the auto recovery was not attempted (the
/// previous error not recovered, or within the grace period), the recover op's error when it failed.
/// The message (`changes`) is the error's, as the driver passes it.
public typealias ReportHealthError = HandleOperation<ReporterReport>
public enum ReporterReport: ReporterOperationKind {
    public typealias Changes = String; public static let command = "devlink_health_report"
    /// A test directive, as the driver's own report would be: transactions neither record nor undo it.
    public static var changesState: Bool { false }
}

/// netdevsim's health debugfs knobs (drivers/net/netdevsim/health.c, under
/// /sys/kernel/debug/netdevsim/netdevsimN/health/): `binary_len` (the size of the random
/// `test_binary` in the dummy reporter's diagnose and dump, 16 at probe) and `fail_recover` (the
/// dummy's recover op fails). Written as the files take them ("0", "Y", "N", ...).
public struct SetNetdevsimHealthKnob: DeviceOperation {
    public typealias Reply = Void
    public static let command = "netdevsim debugfs health"
    public static var changesState: Bool { false }
    public var device: DeviceHandle
    /// `binary_len` or `fail_recover`.
    public var knob: String
    public var value: String
    public init(_ device: DeviceHandle, knob: String, value: String) { (self.device, self.knob, self.value) = (device, knob, value) }
}

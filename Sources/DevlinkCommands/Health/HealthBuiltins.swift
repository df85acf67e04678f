import DevlinkModel
import DLSLanguage

/// Builtins that make a driver do what only the driver can start, so scripts can test recovery:
/// - `health_report(DEV[/PORT], REPORTER[, MESSAGE])`: the driver reports an error on the reporter
///   (devlink_health_report): the error is counted, a dump stored when auto_dump asks, and with
///   auto_recover the reporter recovers (or ECANCELED when the previous error was not recovered or the
///   grace period is running). On the emulator any stored reporter; on a real kernel netdevsim's
///   `dummy`, through its debugfs `health/break_health`, as netdevsim's own selftests do.
/// - `nsim_health(DEV, KNOB, VALUE)`: netdevsim's health debugfs knobs `binary_len` and
///   `fail_recover`, on the emulator and on a real kernel (written as the files take them).
enum HealthBuiltins {
    static func functions(_ runner: CommandRunner) -> [NativeFunction] {
        [
            NativeFunction("health_report", arity: 2...3) { args in
                let owner = args[0].wordText
                let reporter = try args.string(1)
                let message = args.count > 2 ? try args.string(2) : "error reported by dls"
                let id: HealthReporterID
                if let port = try? PortHandle(parsing: owner) {
                    id = HealthReporterID(port.device, port: port.index, name: reporter)
                } else if let device = try? DeviceHandle(parsing: owner) {
                    id = HealthReporterID(device, name: reporter)
                } else {
                    throw args.error("no device or port \(Value.string(owner).repr) (expected BUS/NAME or BUS/NAME/INDEX)")
                }
                try QueryBuiltins.call { try runner.session.perform(ReportHealthError(id, message)) }
                return .null
            },
            NativeFunction("nsim_health", arity: 3...3) { args in
                let text = args[0].wordText
                guard let device = try? DeviceHandle(parsing: text) else {
                    throw args.error("no device \(Value.string(text).repr) (expected BUS/NAME)")
                }
                let knob = try args.string(1)
                let value: String
                switch args[2] {
                case .bool(let b): value = b ? "Y" : "N"
                case .int(let n): value = String(n)
                case .string(let s): value = s.value
                default: throw args.error("VALUE must be a number, a boolean or a string")
                }
                try QueryBuiltins.call { try runner.session.perform(SetNetdevsimHealthKnob(device, knob: knob, value: value)) }
                return .null
            },
        ].map { function in
            function.help = help[function.name]
            return function
        }
    }

    /// `:help health_report`, `:help nsim_health`.
    static let help: [String: String] = [
        "health_report": "health_report(DEV[/PORT], REPORTER[, MESSAGE]): the driver reports an error on REPORTER (devlink_health_report): error count up, a dump stored with auto_dump, recovery with auto_recover (ECANCELED when the last error was not recovered or within grace_period); any reporter on the emulator, netdevsim's dummy on a real kernel (debugfs health/break_health)",
        "nsim_health": "nsim_health(DEV, KNOB, VALUE): sets a netdevsim health debugfs knob: binary_len (bytes of test_binary, 16 at probe) or fail_recover (true: the dummy's recover fails); emulator and real kernel",
    ]
}

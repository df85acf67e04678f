import DevlinkModel
import DLSLanguage
import Glibc

/// `health show | set | recover | diagnose | test | dump show | dump clear` (iproute2 cmd_health) for
/// device and port reporters.
enum HealthCommands {
    static let usage = [
        "Usage: devlink health show [ { DEV | DEV/PORT_INDEX } reporter REPORTER_NAME ]",
        "       devlink health recover { DEV | DEV/PORT_INDEX } reporter REPORTER_NAME",
        "       devlink health diagnose { DEV | DEV/PORT_INDEX } reporter REPORTER_NAME",
        "       devlink health test { DEV | DEV/PORT_INDEX } reporter REPORTER_NAME",
        "       devlink health dump show { DEV | DEV/PORT_INDEX } reporter REPORTER_NAME",
        "       devlink health dump clear { DEV | DEV/PORT_INDEX } reporter REPORTER_NAME",
        "       devlink health set { DEV | DEV/PORT_INDEX } reporter REPORTER_NAME",
        "                          [ grace_period MSEC ]",
        "                          [ burst_period MSEC ]",
        "                          [ auto_recover { true | false } ]",
        "                          [ auto_dump    { true | false } ]",
    ]

    static let reporter = OptionSpec("reporter", .text, required: "Reporter's name is expected.")

    static var node: CommandNode {
        CommandNode("health", usage: usage, defaultChild: "show", children: [
            CommandNode("show", aliases: ["list"], command: CommandSpec(
                path: ["health", "show"], handle: .deviceOrPort, handleOptional: true,
                options: [OptionSpec("reporter", .text)], action: show)),
            CommandNode("recover", command: CommandSpec(
                path: ["health", "recover"], handle: .deviceOrPort, options: [reporter], action: recover)),
            CommandNode("diagnose", command: CommandSpec(
                path: ["health", "diagnose"], handle: .deviceOrPort, options: [reporter], action: diagnose)),
            CommandNode("test", command: CommandSpec(
                path: ["health", "test"], handle: .deviceOrPort, options: [reporter], action: test)),
            // cmd_health_dump: `dump` alone is `dump show`.
            CommandNode("dump", usage: usage, defaultChild: "show", children: [
                CommandNode("show", aliases: ["list"], command: CommandSpec(
                    path: ["health", "dump", "show"], handle: .deviceOrPort, options: [reporter], action: dumpShow)),
                CommandNode("clear", command: CommandSpec(
                    path: ["health", "dump", "clear"], handle: .deviceOrPort, options: [reporter], action: dumpClear)),
            ]),
            CommandNode("set", command: CommandSpec(
                path: ["health", "set"], handle: .deviceOrPort, options: [
                    reporter,
                    OptionSpec("grace_period", .u64),
                    OptionSpec("burst_period", .u64),
                    OptionSpec("auto_recover", .bool),
                    OptionSpec("auto_dump", .bool),
                ], action: set)),
        ])
    }

    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device else { return .object(ObjectResult(HealthReporters(try c.session.perform(ListHealthReporters(of: nil))))) }
        guard let name = p.word("reporter") else {
            // devlink turns `health show DEV` into a dump with DEV as selector and first asks the kernel's
            // policy; 6.12's HEALTH_REPORTER_GET dump takes no selectors.
            throw ClientError("Dump selectors are not supported by kernel for this command", errno: .EOPNOTSUPP)
        }
        return .object(ObjectResult(HealthReporters([try c.session.perform(GetHealthReporter(device, port: port(p), name: name))])))
    }

    /// The port index when the handle named a port (`DEV/PORT_INDEX`).
    static func port(_ p: ParsedCommand) -> UInt32? {
        if case .port(let handle)? = p.handle { return handle.index }
        return nil
    }

    @Sendable static func recover(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device, let name = p.word("reporter") else { return .none }
        try c.session.perform(RecoverHealthReporter(device, port: port(p), name: name))
        return .none
    }

    @Sendable static func set(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device, let name = p.word("reporter") else { return .none }
        try c.session.perform(SetHealthReporter(device, port: port(p), name: name, gracePeriod: p.number("grace_period"),
                                                burstPeriod: p.number("burst_period"),
                                                autoRecover: p.bool("auto_recover"), autoDump: p.bool("auto_dump")))
        return .none
    }

    /// The reporter a diagnose / test / dump request names, handed to `body`.
    static func withReporter(_ p: ParsedCommand, _ body: (HealthReporterID) throws -> CommandResult) throws -> CommandResult {
        guard let device = p.device, let name = p.word("reporter") else { return .none }
        return try body(HealthReporterID(device, port: port(p), name: name))
    }

    @Sendable static func diagnose(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try withReporter(p) { .object(ObjectResult(try c.session.perform(DiagnoseHealthReporter($0)))) }
    }

    @Sendable static func dumpShow(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try withReporter(p) { .object(ObjectResult(try c.session.perform(ShowHealthDump($0)))) }
    }

    @Sendable static func test(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try withReporter(p) { try c.session.perform(TestHealthReporter($0)); return .none }
    }

    @Sendable static func dumpClear(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try withReporter(p) { try c.session.perform(ClearHealthDump($0)); return .none }
    }
}

/// How devlink prints reporters (pr_out_health): per device `DEV:`, each reporter's name at indent 2
/// and its state line at indent 4.
enum HealthFormat {
    static func fields(_ r: HealthReporter) -> [(key: String, text: String, quoted: Bool)] {
        func u64(_ v: UInt64) -> (String, Bool) { v == .max ? ("unlimited", true) : (String(v), false) }
        var f: [(key: String, text: String, quoted: Bool)] = [("state", r.state.name, true)]
        let e = u64(r.errorCount), rc = u64(r.recoverCount)
        f.append(("error", e.0, e.1))
        f.append(("recover", rc.0, rc.1))
        // pr_out_dump_report_timestamp: the dump's CLOCK_REALTIME seconds in local time.
        if let ns = r.lastDump {
            let (date, time) = localDateTime(seconds: Int(ns / 1_000_000_000))
            f.append(("last_dump_date", date, true))
            f.append(("last_dump_time", time, true))
        }
        if let g = r.gracePeriod { let v = u64(g); f.append(("grace_period", v.0, v.1)) }
        if let b = r.burstPeriod { let v = u64(b); f.append(("burst_period", v.0, v.1)) }
        if let a = r.autoRecover { f.append(("auto_recover", a ? "true" : "false", false)) }
        if let a = r.autoDump { f.append(("auto_dump", a ? "true" : "false", false)) }
        return f
    }

    /// strftime "%Y-%m-%d" and "%H:%M:%S" of localtime(), as devlink prints a dump's time.
    static func localDateTime(seconds: Int) -> (String, String) {
        var t = time_t(seconds)
        var tm = tm()
        localtime_r(&t, &tm)
        func two(_ n: Int32) -> String { n < 10 ? "0\(n)" : "\(n)" }
        return ("\(tm.tm_year + 1900)-\(two(tm.tm_mon + 1))-\(two(tm.tm_mday))",
                "\(two(tm.tm_hour)):\(two(tm.tm_min)):\(two(tm.tm_sec))")
    }

    static func text(_ reporters: [HealthReporter]) -> String {
        var last: String?
        return text(reporters, after: &last)
    }

    /// Reporters under the owner header devlink last printed (`last`): devlink keeps that handle for the
    /// whole run (arr_last in __pr_out_handle_start), so in a batch a second `health show` of the same
    /// owner prints no header of its own (as for params; TextFormatter.params).
    static func text(_ reporters: [HealthReporter], after last: inout String?) -> String {
        var out = ""
        for r in reporters {
            if r.owner != last { out += "\(r.owner):\n"; last = r.owner }
            out += "  reporter \(r.name)\n    " + fields(r).map { "\($0.key) \($0.text)" }.joined(separator: " ") + "\n"
        }
        return out
    }

    static func json(_ reporters: [HealthReporter], into w: inout IPJSONWriter) {
        w.beginObject()
        w.name("health")
        w.beginObject()
        var last: String?
        for r in reporters {
            if r.owner != last {
                if last != nil { w.endArray() }
                w.name(r.owner)
                w.beginArray()
                last = r.owner
            }
            w.beginObject()
            w.name("reporter")
            w.string(r.name)
            for f in fields(r) {
                w.name(f.key)
                if f.quoted { w.string(f.text) } else { w.raw(f.text) }
            }
            w.endObject()
        }
        if last != nil { w.endArray() }
        w.endObject()
        w.endObject()
    }

    /// One reporter as a map (a list for several).
    static func value(_ reporters: [HealthReporter], single: Bool) -> Value {
        func one(_ r: HealthReporter) -> Value {
            let m = MapObject()
            m.entries[.string("handle")] = .string(r.owner)
            m.entries[.string("reporter")] = .string(r.name)
            m.entries[.string("state")] = .string(r.state.name)
            m.entries[.string("error")] = .int(Int(clamping: r.errorCount))
            m.entries[.string("recover")] = .int(Int(clamping: r.recoverCount))
            m.entries[.string("grace_period")] = r.gracePeriod.map { .int(Int(clamping: $0)) } ?? .null
            m.entries[.string("burst_period")] = r.burstPeriod.map { .int(Int(clamping: $0)) } ?? .null
            m.entries[.string("auto_recover")] = r.autoRecover.map { .bool($0) } ?? .null
            m.entries[.string("auto_dump")] = r.autoDump.map { .bool($0) } ?? .null
            // The dump's time as seconds since the epoch (devlink prints it in local time).
            m.entries[.string("last_dump")] = r.lastDump.map { .int(Int(clamping: $0 / 1_000_000_000)) } ?? .null
            return .map(m)
        }
        if single, reporters.count == 1 { return one(reporters[0]) }
        return .list(ListObject(reporters.map(one)))
    }
}

/// `health show`'s reporters.
struct HealthReporters: FormattedObject {
    let reporters: [HealthReporter]

    init(_ reporters: [HealthReporter]) {
        self.reporters = reporters
    }

    func text(_ formatter: TextFormatter) -> String { HealthFormat.text(reporters) }
    func json(into w: inout IPJSONWriter) { HealthFormat.json(reporters, into: &w) }
    func value(_ formatter: TextFormatter) -> Value { HealthFormat.value(reporters, single: reporters.count == 1) }
}

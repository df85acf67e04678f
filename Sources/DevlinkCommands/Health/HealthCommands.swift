import DevlinkModel
import DLSLanguage

/// `health show | set | recover` (iproute2 cmd_health) for device and port reporters. Not yet:
/// diagnose, test, dump show/clear.
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
            CommandNode("set", command: CommandSpec(
                path: ["health", "set"], handle: .deviceOrPort, options: [
                    reporter,
                    OptionSpec("grace_period", .u64),
                    OptionSpec("auto_recover", .bool),
                    OptionSpec("auto_dump", .bool),
                ], action: set)),
        ])
    }

    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device else { return .object(.health(try c.session.perform(ListHealthReporters(of: nil)))) }
        guard let name = p.word("reporter") else {
            // devlink turns `health show DEV` into a dump with DEV as selector and first asks the kernel's
            // policy; 6.12's HEALTH_REPORTER_GET dump takes no selectors.
            throw ClientError("Dump selectors are not supported by kernel for this command", errno: .EOPNOTSUPP)
        }
        return .object(.health([try c.session.perform(GetHealthReporter(device, port: port(p), name: name))]))
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
                                                autoRecover: p.bool("auto_recover"), autoDump: p.bool("auto_dump")))
        return .none
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
        if let g = r.gracePeriod { let v = u64(g); f.append(("grace_period", v.0, v.1)) }
        if let a = r.autoRecover { f.append(("auto_recover", a ? "true" : "false", false)) }
        if let a = r.autoDump { f.append(("auto_dump", a ? "true" : "false", false)) }
        return f
    }

    static func text(_ reporters: [HealthReporter]) -> String {
        var out = ""
        var last: String?
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
            m.entries[.string("auto_recover")] = r.autoRecover.map { .bool($0) } ?? .null
            m.entries[.string("auto_dump")] = r.autoDump.map { .bool($0) } ?? .null
            return .map(m)
        }
        if single, reporters.count == 1 { return one(reporters[0]) }
        return .list(ListObject(reporters.map(one)))
    }
}

import DevlinkModel
import DLSLanguage

/// `lag`/`link` results as dls values, and the query builtins `bonds()`, `bond(name)`,
/// `hardware_lag(dev)`, `interfaces()`, `fw_log(dev)`.
enum LagValues {
    static func value(_ result: LagResult, live: LiveState? = nil) -> Value {
        switch result {
        case .warning(let message):
            // The command succeeded with the driver's warning: a script reads it as `r.warning`.
            let m = MapObject()
            m.entries[.string("warning")] = .string(message)
            return .map(m)
        case .created(let b): return .object(BondValue(b, live: live))
        case .bonds(let bonds, let single):
            let values = bonds.map { Value.object(BondValue($0, live: live)) }
            return single && values.count == 1 ? values[0] : .list(ListObject(values))
        case .interfaces(let list, let single):
            return single && list.count == 1 ? interface(list[0]) : .list(ListObject(list.map(interface)))
        case .firmwareLog(_, let log): return .list(ListObject(log.map(command)))
        case .routes(let routes): return .list(ListObject(routes.map(RouteValues.value)))
        }
    }

    static func interface(_ i: NetInterface) -> Value {
        let m = MapObject()
        m.entries[.string("name")] = .string(i.name)
        m.entries[.string("ifindex")] = .int(Int(i.ifindex))
        m.entries[.string("kind")] = .string(i.kind.rawValue)
        m.entries[.string("up")] = .bool(i.adminUp)
        m.entries[.string("carrier")] = .bool(i.carrier)
        m.entries[.string("master")] = i.master.map { .string($0) } ?? .null
        return .map(m)
    }

    static func command(_ c: FirmwareCommand) -> Value {
        let m = MapObject()
        m.entries[.string("seq")] = .int(c.sequence)
        m.entries[.string("command")] = .string(c.opcode.name)
        m.entries[.string("opcode")] = .int(Int(c.opcode.rawValue))
        m.entries[.string("status")] = .int(Int(c.status.rawValue))
        m.entries[.string("status_text")] = .string(c.status.text)
        m.entries[.string("syndrome")] = .int(Int(c.syndrome))
        for (key, value) in LagFields.context(c) {
            if value.hasPrefix("0x"), let n = Int(value.dropFirst(2), radix: 16) {
                m.entries[.string(key)] = .int(n)
            } else {
                m.entries[.string(key)] = Int(value).map { .int($0) } ?? .string(value)
            }
        }
        return .map(m)
    }

    static func builtins(_ runner: CommandRunner) -> [NativeFunction] {
        func links() throws -> LinkSession {
            guard let s = runner.session.linkSession else {
                throw DevlinkHost.failure(FailureReport(ClientError("This backend has no bond or link support.", errno: .EOPNOTSUPP)))
            }
            return s
        }
        func device(_ args: Arguments) throws -> DeviceHandle {
            guard let d = try QueryBuiltins.optionalDevice(args, 0) else { throw args.error("a device handle is required") }
            return d
        }
        return [
            NativeFunction("bonds", arity: 0...0) { _ in
                .list(ListObject(try QueryBuiltins.call { try links().bonds() }.map { .object(BondValue($0, live: runner.live)) }))
            },
            NativeFunction("bond", arity: 1...1) { args in
                let name = args[0].wordText
                return .object(BondValue(try QueryBuiltins.call { try links().bond(named: name) }, live: runner.live))
            },
            NativeFunction("hardware_lag", arity: 1...1) { args in
                let d = try device(args)
                return try QueryBuiltins.call { try links().hardwareLag(d) }
                    .map { .object(HardwareLagValue(HardwareLagReading($0, device: d), live: runner.live)) } ?? .null
            },
            NativeFunction("interfaces", arity: 0...0) { _ in
                .list(ListObject(try QueryBuiltins.call { try links().interfaces() }.map(interface)))
            },
            NativeFunction("fw_log", arity: 1...1) { args in
                let d = try device(args)
                return .list(ListObject(try QueryBuiltins.call { try links().firmwareLog(d) }.map(command)))
            },
        ]
    }
}

import DevlinkModel
import DLSLanguage

/// A notification as scripts see it (what `let evs = monitor count 3 timeout 5` and `events()`
/// return): `e.object` ("port"), `e.command` ("new"), `e.value`, the object the event carries, as it
/// was then (it does not follow the device). Prints as `devlink monitor` prints it
/// (`[port,new] pci/0000:06:00.0/32768: type eth ...`).
public final class EventValue: HostObject {
    public let event: DevlinkEvent
    let formatter: TextFormatter

    public init(_ event: DevlinkEvent, formatter: TextFormatter) {
        self.event = event
        self.formatter = formatter
    }

    static func value(_ e: DevlinkEvent, formatter: TextFormatter) -> Value { .object(EventValue(e, formatter: formatter)) }

    public var typeName: String { "event" }
    public var fieldNames: [String] { ["object", "command", "value"] }

    public func field(_ name: String) -> Value? {
        switch name {
        case "object": return .string(event.object)
        case "command": return .string(event.command)
        case "value": return carried
        default: return nil
        }
    }

    private var carried: Value {
        switch event {
        case .deviceNew(let d), .deviceDel(let d): return .object(DeviceValue(d))
        case .portNew(let p), .portDel(let p): return .object(PortValue(p, formatter: formatter))
        case .rateNew(let r), .rateDel(let r): return .object(RateObjectValue(r, formatter: formatter))
        case .paramNew(let p): return ValueConversion.param(p)
        }
    }

    public var displayText: String {
        let text = MonitorFormat.text(event, formatter)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    public var jsonValue: Value {
        let m = MapObject()
        for name in fieldNames {
            let value = field(name) ?? .null
            if let o = value.hostObject { m.entries[.string(name)] = o.jsonValue } else { m.entries[.string(name)] = value }
        }
        return .map(m)
    }

    public func isEqual(to other: any HostObject) -> Bool { (other as? EventValue)?.event == event }

    /// `events()`: the session's backlog (EventBacklog.swift).
    static func builtins(_ runner: CommandRunner) -> [NativeFunction] {
        [
            NativeFunction("events", arity: 0...0) { args in
                let backlog = runner.context.backlog
                try QueryBuiltins.call { try backlog.collect(from: runner.session) }
                if backlog.overruns > backlog.overrunsReported {
                    backlog.overrunsReported = backlog.overruns
                    args.interpreter.output.writeError(EventBacklog.lossNote + "; events() misses them\n")
                }
                let formatter = runner.textFormatter
                return .list(ListObject(backlog.events.map { value($0, formatter: formatter) }))
            },
        ]
    }
}

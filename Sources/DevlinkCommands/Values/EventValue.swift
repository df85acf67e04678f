import DevlinkModel
import DLSLanguage

/// A notification as scripts see it (what `let evs = monitor count 3 timeout 5` returns): a map
/// `{object: "port", command: "new", value: <port object>}`; the value is the object the event carries.
enum EventValue {
    static func value(_ e: DevlinkEvent, formatter: TextFormatter) -> Value {
        let m = MapObject()
        m.entries[.string("object")] = .string(e.object)
        m.entries[.string("command")] = .string(e.command)
        let carried: Value
        switch e {
        case .deviceNew(let d), .deviceDel(let d): carried = .object(DeviceValue(d))
        case .portNew(let p), .portDel(let p): carried = .object(PortValue(p, formatter: formatter))
        case .rateNew(let r), .rateDel(let r): carried = .object(RateObjectValue(r, formatter: formatter))
        case .paramNew(let p): carried = ValueConversion.param(p)
        }
        m.entries[.string("value")] = carried
        return .map(m)
    }
}

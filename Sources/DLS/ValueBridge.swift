import DevlinkCommands
import DLSLanguage
import OrderedCollections

/// Converts values between the interpreter and Swift. Lists and maps are copied; a list that
/// contains itself is cut at the repeat (it reads as `nil` there).
struct ValueBridge {
    /// How ports and rates made from Swift values print in the script (`-i` IEC units).
    var formatter: TextFormatter

    // MARK: script → Swift

    func swiftValue(_ value: Value) -> DLSValue {
        var path = Set<ObjectIdentifier>()
        return swiftValue(value, &path)
    }

    private func swiftValue(_ value: Value, _ path: inout Set<ObjectIdentifier>) -> DLSValue {
        switch value {
        case .list(let l):
            guard path.insert(ObjectIdentifier(l)).inserted else { return .null }
            defer { path.remove(ObjectIdentifier(l)) }
            return .list(l.items.map { swiftValue($0, &path) })
        case .map(let m):
            guard path.insert(ObjectIdentifier(m)).inserted else { return .null }
            defer { path.remove(ObjectIdentifier(m)) }
            var out = DLSMap(minimumCapacity: m.entries.count)
            for (k, v) in m.entries { out[key(k)] = swiftValue(v, &path) }
            return .map(out)
        case .function, .native: return .function(DLSFunction(value))
        case .object(let o): return object(o.object, &path)
        case .error(let e): return .error(error(e))
        case .cell(let c): return swiftValue(c.value, &path)
        case .null, .bool, .int, .float, .rate, .string: return Self.scalar(value) ?? .null
        }
    }

    private func object(_ o: any HostObject, _ path: inout Set<ObjectIdentifier>) -> DLSValue {
        if let port = o as? PortValue { return .port(port.object) }
        if let rate = o as? RateObjectValue { return .rateObject(rate.object) }
        if let record = o as? RecordObject { return .object(record.record) }
        guard path.insert(ObjectIdentifier(o)).inserted else { return .null }
        defer { path.remove(ObjectIdentifier(o)) }
        var fields = OrderedDictionary<String, DLSValue>()
        for name in o.fieldNames { fields[name] = o.field(name).map { swiftValue($0, &path) } ?? .null }
        return .object(DLSObject(typeName: o.typeName, fields: fields, text: o.displayText, original: HostObjectBox(o)))
    }

    /// A map key keeps its kind: a float key stays a float.
    func key(_ k: MapKey) -> DLSKey { Self.scalar(k.value) ?? .null }

    /// A scalar value as either of the two Swift types that have the six scalar cases; nil for a
    /// list, map, function, object or error.
    static func scalar<Scalar: DLSScalarCases>(_ value: Value) -> Scalar? {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let d): return .double(d)
        case .rate(let r): return .rate(DLSRate(bytesPerSecond: r.bytesPerSecond))
        case .string(let s): return .string(s.value)
        default: return nil
        }
    }

    func error(_ e: ErrorObject) -> DLSError {
        let location = e.location
        let head = location.map { "\($0): " } ?? ""
        let kind = e.message.hasPrefix("Error: ") ? "" : "error: "
        return DLSError(kind: .runtime, message: e.message, location: location, errno: e.errno, notes: e.notes,
                        value: e.value.map(swiftValue), rendered: head + kind + e.message)
    }

    // MARK: Swift → script

    func scriptValue(_ value: DLSValue) -> Value {
        switch value {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .float(d)
        case .string(let s): return .string(s)
        case .rate(let r): return .rate(r.language)
        case .list(let l): return .list(ListObject(l.map(scriptValue)))
        case .map(let m):
            var entries = MapEntries(minimumCapacity: m.count)
            for (k, v) in m { entries[mapKey(k)] = scriptValue(v) }
            return .map(MapObject(entries))
        case .port(let p): return .object(PortValue(p, formatter: formatter))
        case .rateObject(let r): return .object(RateObjectValue(r, formatter: formatter))
        case .object(let o): return .object(o.original?.object ?? RecordObject(o, bridge: self))
        case .function(let f): return f.value
        case .error(let e):
            return .error(ErrorObject(message: e.message, errno: e.errno, value: e.value.map(scriptValue),
                                      location: e.location,
                                      notes: e.notes))
        }
    }

    func mapKey(_ k: DLSKey) -> MapKey {
        switch k {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return MapKey(.float(d)) ?? .float(d)
        case .rate(let r): return .rate(r.language)
        case .string(let s): return .string(s)
        }
    }
}

/// The scalar cases `DLSValue` and `DLSKey` both have (their enum cases are these requirements).
protocol DLSScalarCases {
    static var null: Self { get }
    static func bool(_ value: Bool) -> Self
    static func int(_ value: Int) -> Self
    static func double(_ value: Double) -> Self
    static func rate(_ value: DLSRate) -> Self
    static func string(_ value: String) -> Self
}

extension DLSValue: DLSScalarCases {}
extension DLSKey: DLSScalarCases {}

/// A `DLSObject` made in Swift, as a script object: fields read like any object's (`o.name`).
final class RecordObject: HostObject {
    let record: DLSObject
    private let values: OrderedDictionary<String, Value>

    init(_ record: DLSObject, bridge: ValueBridge) {
        self.record = record
        values = record.fields.mapValues(bridge.scriptValue)
    }

    var typeName: String { record.typeName }
    var fieldNames: [String] { Array(values.keys) }
    func field(_ name: String) -> Value? { values[name] }
    var displayText: String { record.text }

    var jsonValue: Value {
        var entries = MapEntries()
        for (k, v) in values { entries[.string(k)] = v }
        return .map(MapObject(entries))
    }

    func isEqual(to other: any HostObject) -> Bool { (other as? RecordObject)?.record == record }
}

import DevlinkModel
import DLSLanguage

/// One script field of an object: `sf.netdev` is `read(port)`.
public struct ScriptField<Object>: Sendable {
    let name: String
    /// The second argument is the live state of the value the field is read from (nil when fixed),
    /// for a field that is itself an object following the device.
    let read: @Sendable (Object, LiveState?) -> Value

    init(_ name: String, _ read: @escaping @Sendable (Object) -> Value) {
        self.name = name
        self.read = { object, _ in read(object) }
    }

    init(_ name: String, _ read: @escaping @Sendable (Object, LiveState?) -> Value) {
        self.name = name
        self.read = read
    }

    /// A field that reads what devlink prints under the same key (nil when devlink prints nothing).
    static func printed(_ name: String, _ fields: @escaping @Sendable (Object) -> [Field]) -> ScriptField {
        ScriptField(name) { object in fields(object).first { $0.key == name }.map(FieldValues.value) ?? .null }
    }
}

/// How scripts see one kind of devlink object. Its one list of fields drives `fieldNames`,
/// `field(_:)` and, unless the schema says otherwise, the JSON map; its text is devlink's own.
public protocol ObjectSchema {
    associatedtype Object: Equatable
    static var typeName: String { get }
    static var fields: [ScriptField<Object>] { get }
    /// The object as the device has it now; throws when it is gone. Only live values call it.
    static func reread(_ object: Object, from session: DeviceSession) throws -> Object
    static func text(_ object: Object, _ formatter: TextFormatter) -> String
    static func json(_ object: Object) -> Value
}

extension ObjectSchema {
    /// A value that never follows the device keeps what it was made with.
    public static func reread(_ object: Object, from session: DeviceSession) throws -> Object { object }

    /// Every field by name; an object field as its own JSON.
    public static func json(_ object: Object) -> Value {
        let m = MapObject()
        for field in fields {
            let value = field.read(object, nil)
            if let o = value.hostObject { m.entries[.string(field.name)] = o.jsonValue } else { m.entries[.string(field.name)] = value }
        }
        return .map(m)
    }
}

/// A value `snapshot(x)` can freeze (LiveObjects.swift).
protocol FreezableValue: HostObject {
    func frozen() -> any HostObject
}

/// A devlink object as a script value. With `live`, it follows the device (see LiveObjects.swift):
/// objects from commands and queries; without, a fixed value (notifications, snapshots, nested objects).
public final class ObjectValue<Schema: ObjectSchema>: HostObject, FreezableValue {
    // The cached object and the generation it was read at (see LiveState) are fields of this class
    // rather than of a generic struct, whose metadata the runtime would look up to initialize each value.
    private var cached: Schema.Object
    private var seen: UInt64
    private let live: LiveState?
    let formatter: TextFormatter

    public init(_ object: Schema.Object, formatter: TextFormatter = TextFormatter(), live: LiveState? = nil) {
        cached = object
        self.live = live
        seen = live?.generation ?? 0
        self.formatter = formatter
    }

    /// The object as the device has it now: re-read when stale; a failed read (the object is gone)
    /// keeps the last one.
    public var object: Schema.Object {
        guard let live, live.generation != seen else { return cached }
        seen = live.generation
        if let fresh = try? Schema.reread(cached, from: live.session()) { cached = fresh }
        return cached
    }

    public var typeName: String { Schema.typeName }
    public var fieldNames: [String] { Schema.fields.map(\.name) }

    public func field(_ name: String) -> Value? {
        guard let field = Schema.fields.first(where: { $0.name == name }) else { return nil }
        return field.read(object, live)
    }

    public var displayText: String { Schema.text(object, formatter) }
    public var jsonValue: Value { Schema.json(object) }
    public func isEqual(to other: any HostObject) -> Bool { (other as? ObjectValue)?.object == object }
    func frozen() -> any HostObject { ObjectValue(object, formatter: formatter) }
}

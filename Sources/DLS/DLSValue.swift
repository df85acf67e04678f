import OrderedCollections

/// An ordered dictionary as dls maps are: insertion order is kept, keys are scalars.
public typealias DLSMap = OrderedDictionary<DLSKey, DLSValue>

/// A dls value on the Swift side. A snapshot: lists and maps are copied out of the script (later
/// changes in the script do not show here, and vice versa); ports and rate objects are the state
/// the command reported when it ran.
public enum DLSValue: Sendable, Equatable {
    /// `nil`.
    case null
    /// `true` / `false`.
    case bool(Bool)
    /// An integer.
    case int(Int)
    /// A float.
    case double(Double)
    /// A string.
    case string(String)
    /// A rate literal or a rate field (`10gbit`, `r.tx_max`).
    case rate(DLSRate)
    /// A list.
    case list([DLSValue])
    /// A map, in insertion order.
    case map(DLSMap)
    /// A devlink port (`port show`, `port add`, `ports(dev)`).
    case port(Port)
    /// A devlink rate object, leaf or node (`port function rate show`, `rates(dev)`).
    case rateObject(RateObject)
    /// Any other object a command returns (device, eswitch, port function, MAC address, bond, ...),
    /// with its fields.
    case object(DLSObject)
    /// A dls function or builtin; call it with `DLSEngine.call(_:_:)`.
    case function(DLSFunction)
    /// An error value, as a script's `catch e` sees it.
    indirect case error(DLSError)

    /// The type name a script's error messages use (`int`, `list`, `port`, ...).
    public var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "bool"
        case .int: return "int"
        case .double: return "float"
        case .string: return "string"
        case .rate: return "rate"
        case .list: return "list"
        case .map: return "map"
        case .port: return "port"
        case .rateObject: return "rate"
        case .object(let o): return o.typeName
        case .function: return "function"
        case .error: return "error"
        }
    }

    /// True for `nil`.
    public var isNull: Bool { if case .null = self { return true } else { return false } }

    /// The Bool, if this is a bool.
    public var boolValue: Bool? { if case .bool(let b) = self { return b } else { return nil } }

    /// The integer, if this is an int.
    public var intValue: Int? { if case .int(let i) = self { return i } else { return nil } }

    /// The number as a Double, if this is a float or an int.
    public var doubleValue: Double? {
        switch self {
        case .double(let d): return d
        case .int(let i): return Double(i)
        default: return nil
        }
    }

    /// The string, if this is a string.
    public var stringValue: String? { if case .string(let s) = self { return s } else { return nil } }

    /// The rate, if this is a rate.
    public var rateValue: DLSRate? { if case .rate(let r) = self { return r } else { return nil } }

    /// The elements, if this is a list.
    public var listValue: [DLSValue]? { if case .list(let l) = self { return l } else { return nil } }

    /// The entries, if this is a map.
    public var mapValue: DLSMap? { if case .map(let m) = self { return m } else { return nil } }

    /// The port, if this is a port.
    public var portValue: Port? { if case .port(let p) = self { return p } else { return nil } }

    /// The rate object, if this is one.
    public var rateObjectValue: RateObject? { if case .rateObject(let r) = self { return r } else { return nil } }

    /// A list element; nil when this is not a list or the index is out of range.
    public subscript(index: Int) -> DLSValue? {
        guard case .list(let l) = self, l.indices.contains(index) else { return nil }
        return l[index]
    }

    /// A map entry under a string key, or a field of an object or error (`value["state"]`).
    public subscript(key: String) -> DLSValue? {
        switch self {
        case .map(let m): return m[.string(key)]
        case .object(let o): return o.fields[key]
        case .error(let e): return e.fields[key]
        default: return nil
        }
    }
}

/// A map key: the immutable scalar kinds of values.
public enum DLSKey: Sendable, Hashable, CustomStringConvertible {
    /// `nil` as a key.
    case null
    /// A bool key.
    case bool(Bool)
    /// An integer key.
    case int(Int)
    /// A float key (whole numbers are stored as int keys, as in scripts).
    case double(Double)
    /// A rate key.
    case rate(DLSRate)
    /// A string key.
    case string(String)

    /// The key as a value.
    public var value: DLSValue {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .double(let d): return .double(d)
        case .rate(let r): return .rate(r)
        case .string(let s): return .string(s)
        }
    }

    /// The key as scripts print it.
    public var description: String { value.description }
}

extension DLSKey: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    /// A string key from a literal.
    public init(stringLiteral value: String) { self = .string(value) }
    /// An integer key from a literal.
    public init(integerLiteral value: Int) { self = .int(value) }
}

/// An object a command returned that has no case of its own in `DLSValue`: its type name
/// (`device`, `eswitch`, `function`, `mac`, `bond`, ...), its fields, and its text form.
public struct DLSObject: Sendable, Equatable {
    /// The type name scripts see (`typeName` of the object).
    public var typeName: String
    /// Field names and values, in the object's own order.
    public var fields: OrderedDictionary<String, DLSValue>
    /// How `print` shows it (devlink's text where the object has one).
    public var text: String
    /// The script object this was read from, so it can go back into a script unchanged.
    let original: HostObjectBox?

    /// An object with these fields; in a script it reads like a port or a device (`o.name`).
    public init(typeName: String, fields: OrderedDictionary<String, DLSValue>, text: String) {
        self.typeName = typeName
        self.fields = fields
        self.text = text
        self.original = nil
    }

    init(typeName: String, fields: OrderedDictionary<String, DLSValue>, text: String, original: HostObjectBox?) {
        (self.typeName, self.fields, self.text, self.original) = (typeName, fields, text, original)
    }

    /// Equal when type, fields and text are equal.
    public static func == (a: DLSObject, b: DLSObject) -> Bool {
        a.typeName == b.typeName && a.fields == b.fields && a.text == b.text
    }
}

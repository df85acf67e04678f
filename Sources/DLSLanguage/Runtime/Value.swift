import OrderedCollections
import Synchronization

/// A dls value. Scalars and strings are values; lists and maps are shared references (like Python),
/// so `append(xs, 1)` and `m.k = v` change the one object every name refers to.
/// Every payload is at most one word (strings and host objects are boxed), so a Value is 9 bytes
/// with a 16-byte stride and copying one is a tag test and at most one retain: values are copied
/// on every variable read, argument and list element, and the 16-byte payloads of a String or an
/// existential made each copy a call into outlined copy code. `.string("x")` and `.object(o)` still
/// build values; matching `.string(let box)` binds the box (`box.value`, or `value.stringValue`).
public enum Value {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case rate(Rate)
    case string(StringBox)
    case list(ListObject)
    case map(MapObject)
    case function(FunctionObject)
    case native(NativeFunction)
    case object(HostObjectBox)
    case error(ErrorObject)
    /// A captured variable's box; only ever seen inside frames, never by scripts.
    case cell(Cell)

    public var typeName: String {
        switch self {
        case .null: return "nil"
        case .bool: return "bool"
        case .int: return "int"
        case .float: return "float"
        case .rate: return "rate"
        case .string: return "string"
        case .list: return "list"
        case .map: return "map"
        case .function, .native: return "function"
        case .object(let box): return box.object.typeName
        case .error: return "error"
        case .cell(let c): return c.value.typeName
        }
    }

    public var isNil: Bool { if case .null = self { return true } else { return false } }

    @inline(__always)
    public static func string(_ text: String) -> Value { .string(StringBox.make(text)) }

    public static func object(_ object: any HostObject) -> Value { .object(HostObjectBox(object)) }

    /// The text of a string value; nil for any other value.
    @inline(__always)
    public var stringValue: String? {
        if case .string(let box) = self { return box.value }
        return nil
    }

    /// The host object of an object value; nil for any other value.
    public var hostObject: (any HostObject)? {
        if case .object(let box) = self { return box.object }
        return nil
    }
}

/// The payload of an object value: one reference instead of a two-word existential.
public final class HostObjectBox {
    public let object: any HostObject
    public init(_ object: any HostObject) { self.object = object }
}

public final class ListObject {
    @exclusivity(unchecked) public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    deinit { if !items.isEmpty { ContainerRelease.release(&items) } }
}

public final class MapObject {
    @exclusivity(unchecked) public var entries: MapEntries
    public init(_ entries: MapEntries = MapEntries()) { self.entries = entries }
    deinit {
        if !entries.isEmpty {
            var values = Array(entries.values)
            entries = [:]
            ContainerRelease.release(&values)
        }
    }
}

/// Frees nested lists and maps one level at a time. Left to ARC, freeing a chain like `a = [a]`
/// built a million times over recurses once per level and overflows the stack.
enum ContainerRelease {
    static func release(_ pending: inout [Value]) {
        // Flat containers (the common case) are left to ARC.
        guard pending.contains(where: { if case .list = $0 { true } else if case .map = $0 { true } else { false } }) else { return }
        while var value = pending.popLast() {
            // The last reference gives its elements to `pending` and dies empty (a shallow deinit);
            // shared containers are left alone.
            if var list = value.takeList() {
                guard isKnownUniquelyReferenced(&list) else { continue }
                pending.append(contentsOf: list.items)
                list.items = []
            } else if var map = value.takeMap() {
                guard isKnownUniquelyReferenced(&map) else { continue }
                pending.append(contentsOf: map.entries.values)
                map.entries = [:]
            }
        }
    }
}

extension Value {
    /// Moves a list reference out (leaving nil), so the caller holds the only copy of it.
    fileprivate mutating func takeList() -> ListObject? {
        guard case .list(let list) = self else { return nil }
        self = .null
        return list
    }

    fileprivate mutating func takeMap() -> MapObject? {
        guard case .map(let map) = self else { return nil }
        self = .null
        return map
    }
}

/// The kinds of values that can be map keys (immutable ones). Unchecked Sendable for the string
/// box (a ManagedBuffer, which is never Sendable): a box that is shared never changes.
public enum MapKey: Hashable, @unchecked Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case rate(Rate)
    /// The box of the string value the key was made from (no copy of the text).
    case string(StringBox)

    @inline(__always)
    public static func string(_ text: String) -> MapKey { .string(StringBox.make(text)) }

    public init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let f): self = f == f.rounded() && abs(f) < 9e18 ? .int(Int(f)) : .float(f)
        case .rate(let r): self = .rate(r)
        case .string(let box): self = .string(box)
        default: return nil
        }
    }

    public var value: Value {
        switch self {
        case .null: return .null
        case .bool(let b): return .bool(b)
        case .int(let i): return .int(i)
        case .float(let f): return .float(f)
        case .rate(let r): return .rate(r)
        case .string(let box): return .string(box)
        }
    }

    /// The text of a string key; nil for any other key.
    public var stringValue: String? {
        if case .string(let box) = self { return box.value }
        return nil
    }

    public static func == (a: MapKey, b: MapKey) -> Bool {
        switch (a, b) {
        case let (.string(x), .string(y)): return StringBox.equal(x, y)
        case let (.int(x), .int(y)): return x == y
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.float(x), .float(y)): return x == y
        case let (.rate(x), .rate(y)): return x == y
        default: return false
        }
    }
}

public final class Cell {
    @exclusivity(unchecked) public var value: Value
    init(_ value: Value) { self.value = value }
}

/// An error as a script sees it in `catch e`: `e.message`, `e.errno`, `e.value`, `e.location`.
public final class ErrorObject {
    public let message: String
    public let errno: String?
    public let value: Value?
    public let location: SourceLocation?
    public let notes: [String]

    public init(message: String, errno: String? = nil, value: Value? = nil, location: SourceLocation? = nil, notes: [String] = []) {
        self.message = message
        self.errno = errno
        self.value = value
        self.location = location
        self.notes = notes
    }
}

/// Objects supplied by a CommandHost (ports, rates, devices, bonds): typed, with read-only fields,
/// printed and converted to JSON the way the host chooses.
public protocol HostObject: AnyObject {
    var typeName: String { get }
    var fieldNames: [String] { get }
    func field(_ name: String) -> Value?
    /// How `print` and the REPL show it (the host's own format, e.g. devlink's text).
    var displayText: String { get }
    /// The value `json()` serialises.
    var jsonValue: Value { get }
    func isEqual(to other: any HostObject) -> Bool
}

extension HostObject {
    public func isEqual(to other: any HostObject) -> Bool { self === other }
}

/// Host objects that step by an integer (`mac("00:00:00:00:88:00") + i`): `obj + n` and `obj - n`.
public protocol OffsettableHostObject: HostObject {
    /// The object moved by `n` (negative for `-`); throw to report an overflow.
    func offset(by n: Int) throws -> Value
}

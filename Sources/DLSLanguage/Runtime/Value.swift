import OrderedCollections

/// A dls value. Scalars and strings are values; lists and maps are shared references (like Python),
/// so `append(xs, 1)` and `m.k = v` change the one object every name refers to.
public enum Value {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case rate(Rate)
    case string(String)
    case list(ListObject)
    case map(MapObject)
    case function(FunctionObject)
    case native(NativeFunction)
    case object(any HostObject)
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
        case .object(let o): return o.typeName
        case .error: return "error"
        case .cell(let c): return c.value.typeName
        }
    }

    public var isNil: Bool { if case .null = self { return true } else { return false } }
}

public final class ListObject {
    @exclusivity(unchecked) public var items: [Value]
    public init(_ items: [Value] = []) { self.items = items }
    deinit { if !items.isEmpty { ContainerRelease.release(&items) } }
}

public final class MapObject {
    @exclusivity(unchecked) public var entries: OrderedDictionary<MapKey, Value>
    public init(_ entries: OrderedDictionary<MapKey, Value> = [:]) { self.entries = entries }
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

/// The kinds of values that can be map keys (immutable ones).
public enum MapKey: Hashable, Sendable {
    case null
    case bool(Bool)
    case int(Int)
    case float(Double)
    case rate(Rate)
    case string(String)

    public init?(_ value: Value) {
        switch value {
        case .null: self = .null
        case .bool(let b): self = .bool(b)
        case .int(let i): self = .int(i)
        case .float(let f): self = f == f.rounded() && abs(f) < 9e18 ? .int(Int(f)) : .float(f)
        case .rate(let r): self = .rate(r)
        case .string(let s): self = .string(s)
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
        case .string(let s): return .string(s)
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

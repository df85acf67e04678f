import OrderedCollections

/// A Swift type that converts to and from `DLSValue`: Bool, Int, Double, String, `DLSRate`, `Port`,
/// `RateObject`, arrays, ordered dictionaries, `[String: T]` and optionals of these.
public protocol DLSValueConvertible {
    /// The value as dls sees it.
    var dlsValue: DLSValue { get }
    /// The Swift value, or nil when `value` has another type.
    init?(dlsValue value: DLSValue)
}

extension DLSValue {
    /// Wraps a Swift value (`DLSValue(["a", "b"])`, `DLSValue(port)`).
    public init<T: DLSValueConvertible>(_ value: T) { self = value.dlsValue }

    /// The Swift value of type `T`; throws a `DLSError` saying what was found instead.
    public func decode<T: DLSValueConvertible>(_ type: T.Type = T.self) throws(DLSError) -> T {
        guard let value = T(dlsValue: self) else {
            throw DLSError("expected \(T.self), got \(typeName) \(quotedDescription)")
        }
        return value
    }
}

extension DLSValueConvertible {
    /// What one of `DLSValue`'s accessors (`\.boolValue`) finds, for a type that is one kind of value.
    init?(_ value: DLSValue, as accessor: KeyPath<DLSValue, Self?>) {
        guard let found = value[keyPath: accessor] else { return nil }
        self = found
    }
}

extension DLSValue: DLSValueConvertible {
    /// Itself.
    public var dlsValue: DLSValue { self }
    /// Itself.
    public init?(dlsValue value: DLSValue) { self = value }
}

extension Bool: DLSValueConvertible {
    /// `.bool`.
    public var dlsValue: DLSValue { .bool(self) }
    /// From `.bool`.
    public init?(dlsValue value: DLSValue) { self.init(value, as: \.boolValue) }
}

extension Int: DLSValueConvertible {
    /// `.int`.
    public var dlsValue: DLSValue { .int(self) }
    /// From `.int` (or a `.double` holding a whole number).
    public init?(dlsValue value: DLSValue) {
        switch value {
        case .int(let i): self = i
        case .double(let d) where d == d.rounded() && abs(d) < 9e18: self = Int(d)
        default: return nil
        }
    }
}

extension Double: DLSValueConvertible {
    /// `.double`.
    public var dlsValue: DLSValue { .double(self) }
    /// From `.double` or `.int`.
    public init?(dlsValue value: DLSValue) { self.init(value, as: \.doubleValue) }
}

extension String: DLSValueConvertible {
    /// `.string`.
    public var dlsValue: DLSValue { .string(self) }
    /// From `.string`.
    public init?(dlsValue value: DLSValue) { self.init(value, as: \.stringValue) }
}

extension DLSRate: DLSValueConvertible {
    /// `.rate`.
    public var dlsValue: DLSValue { .rate(self) }
    /// From `.rate`, or a string in devlink's rate syntax (`"10gbit"`).
    public init?(dlsValue value: DLSValue) {
        switch value {
        case .rate(let r): self = r
        case .string(let s):
            guard let r = DLSRate(s) else { return nil }
            self = r
        default: return nil
        }
    }
}

extension Port: DLSValueConvertible {
    /// `.port`.
    public var dlsValue: DLSValue { .port(self) }
    /// From `.port`.
    public init?(dlsValue value: DLSValue) { self.init(value, as: \.portValue) }
}

extension RateObject: DLSValueConvertible {
    /// `.rateObject`.
    public var dlsValue: DLSValue { .rateObject(self) }
    /// From `.rateObject`.
    public init?(dlsValue value: DLSValue) { self.init(value, as: \.rateObjectValue) }
}

extension Optional: DLSValueConvertible where Wrapped: DLSValueConvertible {
    /// `.null` for nil, else the wrapped value's.
    public var dlsValue: DLSValue { map(\.dlsValue) ?? .null }
    /// nil from `.null`, else the wrapped conversion (which must succeed).
    public init?(dlsValue value: DLSValue) {
        if value.isNull { self = .none; return }
        guard let wrapped = Wrapped(dlsValue: value) else { return nil }
        self = .some(wrapped)
    }
}

extension Array: DLSValueConvertible where Element: DLSValueConvertible {
    /// `.list` of the elements.
    public var dlsValue: DLSValue { .list(map(\.dlsValue)) }
    /// From a `.list` whose every element converts.
    public init?(dlsValue value: DLSValue) {
        guard let list = value.listValue else { return nil }
        var out: [Element] = []
        out.reserveCapacity(list.count)
        for item in list {
            guard let element = Element(dlsValue: item) else { return nil }
            out.append(element)
        }
        self = out
    }
}

extension OrderedDictionary: DLSValueConvertible where Key == String, Value: DLSValueConvertible {
    /// `.map` with string keys, in order.
    public var dlsValue: DLSValue {
        var map = DLSMap(minimumCapacity: count)
        for (k, v) in self { map[.string(k)] = v.dlsValue }
        return .map(map)
    }
    /// From a `.map` whose keys are all strings and whose values all convert.
    public init?(dlsValue value: DLSValue) {
        guard let map = value.mapValue else { return nil }
        var out = OrderedDictionary<String, Value>(minimumCapacity: map.count)
        for (k, v) in map {
            guard case .string(let key) = k, let converted = Value(dlsValue: v) else { return nil }
            out[key] = converted
        }
        self = out
    }
}

extension Dictionary: DLSValueConvertible where Key == String, Value: DLSValueConvertible {
    /// `.map` with the keys sorted (a Swift dictionary has no order of its own).
    public var dlsValue: DLSValue {
        var map = DLSMap(minimumCapacity: count)
        for k in keys.sorted() { map[.string(k)] = self[k]?.dlsValue ?? .null }
        return .map(map)
    }
    /// From a `.map` whose keys are all strings and whose values all convert.
    public init?(dlsValue value: DLSValue) {
        guard let ordered = OrderedDictionary<String, Value>(dlsValue: value) else { return nil }
        self = Dictionary(uniqueKeysWithValues: ordered.map { ($0.key, $0.value) })
    }
}

import TextEscaping

/// How values read as text, the way scripts print them.
extension DLSValue: CustomStringConvertible {
    /// The value as `print` shows it: strings bare, lists and maps with quoted strings inside.
    public var description: String {
        switch self {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .double(let d):
            if d.isNaN { return "nan" }
            if d.isInfinite { return d < 0 ? "-inf" : "inf" }
            return "\(d)"
        case .rate(let r): return r.description
        case .string(let s): return s
        case .list(let l): return "[" + l.map(\.quotedDescription).joined(separator: ", ") + "]"
        case .map(let m): return "{" + m.map { "\($0.key.value.quotedDescription): \($0.value.quotedDescription)" }.joined(separator: ", ") + "}"
        case .port(let p): return p.handle.description
        case .rateObject(let r): return r.handle.description
        case .object(let o): return o.text
        case .function(let f): return f.description
        case .error(let e): return "error: " + e.message + (e.errno.map { " (\($0))" } ?? "")
        }
    }

    /// Strings in quotes as a script's `print` shows them inside a list, everything else as `description`.
    var quotedDescription: String {
        guard case .string(let s) = self else { return description }
        return JSONQuoting.dlsLiteral.quote(s)
    }
}

extension DLSValue: ExpressibleByBooleanLiteral, ExpressibleByIntegerLiteral, ExpressibleByFloatLiteral,
                    ExpressibleByStringLiteral, ExpressibleByArrayLiteral, ExpressibleByDictionaryLiteral {
    /// `true` / `false`.
    public init(booleanLiteral value: Bool) { self = .bool(value) }
    /// An int.
    public init(integerLiteral value: Int) { self = .int(value) }
    /// A float.
    public init(floatLiteral value: Double) { self = .double(value) }
    /// A string.
    public init(stringLiteral value: String) { self = .string(value) }
    /// A list.
    public init(arrayLiteral elements: DLSValue...) { self = .list(elements) }
    /// A map, in the literal's order.
    public init(dictionaryLiteral elements: (DLSKey, DLSValue)...) {
        var map = DLSMap()
        for (k, v) in elements { map[k] = v }
        self = .map(map)
    }
}

import TextEscaping

/// How values read as text: `str` (print, interpolation), `repr` (REPL echo, inside lists),
/// the text of a command word, and JSON.
extension Value {
    public var str: String {
        switch self {
        case .null: return "nil"
        case .bool(let b): return b ? "true" : "false"
        case .int(let i): return String(i)
        case .float(let f): return Value.formatFloat(f)
        case .rate(let r): return r.formatted()
        case .string(let s): return s.value
        case .list, .map:
            var out = ""
            var open: [ObjectIdentifier] = []
            Value.describe(self, into: &out, depth: 0, open: &open)
            return out
        case .function(let f): return "<fn \(f.proto.name)>"
        case .native(let n): return "<builtin \(n.name)>"
        case .object(let box): return box.object.displayText
        case .error(let e): return "error: " + e.message + (e.errno.map { " (\($0))" } ?? "")
        case .cell(let c): return c.value.str
        }
    }

    public var repr: String {
        if case .string(let s) = self { return Value.quote(s.value) }
        return str
    }

    /// The text a value contributes to a command word (`port show $sf` uses the port's handle).
    public var wordText: String {
        if case .object(let box) = self, let handle = box.object.field("handle"), let s = handle.stringValue { return s }
        return str
    }

    /// Containers deeper than this print as `[...]` / `{...}`: printing must not recurse without bound.
    static let maxDescribedDepth = 200

    /// A list or map as text, elements as `repr`. A container inside itself prints as `[...]` / `{...}`
    /// (as Python does), and so does anything nested too deeply; output stops at the string size limit.
    static func describe(_ value: Value, into out: inout String, depth: Int, open: inout [ObjectIdentifier]) {
        switch value {
        case .list(let l):
            let id = ObjectIdentifier(l)
            guard depth < maxDescribedDepth, !open.contains(id) else { out += "[...]"; return }
            open.append(id)
            defer { open.removeLast() }
            out += "["
            for (i, item) in l.items.enumerated() {
                if i > 0 { out += ", " }
                guard out.utf8.count < Limits.maxStringBytes else { out += "..."; break }
                describe(item, into: &out, depth: depth + 1, open: &open)
            }
            out += "]"
        case .map(let m):
            let id = ObjectIdentifier(m)
            guard depth < maxDescribedDepth, !open.contains(id) else { out += "{...}"; return }
            open.append(id)
            defer { open.removeLast() }
            out += "{"
            for (i, (key, item)) in m.entries.enumerated() {
                if i > 0 { out += ", " }
                guard out.utf8.count < Limits.maxStringBytes else { out += "..."; break }
                out += key.value.repr + ": "
                describe(item, into: &out, depth: depth + 1, open: &open)
            }
            out += "}"
        case .cell(let c):
            describe(c.value, into: &out, depth: depth, open: &open)
        default:
            out += value.repr
        }
    }

    static func formatFloat(_ f: Double) -> String {
        if f.isNaN { return "nan" }
        if f.isInfinite { return f < 0 ? "-inf" : "inf" }
        return "\(f)"
    }

    /// A dls string literal for `s` (REPL echo, inside lists): JSON's escapes, `\u{..}` for other controls.
    static func quote(_ s: String) -> String { JSONQuoting.dlsLiteral.quote(s) }
}

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

/// JSON text of a value (`json(v)`); host objects serialise through their `jsonValue`.
public enum JSONWriter {
    public static func write(_ value: Value, indent: Int? = nil) throws -> String {
        var out = ""
        try write(value, into: &out, indent: indent, level: 0, depth: 0)
        return out
    }

    static func write(_ value: Value, into out: inout String, indent: Int?, level: Int, depth: Int) throws {
        guard depth < 200 else { throw CommandFailure("json(): value nested too deeply (or contains itself)") }
        func newline(_ l: Int) {
            if let indent { out += "\n" + String(repeating: " ", count: indent * l) }
        }
        switch value {
        case .null: out += "null"
        case .bool(let b): out += b ? "true" : "false"
        case .int(let i): out += String(i)
        case .float(let f):
            guard f.isFinite else { throw CommandFailure("json(): \(Value.formatFloat(f)) has no JSON form") }
            out += "\(f)"
        case .rate(let r): out += String(r.bytesPerSecond)
        case .string(let s): out += escape(s.value)
        case .list(let l):
            out += "["
            for (i, item) in l.items.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                try write(item, into: &out, indent: indent, level: level + 1, depth: depth + 1)
            }
            if !l.items.isEmpty { newline(level) }
            out += "]"
        case .map(let m):
            out += "{"
            for (i, (k, v)) in m.entries.enumerated() {
                if i > 0 { out += "," }
                newline(level + 1)
                let keyText: String
                if let s = k.stringValue { keyText = s } else { keyText = k.value.str }
                out += escape(keyText) + (indent == nil ? ":" : ": ")
                try write(v, into: &out, indent: indent, level: level + 1, depth: depth + 1)
            }
            if !m.entries.isEmpty { newline(level) }
            out += "}"
        case .object(let box):
            try write(box.object.jsonValue, into: &out, indent: indent, level: level, depth: depth + 1)
        case .error(let e):
            var entries: [(MapKey, Value)] = [(.string("message"), .string(e.message))]
            if let errno = e.errno { entries.append((.string("errno"), .string(errno))) }
            try write(.map(MapObject(.init(uniqueKeysWithValues: entries))), into: &out, indent: indent, level: level, depth: depth + 1)
        case .function, .native:
            throw CommandFailure("json(): a function has no JSON form")
        case .cell(let c):
            try write(c.value, into: &out, indent: indent, level: level, depth: depth)
        }
    }

    /// A JSON string literal for `s`.
    public static func escape(_ s: String) -> String { JSONQuoting.strict.quote(s) }
}

import TextEscaping

/// JSON text of a value (`json(v)`); host objects serialise through their `jsonValue`. The text is
/// built as bytes and made a String once: appending piece by piece to a String went through its
/// generic append path (capacity checks, small-string merging) for every token.
public enum JSONWriter {
    public static func write(_ value: Value, indent: Int? = nil) throws -> String {
        try box(value, indent: indent).value
    }

    /// The JSON text as a string box (what `json()` returns).
    static func box(_ value: Value, indent: Int? = nil) throws -> StringBox {
        var out: [UInt8] = []
        out.reserveCapacity(256)
        try write(value, into: &out, indent: indent, level: 0, depth: 0)
        return out.withUnsafeBufferPointer { StringBox.make($0, flags: nil) }
    }

    static func write(_ value: Value, into out: inout [UInt8], indent: Int?, level: Int, depth: Int) throws {
        guard depth < 200 else { throw CommandFailure("json(): value nested too deeply (or contains itself)") }
        func newline(_ l: Int) {
            if let indent {
                out.append(UInt8(ascii: "\n"))
                out.append(contentsOf: repeatElement(UInt8(ascii: " "), count: indent * l))
            }
        }
        switch value {
        case .null: append("null", to: &out)
        case .bool(let b): append(b ? "true" : "false", to: &out)
        case .int(let i): appendDecimal(i, to: &out)
        case .float(let f):
            guard f.isFinite else { throw CommandFailure("json(): \(Value.formatFloat(f)) has no JSON form") }
            append("\(f)", to: &out)
        case .rate(let r): append(String(r.bytesPerSecond), to: &out)
        case .string(let s): appendQuoted(s, to: &out)
        case .list(let l):
            out.append(UInt8(ascii: "["))
            for (i, item) in l.items.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                try write(item, into: &out, indent: indent, level: level + 1, depth: depth + 1)
            }
            if !l.items.isEmpty { newline(level) }
            out.append(UInt8(ascii: "]"))
        case .map(let m):
            out.append(UInt8(ascii: "{"))
            for (i, (k, v)) in m.entries.enumerated() {
                if i > 0 { out.append(UInt8(ascii: ",")) }
                newline(level + 1)
                if case .string(let key) = k { appendQuoted(key, to: &out) } else { appendQuoted(StringBox.make(k.value.str), to: &out) }
                out.append(UInt8(ascii: ":"))
                if indent != nil { out.append(UInt8(ascii: " ")) }
                try write(v, into: &out, indent: indent, level: level + 1, depth: depth + 1)
            }
            if !m.entries.isEmpty { newline(level) }
            out.append(UInt8(ascii: "}"))
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

    private static func append(_ text: String, to out: inout [UInt8]) {
        var text = text
        text.withUTF8 { out.append(contentsOf: $0) }
    }

    /// `text` as `escape` quotes it; text that needs no escape (most) is copied between the quotes.
    private static func appendQuoted(_ text: StringBox, to out: inout [UInt8]) {
        let copied = text.withUTF8 { bytes -> Bool in
            guard !JSONQuoting.needsEscape(bytes) else { return false }
            out.append(UInt8(ascii: "\""))
            out.append(contentsOf: bytes)
            out.append(UInt8(ascii: "\""))
            return true
        }
        if !copied { append(escape(text.value), to: &out) }
    }

    private static func appendDecimal(_ i: Int, to out: inout [UInt8]) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 20) { buffer in
            guard let start = buffer.baseAddress else { return }
            let end = StringInterpolation.writeDecimal(i, to: start)
            out.append(contentsOf: UnsafeBufferPointer(start: start, count: end - start))
        }
    }
}

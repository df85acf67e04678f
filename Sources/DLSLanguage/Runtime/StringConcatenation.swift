/// Joins strings into one allocation with plain byte copies (String's own `+=` goes through generic
/// sequence code that dominated string-building scripts).
enum StringConcatenation {
    /// nil when the result would pass `Limits.maxStringBytes` (callers raise the error). Callers
    /// pass only `.string` values (the list items themselves, so `join` copies no array).
    static func join(_ parts: [Value], separator: String = "") -> String? {
        if parts.count == 1, case .string(let only) = parts[0] { return only.value }
        var separator = separator
        let separatorCount = separator.utf8.count
        var total = separatorCount * max(0, parts.count - 1)
        for case .string(let p) in parts { total += p.value.utf8.count }
        guard total > 0 else { return "" }
        guard total <= Limits.maxStringBytes else { return nil }
        return separator.withUTF8 { sep in
            String(unsafeUninitializedCapacity: total) { buffer in
                guard let start = buffer.baseAddress else { return 0 }
                var out = start
                for k in parts.indices {
                    guard case .string(let box) = parts[k] else { continue }
                    if k > 0, separatorCount > 0, let s = sep.baseAddress {
                        out.update(from: s, count: separatorCount)
                        out += separatorCount
                    }
                    out = copyUTF8(box, to: out)
                }
                return out - start
            }
        }
    }

    /// Copies the bytes of `box` to `out`; returns the end of what it wrote. The caller has
    /// measured the text into the room it writes to.
    @inline(__always)
    static func copyUTF8(_ box: StringBox, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        box.withUTF8 { bytes in
            guard let source = bytes.baseAddress else { return out }
            out.update(from: source, count: bytes.count)
            return out + bytes.count
        }
    }
}

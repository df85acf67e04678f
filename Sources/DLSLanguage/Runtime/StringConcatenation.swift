/// Joins strings into one box with plain byte copies (String's own `+=` goes through generic
/// sequence code that dominated string-building scripts).
enum StringConcatenation {
    /// nil when the result would pass `Limits.maxStringBytes` (callers raise the error). Callers
    /// pass only `.string` values (the list items themselves, so `join` copies no array).
    static func join(_ parts: [Value], separator: StringBox? = nil) -> StringBox? {
        if parts.count == 1, case .string(let only) = parts[0] { return only }
        let separatorCount = separator?.count ?? 0
        var total = separatorCount * max(0, parts.count - 1)
        var flags = separator?.flags ?? .both
        for case .string(let p) in parts {
            total += p.count
            flags.formIntersection(p.flags)
        }
        guard total <= Limits.maxStringBytes else { return nil }
        return StringBox.build(capacity: total, flags: flags) { start in
            var out = start
            for k in parts.indices {
                guard case .string(let box) = parts[k] else { continue }
                if k > 0, separatorCount > 0, let separator {
                    out = separator.withUTF8 { copy($0, to: out) }
                }
                out = box.withUTF8 { copy($0, to: out) }
            }
            return out - start
        }
    }

    /// `a + b`; nil past the size limit.
    static func concatenate(_ a: StringBox, _ b: StringBox) -> StringBox? {
        let total = a.count + b.count
        guard total <= Limits.maxStringBytes else { return nil }
        return StringBox.build(capacity: total, flags: a.flags.intersection(b.flags)) { start in
            let end = a.withUTF8 { copy($0, to: start) }
            return b.withUTF8 { copy($0, to: end) } - start
        }
    }

    /// Copies `bytes` to `out`; returns the end of what it wrote. The caller has measured the text
    /// into the room it writes to.
    @inline(__always)
    static func copy(_ bytes: UnsafeBufferPointer<UInt8>, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        guard let source = bytes.baseAddress else { return out }
        out.update(from: source, count: bytes.count)
        return out + bytes.count
    }

    /// Copies the bytes of `box` to `out`; returns the end of what it wrote.
    @inline(__always)
    static func copyUTF8(_ box: StringBox, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        box.withUTF8 { copy($0, to: out) }
    }
}

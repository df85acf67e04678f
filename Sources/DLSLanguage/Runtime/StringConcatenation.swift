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
                var offset = 0
                for (i, part) in parts.enumerated() {
                    guard case .string(let box) = part else { continue }
                    var piece = box.value
                    if i > 0 && separatorCount > 0 {
                        for b in sep { buffer[offset] = b; offset += 1 }
                    }
                    piece.withUTF8 { bytes in
                        guard let source = bytes.baseAddress, let target = buffer.baseAddress else { return }
                        (target + offset).update(from: source, count: bytes.count)
                        offset += bytes.count
                    }
                }
                return offset
            }
        }
    }
}

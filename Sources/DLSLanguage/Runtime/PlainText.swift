/// The string builtins (slice, indexing, iteration, contains, starts_with, ends_with, upper, lower,
/// trim, int) on a box's bytes. Text builtins count and compare characters (grapheme clusters,
/// canonical equivalence); in a plain box (ASCII without "\r") every byte is one character and two
/// plain texts are equal only when their bytes are, so bytes give the same answers without making a
/// String. Every other box takes the Character path, which defines the results. A plain needle is
/// required too: a non-ASCII text can be canonically equal to ASCII ("\u{212A}" is "K").
enum PlainText {
    /// The one-character boxes of the ASCII bytes, made once: a character of plain text is shared,
    /// not allocated per index or loop step. Shared boxes are never changed (an append to one copies
    /// it; its hash is stored atomically), so the table is safe to read from any thread.
    nonisolated(unsafe) static let characters: [StringBox] = (0..<128).map { byte in
        withUnsafePointer(to: UInt8(byte)) { StringBox.make(UnsafeBufferPointer(start: $0, count: 1), flags: byte == 0x0D ? .ascii : .both) }
    }

    /// The character at `index` (0 ≤ index < character count).
    static func character(_ box: StringBox, at index: Int) -> StringBox {
        guard box.isPlain else {
            let s = box.value
            return StringBox.make(String(s[s.index(s.startIndex, offsetBy: index)]))
        }
        return characters[Int(box.withUTF8 { $0[index] })]
    }

    /// The characters, in order.
    static func characterList(_ box: StringBox) -> [Value] {
        guard box.isPlain else { return box.value.map { .string(String($0)) } }
        return box.withUTF8 { bytes in bytes.map { Value.string(characters[Int($0)]) } }
    }

    /// The characters in `range` (of character positions, clamped by the caller).
    static func slice(_ box: StringBox, _ range: Range<Int>) -> StringBox {
        guard box.isPlain else {
            let characters = Array(box.value)
            return StringBox.make(String(characters[range]))
        }
        if range.count == box.count { return box }
        return box.withUTF8 { bytes in StringBox.make(UnsafeBufferPointer(rebasing: bytes[range]), flags: .both) }
    }

    /// Whether `needle` occurs in `text` (the empty text occurs everywhere).
    static func contains(_ text: StringBox, _ needle: StringBox) -> Bool {
        guard text.isPlain && needle.isPlain else { return needle.count == 0 || text.value.contains(needle.value) }
        return text.withUTF8 { t in needle.withUTF8 { n in find(n, in: t) != nil } }
    }

    static func hasPrefix(_ text: StringBox, _ prefix: StringBox) -> Bool {
        guard text.isPlain && prefix.isPlain else { return text.value.hasPrefix(prefix.value) }
        return text.withUTF8 { t in prefix.withUTF8 { p in p.count <= t.count && same(t, at: 0, p) } }
    }

    static func hasSuffix(_ text: StringBox, _ suffix: StringBox) -> Bool {
        guard text.isPlain && suffix.isPlain else { return text.value.hasSuffix(suffix.value) }
        return text.withUTF8 { t in suffix.withUTF8 { s in s.count <= t.count && same(t, at: t.count - s.count, s) } }
    }

    /// In capitals (`upper`) or small letters: ASCII letters map byte for byte, as String's do.
    static func changingCase(_ box: StringBox, upper: Bool) -> StringBox {
        guard box.isASCII else { return StringBox.make(upper ? box.value.uppercased() : box.value.lowercased()) }
        let (from, to): (UInt8, UInt8) = upper ? (0x61, 0x7A) : (0x41, 0x5A)
        return box.withUTF8 { bytes in
            StringBox.build(capacity: bytes.count, flags: box.flags) { out in
                for i in bytes.indices {
                    let b = bytes[i]
                    out[i] = b >= from && b <= to ? b ^ 0x20 : b
                }
                return bytes.count
            }
        }
    }

    /// Without whitespace at either end. In ASCII the whitespace characters are the bytes
    /// "\t\n\v\f\r " and "\r\n", whitespace too, so bytes trim as characters do.
    static func trim(_ box: StringBox) -> StringBox {
        guard box.isASCII else { return StringBox.make(box.value.trimmingSpaces()) }
        return box.withUTF8 { bytes in
            let r = trimmed(bytes)
            if r.count == bytes.count { return box }
            return StringBox.make(UnsafeBufferPointer(rebasing: bytes[r]), flags: box.isPlain ? .both : nil)
        }
    }

    /// `int(TEXT)` of ASCII text: decimal, or hex after "0x", with whitespace around; nil when it
    /// is not one (or not ASCII), and the caller's String path then decides, errors included.
    static func integer(_ box: StringBox) -> Int? {
        guard box.isASCII else { return nil }
        return box.withUTF8 { bytes in
            let r = trimmed(bytes)
            let t = UnsafeBufferPointer(rebasing: bytes[r])
            if let v = parse(t, radix: 10) { return v }
            guard t.count >= 2, t[0] == 0x30, t[1] == 0x78 else { return nil }
            return parse(UnsafeBufferPointer(rebasing: t[2...]), radix: 16)
        }
    }

    // MARK: bytes

    static func isWhitespace(_ b: UInt8) -> Bool { b == 0x20 || (b >= 0x09 && b <= 0x0D) }

    static func trimmed(_ bytes: UnsafeBufferPointer<UInt8>) -> Range<Int> {
        var start = 0, end = bytes.count
        while start < end, isWhitespace(bytes[start]) { start += 1 }
        while end > start, isWhitespace(bytes[end - 1]) { end -= 1 }
        return start..<end
    }

    /// As `Int(text, radix:)`: an optional sign, then one or more digits; nil on overflow.
    static func parse(_ t: UnsafeBufferPointer<UInt8>, radix: Int) -> Int? {
        var i = 0
        var negative = false
        if i < t.count, t[i] == 0x2B || t[i] == 0x2D { negative = t[i] == 0x2D; i += 1 }
        guard i < t.count else { return nil }
        // Accumulated negatively, so that Int.min parses.
        var value = 0
        while i < t.count {
            let b = t[i]
            let digit: Int
            switch b {
            case 0x30...0x39: digit = Int(b - 0x30)
            case 0x61...0x66 where radix == 16: digit = Int(b - 0x61 + 10)
            case 0x41...0x46 where radix == 16: digit = Int(b - 0x41 + 10)
            default: return nil
            }
            let (m, o1) = value.multipliedReportingOverflow(by: radix)
            let (s, o2) = m.subtractingReportingOverflow(digit)
            if o1 || o2 { return nil }
            value = s
            i += 1
        }
        if negative { return value }
        return value == Int.min ? nil : -value
    }

    static func same(_ t: UnsafeBufferPointer<UInt8>, at offset: Int, _ p: UnsafeBufferPointer<UInt8>) -> Bool {
        for j in 0..<p.count where t[offset + j] != p[j] { return false }
        return true
    }

    /// The first offset where `needle` starts in `text`.
    static func find(_ needle: UnsafeBufferPointer<UInt8>, in text: UnsafeBufferPointer<UInt8>) -> Int? {
        let n = needle.count
        guard n > 0 else { return 0 }
        guard n <= text.count else { return nil }
        let first = needle[0]
        var i = 0
        let last = text.count - n
        while i <= last {
            if text[i] == first && same(text, at: i, needle) { return i }
            i += 1
        }
        return nil
    }
}

/// `split` over bytes, for text where bytes and characters are the same thing: ASCII without a
/// carriage return (in Swift "\r\n" is one Character, which a byte split would cut in two). The
/// general split walks grapheme clusters, several times slower on the lines scripts split most.
enum ASCIISplit {
    /// The parts of `text` around each `separator` (empty parts kept), or nil when either is not
    /// plain ASCII.
    static func split(_ text: StringBox, separator: StringBox) -> [Value]? {
        guard text.isPlain, separator.isPlain else { return nil }
        return text.withUTF8 { t in
            separator.withUTF8 { sep -> [Value]? in
                guard let first = sep.first, let base = t.baseAddress else { return nil }
                let n = t.count, sepCount = sep.count
                // Past `end` no separator fits.
                let end = n - sepCount + 1
                // A first pass counts the parts so that the list is sized once.
                var count = 1, i = 0
                while true {
                    i = find(first, base, from: i, to: end)
                    guard i < end else { break }
                    if matches(t, at: i, sep) { count += 1; i += sepCount } else { i += 1 }
                }
                var parts: [Value] = []
                parts.reserveCapacity(count)
                var start = 0
                i = 0
                while true {
                    i = find(first, base, from: i, to: end)
                    guard i < end else { break }
                    if matches(t, at: i, sep) {
                        parts.append(.string(StringBox.make(UnsafeBufferPointer(start: base + start, count: i - start), flags: .both)))
                        i += sepCount
                        start = i
                    } else {
                        i += 1
                    }
                }
                parts.append(.string(StringBox.make(UnsafeBufferPointer(start: base + start, count: n - start), flags: .both)))
                return parts
            }
        }
    }

    /// The parts of `text` between runs of blanks (space, tab, newline), or nil when it is not plain ASCII.
    static func splitAtBlanks(_ text: StringBox) -> [Value]? {
        guard text.isPlain else { return nil }
        return text.withUTF8 { t -> [Value]? in
            var parts: [Value] = []
            var start: Int? = nil
            func part(_ range: Range<Int>) -> Value { .string(StringBox.make(UnsafeBufferPointer(rebasing: t[range]), flags: .both)) }
            for (i, byte) in t.enumerated() {
                let blank = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if blank, let s = start {
                    parts.append(part(s..<i))
                    start = nil
                } else if !blank && start == nil {
                    start = i
                }
            }
            if let s = start { parts.append(part(s..<t.count)) }
            return parts
        }
    }

    /// The position of the first `byte` in `base[from..<end]`, or `end`: eight bytes a test (a
    /// byte equal to `byte` is a zero byte after the xor, and the lowest flagged byte is exact).
    @inline(__always)
    static func find(_ byte: UInt8, _ base: UnsafePointer<UInt8>, from: Int, to end: Int) -> Int {
        var i = from
        let pattern = UInt64(byte) &* 0x0101_0101_0101_0101
        while i + 8 <= end {
            let x = UnsafeRawPointer(base + i).loadUnaligned(as: UInt64.self) ^ pattern
            let hit = (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080
            if hit != 0 { return i + hit.trailingZeroBitCount / 8 }
            i += 8
        }
        while i < end {
            if base[i] == byte { return i }
            i += 1
        }
        return max(i, end)
    }

    private static func matches(_ t: UnsafeBufferPointer<UInt8>, at i: Int, _ sep: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 1
        while k < sep.count {
            if t[i + k] != sep[k] { return false }
            k += 1
        }
        return true
    }
}

/// `split` over bytes, for text where bytes and characters are the same thing: ASCII without a
/// carriage return (in Swift "\r\n" is one Character, which a byte split would cut in two). The
/// general split walks grapheme clusters, several times slower on the lines scripts split most.
enum ASCIISplit {
    /// The parts of `text` around each `separator` (empty parts kept), or nil when either is not
    /// plain ASCII.
    static func split(_ text: String, separator: String) -> [Value]? {
        var text = text, separator = separator
        return text.withUTF8 { t in
            separator.withUTF8 { sep -> [Value]? in
                guard isPlain(t), isPlain(sep), let first = sep.first else { return nil }
                var parts: [Value] = []
                let last = t.count - sep.count
                // A first pass counts the parts (a byte compare each) so that the list is sized once.
                var count = 1, i = 0
                while i <= last {
                    if t[i] == first && matches(t, at: i, sep) { count += 1; i += sep.count } else { i += 1 }
                }
                parts.reserveCapacity(count)
                var start = 0
                i = 0
                while i <= last {
                    if t[i] == first && matches(t, at: i, sep) {
                        parts.append(.string(String(decoding: UnsafeBufferPointer(rebasing: t[start..<i]), as: UTF8.self)))
                        i += sep.count
                        start = i
                    } else {
                        i += 1
                    }
                }
                parts.append(.string(String(decoding: UnsafeBufferPointer(rebasing: t[start...]), as: UTF8.self)))
                return parts
            }
        }
    }

    /// The parts of `text` between runs of blanks (space, tab, newline), or nil when it is not plain ASCII.
    static func splitAtBlanks(_ text: String) -> [Value]? {
        var text = text
        return text.withUTF8 { t -> [Value]? in
            guard isPlain(t) else { return nil }
            var parts: [Value] = []
            var start: Int? = nil
            for (i, byte) in t.enumerated() {
                let blank = byte == 0x20 || byte == 0x09 || byte == 0x0A
                if blank, let s = start {
                    parts.append(.string(String(decoding: UnsafeBufferPointer(rebasing: t[s..<i]), as: UTF8.self)))
                    start = nil
                } else if !blank && start == nil {
                    start = i
                }
            }
            if let s = start { parts.append(.string(String(decoding: UnsafeBufferPointer(rebasing: t[s...]), as: UTF8.self))) }
            return parts
        }
    }

    private static func isPlain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool { ASCIIBytes.plain(bytes) }

    private static func matches(_ t: UnsafeBufferPointer<UInt8>, at i: Int, _ sep: UnsafeBufferPointer<UInt8>) -> Bool {
        var k = 1
        while k < sep.count {
            if t[i + k] != sep[k] { return false }
            k += 1
        }
        return true
    }
}

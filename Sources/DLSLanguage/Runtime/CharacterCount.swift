/// `len` of a string counts characters (grapheme clusters), which String.count finds by walking
/// the Unicode segmentation rules: ~20 instructions a byte. For ASCII text, the usual case here,
/// every byte is one character except "\r\n", which is one together; this checks eight bytes at
/// a time and falls back to String.count only when it meets a non-ASCII byte.
enum CharacterCount {
    /// A plain box (ASCII without "\r") counts its bytes without a scan.
    static func of(_ box: StringBox) -> Int {
        if box.isPlain { return box.count }
        return box.withUTF8 { ascii($0) } ?? box.value.count
    }

    static func of(_ s: String) -> Int {
        var s = s
        return s.withUTF8 { ascii($0) } ?? s.count
    }

    /// The characters of ASCII bytes, or nil when a byte is not ASCII.
    static func ascii(_ bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        guard let start = bytes.baseAddress else { return 0 }
        let n = bytes.count
        var pairs = 0   // "\r\n" pairs
        var i = 0
        // Thirty-two bytes per test while no byte is non-ASCII or "\r" (long texts: joined output).
        while i + 32 <= n {
            let raw = UnsafeRawPointer(start + i)
            let a = raw.loadUnaligned(as: UInt64.self), b = raw.loadUnaligned(fromByteOffset: 8, as: UInt64.self)
            let c = raw.loadUnaligned(fromByteOffset: 16, as: UInt64.self), d = raw.loadUnaligned(fromByteOffset: 24, as: UInt64.self)
            if (a | b | c | d | carriageReturns(a) | carriageReturns(b) | carriageReturns(c) | carriageReturns(d)) & 0x8080_8080_8080_8080 != 0 { break }
            i += 32
        }
        while i + 8 <= n {
            let word = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
            if word & 0x8080_8080_8080_8080 != 0 { return nil }
            if carriageReturns(word) & 0x8080_8080_8080_8080 != 0 {
                for j in i..<i + 8 where start[j] == 0x0D && j + 1 < n && start[j + 1] == 0x0A { pairs += 1 }
            }
            i += 8
        }
        while i < n {
            if start[i] >= 0x80 { return nil }
            if start[i] == 0x0D && i + 1 < n && start[i + 1] == 0x0A { pairs += 1 }
            i += 1
        }
        return n - pairs
    }

    /// High bits set where a byte of `word` may be "\r" (after the xor it is zero: the has-zero-byte
    /// test, exact when the word is ASCII); nonzero if and only if an ASCII word holds one.
    @inline(__always)
    static func carriageReturns(_ word: UInt64) -> UInt64 {
        let x = word ^ 0x0D0D_0D0D_0D0D_0D0D
        return (x &- 0x0101_0101_0101_0101) & ~x
    }
}

enum ASCIIBytes {
    /// Whether every byte is ASCII, eight at a time.
    static func all(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            if UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if start[i] >= 0x80 { return false }
            i += 1
        }
        return true
    }

    /// Whether every byte is ASCII and none is "\r" (bytes are then characters), eight at a time.
    static func plain(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        guard let start = bytes.baseAddress else { return true }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            let word = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
            if (word | CharacterCount.carriageReturns(word)) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if start[i] >= 0x80 || start[i] == 0x0D { return false }
            i += 1
        }
        return true
    }
}

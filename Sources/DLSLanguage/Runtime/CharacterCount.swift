/// `len` of a string counts characters (grapheme clusters), which String.count finds by walking
/// the Unicode segmentation rules: ~20 instructions a byte. For ASCII text, the usual case here,
/// every byte is one character except "\r\n", which is one together; this checks eight bytes at
/// a time and falls back to String.count only when it meets a non-ASCII byte.
enum CharacterCount {
    static func of(_ s: String) -> Int {
        var s = s
        let ascii: Int? = s.withUTF8 { bytes in
            guard let start = bytes.baseAddress else { return 0 }
            let n = bytes.count
            var pairs = 0   // "\r\n" pairs
            var i = 0
            while i + 8 <= n {
                let word = UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self)
                if word & 0x8080_8080_8080_8080 != 0 { return nil }
                // A byte equal to "\r": zero after the xor (the classic has-zero-byte test).
                let x = word ^ 0x0D0D_0D0D_0D0D_0D0D
                if (x &- 0x0101_0101_0101_0101) & ~x & 0x8080_8080_8080_8080 != 0 {
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
        return ascii ?? s.count
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
            // A byte equal to "\r" is zero after the xor (the has-zero-byte test).
            let x = word ^ 0x0D0D_0D0D_0D0D_0D0D
            if (word | ((x &- 0x0101_0101_0101_0101) & ~x)) & 0x8080_8080_8080_8080 != 0 { return false }
            i += 8
        }
        while i < n {
            if start[i] >= 0x80 || start[i] == 0x0D { return false }
            i += 1
        }
        return true
    }
}

/// Bounds-checked reads and host-order writes over byte arrays. Netlink integers are in host
/// byte order; every read checks its range first, so hostile lengths become errors, not traps.
enum Bytes {
    /// Round up to the 4-byte netlink alignment (NLMSG_ALIGN / NLA_ALIGN).
    @inline(__always)
    static func align4(_ n: Int) -> Int { (n + 3) & ~3 }

    static func read<T: FixedWidthInteger>(_ type: T.Type, _ bytes: [UInt8], at offset: Int) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset >= 0, size <= bytes.count, offset <= bytes.count - size else {
            throw NetlinkError.truncated("\(size)-byte integer at offset \(offset) of \(bytes.count) bytes")
        }
        return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    }

    /// Reads from a slice; `offset` counts from the slice's start.
    static func read<T: FixedWidthInteger>(_ type: T.Type, _ bytes: ArraySlice<UInt8>, at offset: Int) throws -> T {
        let size = MemoryLayout<T>.size
        guard offset >= 0, size <= bytes.count, offset <= bytes.count - size else {
            throw NetlinkError.truncated("\(size)-byte integer at offset \(offset) of \(bytes.count) bytes")
        }
        return bytes.withUnsafeBytes { $0.loadUnaligned(fromByteOffset: offset, as: T.self) }
    }

    /// Appends `value` in host byte order, a byte at a time: the generic `append(contentsOf:)` of a
    /// raw buffer cost more than the message itself.
    @inline(__always)
    static func append<T: FixedWidthInteger>(_ value: T, to bytes: inout [UInt8]) {
        // Shifting the little-endian form out low byte first yields the bytes in memory order.
        let memoryOrder = value.littleEndian
        for i in 0..<MemoryLayout<T>.size {
            bytes.append(UInt8(truncatingIfNeeded: memoryOrder >> (8 * i)))
        }
    }

    static func encode<T: FixedWidthInteger>(_ value: T) -> [UInt8] {
        withUnsafeBytes(of: value) { Array($0) }
    }

    /// Overwrite an integer already reserved in `bytes` (used to patch lengths).
    static func store<T: FixedWidthInteger>(_ value: T, into bytes: inout [UInt8], at offset: Int) {
        let size = MemoryLayout<T>.size
        guard offset >= 0, offset + size <= bytes.count else { return }
        withUnsafeBytes(of: value) { raw in
            for i in 0..<size { bytes[offset + i] = raw[i] }
        }
    }

    /// Pad with zero bytes to the next 4-byte boundary.
    static func pad(_ bytes: inout [UInt8]) {
        while bytes.count & 3 != 0 { bytes.append(0) }
    }

    static func slice(_ bytes: [UInt8], from: Int, count: Int) throws -> [UInt8] {
        guard from >= 0, count >= 0, from <= bytes.count, count <= bytes.count - from else {
            throw NetlinkError.truncated("\(count) bytes at offset \(from) of \(bytes.count)")
        }
        return Array(bytes[from..<(from + count)])
    }
}

extension Array where Element == UInt8 {
    /// Lower-case hex without separators, as stored in fixtures.
    public var hexString: String {
        let digits = Swift.Array<Character>("0123456789abcdef")
        var s = ""
        s.reserveCapacity(count * 2)
        for b in self {
            s.append(digits[Int(b >> 4)])
            s.append(digits[Int(b & 0xF)])
        }
        return s
    }

    /// Parses hex (whitespace ignored); nil on an odd digit count or a non-hex character.
    public init?(hexString: String) {
        var out: [UInt8] = []
        var high: UInt8?
        for c in hexString.unicodeScalars {
            if c == " " || c == "\n" || c == "\t" { continue }
            guard let v = UInt8(String(c), radix: 16) else { return nil }
            if let h = high { out.append(h << 4 | v); high = nil } else { high = v }
        }
        guard high == nil else { return nil }
        self = out
    }
}

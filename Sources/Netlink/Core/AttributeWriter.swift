/// Builds a run of netlink attributes with 4-byte padding and nesting. Every value is written straight
/// into one buffer (no array per attribute: those allocations were most of a request's cost).
public struct AttributeWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Set NLA_F_NESTED on nests (libmnl does; iproute2's rtnetlink helpers do not).
    public var markNested: Bool

    public init(markNested: Bool = true) {
        self.markNested = markNested
        bytes.reserveCapacity(64)  // a devlink handle and a few values fit
    }

    /// The 4-byte attribute header for a payload of `count` bytes.
    private mutating func header(_ type: UInt16, payloadCount count: Int) {
        appendZeros(4) { Self.storeHeader(type, payloadCount: count, at: $0) }
    }

    /// Writes `struct nlattr` (length, then type, host order) at `p`.
    @inline(__always)
    private static func storeHeader(_ type: UInt16, payloadCount: Int, at p: UnsafeMutableRawPointer) {
        p.storeBytes(of: UInt16(truncatingIfNeeded: 4 + payloadCount), as: UInt16.self)
        (p + 2).storeBytes(of: type, as: UInt16.self)
    }

    /// Appends `count` bytes that `write` fills in on top of zeros: the attribute is built on the stack
    /// and appended with one copy (appending zeros first, or a byte at a time, cost more per request
    /// than its round trip to the kernel).
    @inline(__always)
    private mutating func appendZeros(_ count: Int, _ write: (UnsafeMutableRawPointer) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: count) { buffer in
            buffer.initialize(repeating: 0)
            write(UnsafeMutableRawPointer(buffer.baseAddress!))
            bytes.append(contentsOf: UnsafeBufferPointer(buffer))
        }
    }

    public mutating func put(_ type: UInt16, _ payload: [UInt8]) {
        payload.withUnsafeBytes { put(type, $0) }
    }

    /// An attribute with `payload` (padded to 4 bytes).
    private mutating func put(_ type: UInt16, _ payload: UnsafeRawBufferPointer) {
        appendZeros(Bytes.align4(4 + payload.count)) { p in
            Self.storeHeader(type, payloadCount: payload.count, at: p)
            if let source = payload.baseAddress { (p + 4).copyMemory(from: source, byteCount: payload.count) }
        }
    }

    /// One fixed-size integer attribute in host byte order.
    private mutating func putInteger<T: FixedWidthInteger>(_ attribute: UInt16, _ v: T) {
        appendZeros(Bytes.align4(4 + MemoryLayout<T>.size)) { p in
            Self.storeHeader(attribute, payloadCount: MemoryLayout<T>.size, at: p)
            (p + 4).storeBytes(of: v, as: T.self)
        }
    }

    public mutating func putU8(_ type: UInt16, _ v: UInt8) { putInteger(type, v) }
    public mutating func putU16(_ type: UInt16, _ v: UInt16) { putInteger(type, v) }
    public mutating func putU32(_ type: UInt16, _ v: UInt32) { putInteger(type, v) }
    public mutating func putS32(_ type: UInt16, _ v: Int32) { putInteger(type, v) }
    public mutating func putBE32(_ type: UInt16, _ v: UInt32) { putInteger(type, v.bigEndian) }

    /// u64 without alignment padding, as iproute2 sends it (the kernel reads unaligned u64s).
    public mutating func putU64(_ type: UInt16, _ v: UInt64) { putInteger(type, v) }

    /// u64 preceded by a zero-length `padType` attribute when needed so the payload is 8-byte
    /// aligned relative to `base` (the offset of this writer's bytes in the message), like
    /// the kernel's `nla_put_u64_64bit`.
    public mutating func putU64Aligned(_ type: UInt16, _ v: UInt64, padType: UInt16, base: Int) {
        if (base + bytes.count + 4) % 8 != 0 { putFlag(padType) }
        putU64(type, v)
    }

    /// NUL-terminated string (NLA_NUL_STRING / NLA_STRING both accept it).
    public mutating func putString(_ type: UInt16, _ s: String) {
        var s = s
        s.withUTF8 { text in
            // One more zero than the text: the terminating NUL.
            appendZeros(Bytes.align4(4 + text.count + 1)) { p in
                Self.storeHeader(type, payloadCount: text.count + 1, at: p)
                if let source = text.baseAddress { (p + 4).copyMemory(from: source, byteCount: text.count) }
            }
        }
    }

    /// Zero-length flag attribute.
    public mutating func putFlag(_ type: UInt16) { header(type, payloadCount: 0) }

    public mutating func putBitfield32(_ type: UInt16, value: UInt32, selector: UInt32) {
        appendZeros(12) { p in
            Self.storeHeader(type, payloadCount: 8, at: p)
            (p + 4).storeBytes(of: value, as: UInt32.self)
            (p + 8).storeBytes(of: selector, as: UInt32.self)
        }
    }

    /// A nested attribute whose body is written by `body`.
    public mutating func nest(_ type: UInt16, _ body: (inout AttributeWriter) -> Void) {
        var inner = AttributeWriter(markNested: markNested)
        body(&inner)
        put(markNested ? type | AttributeFlag.nested : type, inner.bytes)
    }

    public mutating func append(raw: [UInt8]) {
        bytes.append(contentsOf: raw)
        Bytes.pad(&bytes)
    }
}

/// Builds a run of netlink attributes with 4-byte padding and nesting.
public struct AttributeWriter: Sendable {
    public private(set) var bytes: [UInt8] = []
    /// Set NLA_F_NESTED on nests (libmnl does; iproute2's rtnetlink helpers do not).
    public var markNested: Bool

    public init(markNested: Bool = true) { self.markNested = markNested }

    public mutating func put(_ type: UInt16, _ payload: [UInt8]) {
        let length = 4 + payload.count
        Bytes.append(UInt16(truncatingIfNeeded: length), to: &bytes)
        Bytes.append(type, to: &bytes)
        bytes.append(contentsOf: payload)
        Bytes.pad(&bytes)
    }

    public mutating func putU8(_ type: UInt16, _ v: UInt8) { put(type, [v]) }
    public mutating func putU16(_ type: UInt16, _ v: UInt16) { put(type, Bytes.encode(v)) }
    public mutating func putU32(_ type: UInt16, _ v: UInt32) { put(type, Bytes.encode(v)) }
    public mutating func putS32(_ type: UInt16, _ v: Int32) { put(type, Bytes.encode(v)) }
    public mutating func putBE32(_ type: UInt16, _ v: UInt32) { put(type, Bytes.encode(v.bigEndian)) }

    /// u64 without alignment padding, as iproute2 sends it (the kernel reads unaligned u64s).
    public mutating func putU64(_ type: UInt16, _ v: UInt64) { put(type, Bytes.encode(v)) }

    /// u64 preceded by a zero-length `padType` attribute when needed so the payload is 8-byte
    /// aligned relative to `base` (the offset of this writer's bytes in the message), like
    /// the kernel's `nla_put_u64_64bit`.
    public mutating func putU64Aligned(_ type: UInt16, _ v: UInt64, padType: UInt16, base: Int) {
        if (base + bytes.count + 4) % 8 != 0 { put(padType, []) }
        putU64(type, v)
    }

    /// NUL-terminated string (NLA_NUL_STRING / NLA_STRING both accept it).
    public mutating func putString(_ type: UInt16, _ s: String) { put(type, Array(s.utf8) + [0]) }

    /// Zero-length flag attribute.
    public mutating func putFlag(_ type: UInt16) { put(type, []) }

    public mutating func putBitfield32(_ type: UInt16, value: UInt32, selector: UInt32) {
        put(type, Bytes.encode(value) + Bytes.encode(selector))
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

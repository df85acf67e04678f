/// One netlink attribute (TLV) as received. `type` has the NESTED / NET_BYTEORDER bits removed.
public struct Attribute: Sendable, Equatable {
    public let type: UInt16
    /// The sender set NLA_F_NESTED.
    public let nestedFlag: Bool
    public let payload: [UInt8]

    public init(type: UInt16, nestedFlag: Bool = false, payload: [UInt8]) {
        self.type = type
        self.nestedFlag = nestedFlag
        self.payload = payload
    }

    public func u8() throws -> UInt8 { try fixed(UInt8.self) }
    public func u16() throws -> UInt16 { try fixed(UInt16.self) }
    public func u32() throws -> UInt32 { try fixed(UInt32.self) }
    public func u64() throws -> UInt64 { try fixed(UInt64.self) }
    public func s32() throws -> Int32 { try fixed(Int32.self) }

    /// NLA_UINT: 4 or 8 bytes.
    public func uint() throws -> UInt64 {
        switch payload.count {
        case 4: return UInt64(try fixed(UInt32.self))
        case 8: return try fixed(UInt64.self)
        default: throw NetlinkError.malformed("uint attribute \(type) has \(payload.count) bytes")
        }
    }

    /// 16/32-bit network-order integer (e.g. IPv4 addresses in bond ARP targets).
    public func be32() throws -> UInt32 { UInt32(bigEndian: try fixed(UInt32.self)) }

    /// A string; a trailing NUL (and anything after the first NUL) is dropped. Invalid UTF-8 is repaired.
    public func string() -> String {
        let end = payload.firstIndex(of: 0) ?? payload.count
        return String(decoding: payload[..<end], as: UTF8.self)
    }

    /// `struct nla_bitfield32 { u32 value; u32 selector; }`.
    public func bitfield32() throws -> (value: UInt32, selector: UInt32) {
        guard payload.count == 8 else { throw NetlinkError.malformed("bitfield32 attribute \(type) has \(payload.count) bytes") }
        return (try Bytes.read(UInt32.self, payload, at: 0), try Bytes.read(UInt32.self, payload, at: 4))
    }

    /// The attributes nested in this one.
    public func nested() throws -> AttributeList { try AttributeList(parsing: payload) }

    /// Kernel payloads may be longer than the type (liberal senders); shorter is an error.
    private func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        guard payload.count >= MemoryLayout<T>.size else {
            throw NetlinkError.malformed("attribute \(type): \(payload.count) bytes, want \(MemoryLayout<T>.size)")
        }
        return try Bytes.read(T.self, payload, at: 0)
    }
}

/// A parsed run of attributes, in wire order (repeated types are kept).
public struct AttributeList: Sendable, Equatable, Sequence {
    public let attributes: [Attribute]

    public init(_ attributes: [Attribute]) { self.attributes = attributes }

    /// Parses `bytes[start...]` as TLVs. Lengths that overrun the buffer or are < 4 are errors;
    /// a final chunk shorter than one header is tolerated only if it is padding (all zero).
    public init(parsing bytes: [UInt8], from start: Int = 0) throws {
        var out: [Attribute] = []
        var offset = start
        while offset < bytes.count {
            let remaining = bytes.count - offset
            guard remaining >= 4 else {
                if bytes[offset...].allSatisfy({ $0 == 0 }) { break }
                throw NetlinkError.truncated("attribute header at offset \(offset)")
            }
            let length = Int(try Bytes.read(UInt16.self, bytes, at: offset))
            let rawType = try Bytes.read(UInt16.self, bytes, at: offset + 2)
            guard length >= 4 else { throw NetlinkError.malformed("attribute length \(length) at offset \(offset)") }
            guard length <= remaining else {
                throw NetlinkError.truncated("attribute type \(rawType & AttributeFlag.typeMask) wants \(length) bytes, \(remaining) left")
            }
            let payload = try Bytes.slice(bytes, from: offset + 4, count: length - 4)
            out.append(Attribute(type: rawType & AttributeFlag.typeMask,
                                 nestedFlag: rawType & AttributeFlag.nested != 0, payload: payload))
            offset += Bytes.align4(length)
        }
        attributes = out
    }

    public func makeIterator() -> IndexingIterator<[Attribute]> { attributes.makeIterator() }

    /// The first attribute of `type`, if any.
    public subscript(type: UInt16) -> Attribute? { attributes.first { $0.type == type } }

    /// Every attribute of `type` (multi-attrs such as RATE_TC_BWS, INFO_VERSION_*).
    public func all(_ type: UInt16) -> [Attribute] { attributes.filter { $0.type == type } }

    public func contains(_ type: UInt16) -> Bool { attributes.contains { $0.type == type } }

    /// A required attribute; `name` makes the error readable.
    public func require(_ type: UInt16, _ name: String) throws -> Attribute {
        guard let a = self[type] else { throw NetlinkError.missingAttribute(name) }
        return a
    }
}

#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// One netlink attribute (TLV) as received. `type` has the NESTED / NET_BYTEORDER bits removed.
public struct Attribute: Sendable, Equatable {
    public let type: UInt16
    /// The sender set NLA_F_NESTED.
    public let nestedFlag: Bool
    /// The payload, sharing the storage of the message it was read from (no copy per attribute).
    public let bytes: ArraySlice<UInt8>

    public init(type: UInt16, nestedFlag: Bool = false, payload: [UInt8]) {
        self.init(type: type, nestedFlag: nestedFlag, bytes: payload[...])
    }

    init(type: UInt16, nestedFlag: Bool, bytes: ArraySlice<UInt8>) {
        (self.type, self.nestedFlag, self.bytes) = (type, nestedFlag, bytes)
    }

    /// The payload as an array of its own.
    public var payload: [UInt8] { Array(bytes) }

    public func u8() throws -> UInt8 { try fixed(UInt8.self) }
    public func u16() throws -> UInt16 { try fixed(UInt16.self) }
    public func u32() throws -> UInt32 { try fixed(UInt32.self) }
    public func u64() throws -> UInt64 { try fixed(UInt64.self) }
    public func s32() throws -> Int32 { try fixed(Int32.self) }

    /// NLA_UINT: 4 or 8 bytes.
    public func uint() throws -> UInt64 {
        switch bytes.count {
        case 4: return UInt64(try fixed(UInt32.self))
        case 8: return try fixed(UInt64.self)
        default: throw NetlinkError.malformed("uint attribute \(type) has \(bytes.count) bytes")
        }
    }

    /// 16/32-bit network-order integer (e.g. IPv4 addresses in bond ARP targets).
    public func be32() throws -> UInt32 { UInt32(bigEndian: try fixed(UInt32.self)) }

    /// A string; a trailing NUL (and anything after the first NUL) is dropped. Invalid UTF-8 is repaired.
    public func string() -> String { bytes.withUnsafeBytes(Attribute.string) }

    /// `string()` of a payload wherever it lies.
    static func string(_ payload: UnsafeRawBufferPointer) -> String {
        guard let start = payload.baseAddress else { return "" }
        let end = memchr(start, 0, payload.count).map { UnsafeRawPointer($0) - start } ?? payload.count
        return String(decoding: UnsafeRawBufferPointer(rebasing: payload[..<end]), as: UTF8.self)
    }

    /// `struct nla_bitfield32 { u32 value; u32 selector; }`.
    public func bitfield32() throws -> (value: UInt32, selector: UInt32) {
        guard bytes.count == 8 else { throw NetlinkError.malformed("bitfield32 attribute \(type) has \(bytes.count) bytes") }
        return (try Bytes.read(UInt32.self, bytes, at: 0), try Bytes.read(UInt32.self, bytes, at: 4))
    }

    /// The attributes nested in this one (offsets in errors count from the start of this payload).
    public func nested() throws -> AttributeList { try AttributeList(parsing: bytes, origin: bytes.startIndex) }

    /// Kernel payloads may be longer than the type (liberal senders); shorter is an error.
    func fixed<T: FixedWidthInteger>(_: T.Type) throws -> T {
        try bytes.withUnsafeBytes { try Attribute.integer(T.self, type: type, $0) }
    }

    /// `fixed` on a payload of attribute `type` wherever it lies.
    static func integer<T: FixedWidthInteger>(_: T.Type, type: UInt16, _ payload: UnsafeRawBufferPointer) throws -> T {
        guard payload.count >= MemoryLayout<T>.size else {
            throw NetlinkError.malformed("attribute \(type): \(payload.count) bytes, want \(MemoryLayout<T>.size)")
        }
        return payload.loadUnaligned(as: T.self)
    }
}

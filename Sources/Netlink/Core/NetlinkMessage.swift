/// `struct nlmsghdr`: 16 bytes, host order.
public struct NetlinkHeader: Sendable, Equatable {
    public static let size = 16
    public var length: UInt32
    public var type: UInt16
    public var flags: NetlinkFlags
    public var sequence: UInt32
    public var portID: UInt32

    public init(length: UInt32 = 0, type: UInt16, flags: NetlinkFlags, sequence: UInt32 = 0, portID: UInt32 = 0) {
        (self.length, self.type, self.flags, self.sequence, self.portID) = (length, type, flags, sequence, portID)
    }

    public var bytes: [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(16)
        write(length: length, to: &b)
        return b
    }

    /// Appends the header with `length` in place of its own.
    func write(length: UInt32, to b: inout [UInt8]) {
        Bytes.append(length, to: &b)
        Bytes.append(type, to: &b)
        Bytes.append(flags.rawValue, to: &b)
        Bytes.append(sequence, to: &b)
        Bytes.append(portID, to: &b)
    }

    public init(parsing bytes: [UInt8], at offset: Int = 0) throws {
        try self.init(parsing: bytes[...], at: offset)
    }

    /// `offset` counts from the slice's start.
    init(parsing bytes: ArraySlice<UInt8>, at offset: Int) throws {
        guard offset >= 0, bytes.count >= NetlinkHeader.size, offset <= bytes.count - NetlinkHeader.size else {
            // Name the first field that does not fit, as reading field by field did.
            let field = [(0, 4), (4, 2), (6, 2), (8, 4), (12, 4)].first { offset < 0 || offset + $0.0 + $0.1 > bytes.count } ?? (0, 4)
            throw NetlinkError.truncated("\(field.1)-byte integer at offset \(offset + field.0) of \(bytes.count) bytes")
        }
        (length, type, flags, sequence, portID) = bytes.withUnsafeBytes { raw in
            (raw.loadUnaligned(fromByteOffset: offset, as: UInt32.self),
             raw.loadUnaligned(fromByteOffset: offset + 4, as: UInt16.self),
             NetlinkFlags(rawValue: raw.loadUnaligned(fromByteOffset: offset + 6, as: UInt16.self)),
             raw.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self),
             raw.loadUnaligned(fromByteOffset: offset + 12, as: UInt32.self))
        }
    }
}

/// One netlink message: header + payload (family header and attributes, not yet interpreted).
public struct NetlinkMessage: Sendable, Equatable {
    public var header: NetlinkHeader
    /// The payload where it lies: received messages share their datagram's storage.
    public var body: ArraySlice<UInt8>

    public init(header: NetlinkHeader, payload: [UInt8]) {
        self.init(header: header, body: payload[...])
    }

    init(header: NetlinkHeader, body: ArraySlice<UInt8>) {
        self.header = header
        self.body = body
    }

    /// The payload as an array of its own.
    public var payload: [UInt8] { Array(body) }

    /// Wire bytes with `length` filled in.
    public var bytes: [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(NetlinkHeader.size + body.count)
        header.write(length: UInt32(NetlinkHeader.size + body.count), to: &b)
        b.append(contentsOf: body)
        return b
    }

    /// Splits one received datagram into messages. Any length that does not fit is an error.
    public static func parseAll(_ bytes: [UInt8]) throws -> [NetlinkMessage] {
        var out: [NetlinkMessage] = []
        try forEach(in: bytes) { out.append($0) }
        return out
    }

    /// Hands each message of a datagram to `body` in order; their payloads are slices of `bytes`.
    static func forEach(in bytes: [UInt8], _ body: (NetlinkMessage) throws -> Void) throws {
        try forEach(in: bytes[...], body)
    }

    /// The same on a slice; offsets in errors count from its start.
    static func forEach(in bytes: ArraySlice<UInt8>, _ body: (NetlinkMessage) throws -> Void) throws {
        let base = bytes.startIndex
        var offset = 0
        while offset < bytes.count {
            guard bytes.count - offset >= NetlinkHeader.size else {
                throw NetlinkError.truncated("netlink header at offset \(offset) (\(bytes.count - offset) bytes left)")
            }
            let header = try NetlinkHeader(parsing: bytes, at: offset)
            let length = Int(header.length)
            guard length >= NetlinkHeader.size else { throw NetlinkError.malformed("nlmsg_len \(length) < 16") }
            guard length <= bytes.count - offset else {
                throw NetlinkError.truncated("message wants \(length) bytes, \(bytes.count - offset) left")
            }
            try body(NetlinkMessage(header: header, body: bytes[(base + offset + NetlinkHeader.size)..<(base + offset + length)]))
            offset += Bytes.align4(length)
        }
    }

    /// Attributes after a fixed family header of `familyHeaderSize` bytes.
    public func attributes(after familyHeaderSize: Int) throws -> AttributeList {
        try checkFamilyHeader(familyHeaderSize)
        return try AttributeList(parsing: body[(body.startIndex + familyHeaderSize)...], origin: body.startIndex)
    }

    /// The same attributes read in place through an index, for a reader done with them inside `read`.
    func withAttributes<R>(after familyHeaderSize: Int, _ read: (AttributeIndex) throws -> R) throws -> R {
        try checkFamilyHeader(familyHeaderSize)
        return try AttributeIndex.with(body[(body.startIndex + familyHeaderSize)...], origin: body.startIndex, read)
    }

    private func checkFamilyHeader(_ size: Int) throws {
        guard body.count >= size else {
            throw NetlinkError.truncated("family header needs \(size) bytes, payload has \(body.count)")
        }
    }
}

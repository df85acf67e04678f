/// `struct nlmsghdr`: 16 bytes, host order.
public struct NetlinkHeader: Sendable, Equatable {
    public static let size = 16
    public var length: UInt32
    public var type: UInt16
    public var flags: NetlinkFlags
    public var sequence: UInt32
    public var portID: UInt32

    public init(length: UInt32 = 0, type: UInt16, flags: NetlinkFlags, sequence: UInt32 = 0, portID: UInt32 = 0) {
        self.length = length
        self.type = type
        self.flags = flags
        self.sequence = sequence
        self.portID = portID
    }

    public var bytes: [UInt8] {
        var b: [UInt8] = []
        b.reserveCapacity(16)
        Bytes.append(length, to: &b)
        Bytes.append(type, to: &b)
        Bytes.append(flags.rawValue, to: &b)
        Bytes.append(sequence, to: &b)
        Bytes.append(portID, to: &b)
        return b
    }

    public init(parsing bytes: [UInt8], at offset: Int = 0) throws {
        length = try Bytes.read(UInt32.self, bytes, at: offset)
        type = try Bytes.read(UInt16.self, bytes, at: offset + 4)
        flags = NetlinkFlags(rawValue: try Bytes.read(UInt16.self, bytes, at: offset + 6))
        sequence = try Bytes.read(UInt32.self, bytes, at: offset + 8)
        portID = try Bytes.read(UInt32.self, bytes, at: offset + 12)
    }
}

/// One netlink message: header + payload (family header and attributes, not yet interpreted).
public struct NetlinkMessage: Sendable, Equatable {
    public var header: NetlinkHeader
    public var payload: [UInt8]

    public init(header: NetlinkHeader, payload: [UInt8]) {
        self.header = header
        self.payload = payload
    }

    /// Wire bytes with `length` filled in.
    public var bytes: [UInt8] {
        var h = header
        h.length = UInt32(NetlinkHeader.size + payload.count)
        return h.bytes + payload
    }

    /// Splits one received datagram into messages. Any length that does not fit is an error.
    public static func parseAll(_ bytes: [UInt8]) throws -> [NetlinkMessage] {
        var out: [NetlinkMessage] = []
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
            let payload = try Bytes.slice(bytes, from: offset + NetlinkHeader.size, count: length - NetlinkHeader.size)
            out.append(NetlinkMessage(header: header, payload: payload))
            offset += Bytes.align4(length)
        }
        return out
    }

    /// Attributes after a fixed family header of `familyHeaderSize` bytes.
    public func attributes(after familyHeaderSize: Int) throws -> AttributeList {
        guard payload.count >= familyHeaderSize else {
            throw NetlinkError.truncated("family header needs \(familyHeaderSize) bytes, payload has \(payload.count)")
        }
        return try AttributeList(parsing: payload, from: familyHeaderSize)
    }
}

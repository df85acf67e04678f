// Numbers from uapi netlink.h / genetlink.h (reference devlink.md §1.2, §2.1).

/// Message types every netlink family shares.
public enum NetlinkMessageType {
    public static let noop: UInt16 = 1
    public static let error: UInt16 = 2
    public static let done: UInt16 = 3
    public static let overrun: UInt16 = 4
    /// Types below this are control messages, not family data.
    public static let minReserved: UInt16 = 0x10
}

/// `nlmsghdr.nlmsg_flags` bits.
public struct NetlinkFlags: OptionSet, Sendable, Hashable {
    public let rawValue: UInt16
    public init(rawValue: UInt16) { self.rawValue = rawValue }

    public static let request = NetlinkFlags(rawValue: 0x1)
    public static let multi = NetlinkFlags(rawValue: 0x2)
    public static let ack = NetlinkFlags(rawValue: 0x4)
    public static let echo = NetlinkFlags(rawValue: 0x8)
    /// GET requests
    public static let root = NetlinkFlags(rawValue: 0x100)
    public static let match = NetlinkFlags(rawValue: 0x200)
    public static let dump: NetlinkFlags = [.root, .match]
    /// NEW requests
    public static let replace = NetlinkFlags(rawValue: 0x100)
    public static let exclusive = NetlinkFlags(rawValue: 0x200)
    public static let create = NetlinkFlags(rawValue: 0x400)
    public static let append = NetlinkFlags(rawValue: 0x800)
    /// On NLMSG_ERROR: the echoed request was capped / extended-ack TLVs follow.
    public static let capped = NetlinkFlags(rawValue: 0x100)
    public static let ackTLVs = NetlinkFlags(rawValue: 0x200)
}

/// Attribute type flag bits that must be masked off when reading the type.
public enum AttributeFlag {
    public static let nested: UInt16 = 0x8000
    public static let netByteOrder: UInt16 = 0x4000
    public static let typeMask: UInt16 = 0x3FFF
}

/// `NLMSGERR_ATTR_*`: extended-ack TLVs after an NLMSG_ERROR / NLMSG_DONE.
public enum ExtendedAckAttribute {
    public static let message: UInt16 = 1
    public static let offset: UInt16 = 2
    public static let cookie: UInt16 = 3
    public static let policy: UInt16 = 4
    public static let missingType: UInt16 = 5
    public static let missingNest: UInt16 = 6
}

/// Socket-level constants not exported by Glibc's Swift overlay.
enum NetlinkSocketOption {
    static let solNetlink: Int32 = 270
    static let addMembership: Int32 = 1
    static let capAck: Int32 = 10
    static let extAck: Int32 = 11
    static let getStrictCheck: Int32 = 12
}

/// Netlink protocol numbers for `socket(AF_NETLINK, SOCK_RAW, proto)`.
public enum NetlinkProtocol: Int32, Sendable {
    case route = 0
    case generic = 16
}

/// A devlink formatted message (fmsg, net/devlink/health.c): what `health diagnose` and `health dump
/// show` return. Kept as the kernel keeps and sends it, a flat list of items (devlink_fmsg_item, one
/// DEVLINK_ATTR_FMSG_* attribute each), not as a tree: drivers may nest unevenly (netdevsim 6.12's
/// dummy reporter ends one nest too many) and devlink prints what the stream says up to where its
/// parser gives up, so only the stream itself can be reproduced faithfully.
public struct HealthMessage: Equatable, Sendable, Codable {
    public enum Item: Equatable, Sendable, Codable {
        /// DEVLINK_ATTR_FMSG_OBJ_NEST_START, _PAIR_NEST_START, _ARR_NEST_START, _NEST_END (flags).
        case objectStart, pairStart, arrayStart, end
        /// DEVLINK_ATTR_FMSG_OBJ_NAME.
        case name(String)
        /// DEVLINK_ATTR_FMSG_OBJ_VALUE_TYPE + _VALUE_DATA.
        case value(Value)
    }

    /// The value types devlink_fmsg_item_fill_type sends (NLA_FLAG, U8, U32, U64, NUL_STRING, BINARY).
    public enum Value: Equatable, Sendable, Codable {
        case bool(Bool), u8(UInt8), u32(UInt32), u64(UInt64), string(String), binary([UInt8])
    }

    public var items: [Item]

    public init(_ items: [Item] = []) { self.items = items }

    // The devlink_fmsg_* calls drivers make, item for item.

    public mutating func objectStart() { items.append(.objectStart) }
    public mutating func objectEnd() { items.append(.end) }
    public mutating func pairStart(_ name: String) { items += [.pairStart, .name(name)] }
    public mutating func pairEnd() { items.append(.end) }
    /// devlink_fmsg_arr_pair_nest_start: a pair whose value is an array.
    public mutating func arrayPairStart(_ name: String) { items += [.pairStart, .name(name), .arrayStart] }
    /// devlink_fmsg_arr_pair_nest_end: ends the array and the pair.
    public mutating func arrayPairEnd() { items += [.end, .end] }
    public mutating func put(_ value: Value) { items.append(.value(value)) }
    /// devlink_fmsg_*_pair_put.
    public mutating func pair(_ name: String, _ value: Value) {
        pairStart(name)
        put(value)
        pairEnd()
    }

    /// devlink_fmsg_binary_pair_put: an array pair holding the bytes in chunks of at most
    /// DEVLINK_FMSG_MAX_SIZE (GENLMSG_DEFAULT_SIZE - GENL_HDRLEN - NLA_HDRLEN), none when empty.
    public mutating func binaryPair(_ name: String, _ bytes: [UInt8]) {
        arrayPairStart(name)
        var offset = 0
        while offset < bytes.count {
            let end = min(bytes.count, offset + Self.maxChunk)
            put(.binary(Array(bytes[offset..<end])))
            offset = end
        }
        arrayPairEnd()
    }

    /// DEVLINK_FMSG_MAX_SIZE on x86-64 with 4 KiB pages: GENLMSG_DEFAULT_SIZE (NLMSG_GOODSIZE 4096 - 320
    /// of skb_shared_info, less the netlink header, 16, and the generic one, 4) less GENL_HDRLEN and
    /// NLA_HDRLEN.
    public static let maxChunk = 4096 - 320 - 16 - 4 - 4 - 4
}

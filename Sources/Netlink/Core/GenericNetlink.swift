/// `struct genlmsghdr` (4 bytes) and the nlctrl numbers (devlink.md §1.1).
public struct GenericHeader: Sendable, Equatable {
    public static let size = 4
    public var command: UInt8
    public var version: UInt8

    public init(command: UInt8, version: UInt8) {
        self.command = command
        self.version = version
    }

    public var bytes: [UInt8] { [command, version, 0, 0] }

    func write(to b: inout [UInt8]) {
        b.append(command)
        b.append(version)
        b.append(0)
        b.append(0)
    }

    public init(parsing payload: [UInt8]) throws { try self.init(parsing: payload[...]) }

    init(parsing payload: ArraySlice<UInt8>) throws {
        guard payload.count >= GenericHeader.size else {
            throw NetlinkError.truncated("generic netlink header (\(payload.count) bytes)")
        }
        command = payload[payload.startIndex]
        version = payload[payload.startIndex + 1]
    }
}

public enum GenericControl {
    public static let familyID: UInt16 = 0x10  // GENL_ID_CTRL
    public static let commandGetFamily: UInt8 = 3
    public static let commandNewFamily: UInt8 = 1
    public enum Attr {
        public static let familyID: UInt16 = 1
        public static let familyName: UInt16 = 2
        public static let version: UInt16 = 3
        public static let headerSize: UInt16 = 4
        public static let maxAttr: UInt16 = 5
        public static let ops: UInt16 = 6
        public static let multicastGroups: UInt16 = 7
    }
    public enum GroupAttr {
        public static let name: UInt16 = 1
        public static let id: UInt16 = 2
    }
}

/// A resolved generic-netlink family.
public struct GenericFamily: Sendable, Equatable {
    public var id: UInt16
    public var name: String
    public var version: UInt32
    public var maxAttribute: UInt32
    /// group name → multicast group id
    public var multicastGroups: [String: UInt32]
    /// The commands the family has (CTRL_ATTR_OPS), in the kernel's order.
    public var operations: [UInt8] = []

    /// The CTRL_CMD_GETFAMILY request payload (genl header + FAMILY_NAME).
    public static func requestPayload(name: String) -> [UInt8] {
        var w = AttributeWriter()
        w.putString(GenericControl.Attr.familyName, name)
        return GenericHeader(command: GenericControl.commandGetFamily, version: 1).bytes + w.bytes
    }

    /// Decodes a CTRL_CMD_NEWFAMILY reply.
    public init(parsing message: NetlinkMessage) throws {
        let attrs = try message.attributes(after: GenericHeader.size)
        id = try attrs.require(GenericControl.Attr.familyID, "CTRL_ATTR_FAMILY_ID").u16()
        name = attrs[GenericControl.Attr.familyName]?.string() ?? ""
        version = try attrs[GenericControl.Attr.version]?.u32() ?? 0
        maxAttribute = try attrs[GenericControl.Attr.maxAttr]?.u32() ?? 0
        var groups: [String: UInt32] = [:]
        if let nest = attrs[GenericControl.Attr.multicastGroups] {
            for group in try nest.nested() {
                let g = try group.nested()
                if let n = g[GenericControl.GroupAttr.name], let i = try g[GenericControl.GroupAttr.id]?.u32() {
                    groups[n.string()] = i
                }
            }
        }
        multicastGroups = groups
        operations = try GenericPolicy.operations(inFamilyReply: message)
    }

    public init(id: UInt16, name: String, version: UInt32, maxAttribute: UInt32, multicastGroups: [String: UInt32]) {
        (self.id, self.name, self.version, self.maxAttribute, self.multicastGroups) =
            (id, name, version, maxAttribute, multicastGroups)
    }
}

extension NetlinkSocket {
    /// Looks a family up with nlctrl. A kernel without it answers ENOENT → `.familyNotFound`.
    public func resolveFamily(_ name: String) throws -> GenericFamily {
        precondition(netlinkProtocol == .generic, "family lookup needs a NETLINK_GENERIC socket")
        do {
            let reply = try exchange(type: GenericControl.familyID, payload: GenericFamily.requestPayload(name: name))
            guard let first = reply.messages.first else { throw NetlinkError.missingAttribute("CTRL_CMD_NEWFAMILY reply") }
            return try GenericFamily(parsing: first)
        } catch NetlinkError.kernel(let e) where e.errno == 2 {
            throw NetlinkError.familyNotFound(name)
        }
    }

    /// One generic-netlink request: header + attributes; returns each reply's attributes.
    public func genericExchange(family: UInt16, command: UInt8, version: UInt8, flags: NetlinkFlags = [],
                                attributes: [UInt8]) throws -> NetlinkReply {
        try exchange(type: family, flags: flags, generic: GenericHeader(command: command, version: version), payload: attributes)
    }
}

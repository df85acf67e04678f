import DevlinkModel

/// The generic netlink controller's description of a family: its operations (in the
/// CTRL_CMD_GETFAMILY answer) and the attribute policy of each (CTRL_CMD_GETPOLICY, Linux 5.8+;
/// per operation since 5.10). Numbers from include/uapi/linux/genetlink.h and netlink.h
/// (devlink.md §1.1). Decoded into a `KernelPolicy`, which feature detection reads.
public enum GenericPolicy {
    public static let commandGetPolicy: UInt8 = 10

    /// CTRL_ATTR_* beyond GenericControl.Attr.
    enum Attr {
        static let policy: UInt16 = 8
        static let operationPolicy: UInt16 = 9
    }

    /// Inside each CTRL_ATTR_OPS entry.
    enum OperationAttr {
        static let id: UInt16 = 1
    }

    /// Inside each CTRL_ATTR_OP_POLICY entry (CTRL_ATTR_POLICY_DO / _DUMP).
    enum OperationPolicyAttr {
        static let doPolicy: UInt16 = 1
    }

    /// NL_POLICY_TYPE_ATTR_* describing one attribute of a policy.
    enum TypeAttr {
        static let type: UInt16 = 1
        static let maximumUnsigned: UInt16 = 5
        static let policyIndex: UInt16 = 8
    }

    /// The CTRL_CMD_GETPOLICY dump request for `family` (by name: the kernel resolves it).
    public static func requestPayload(family name: String) -> [UInt8] {
        var w = AttributeWriter()
        w.putString(GenericControl.Attr.familyName, name)
        return GenericHeader(command: commandGetPolicy, version: 1).bytes + w.bytes
    }

    /// The command numbers of CTRL_ATTR_OPS in a CTRL_CMD_NEWFAMILY message.
    ///
    /// Read where the bytes lie (every session opens with this, and a list per entry was most of
    /// it), accepting and rejecting what `nested()` on each entry would, with the same errors.
    public static func operations(inFamilyReply message: NetlinkMessage) throws -> [UInt8] {
        let attrs = try message.attributes(after: GenericHeader.size)
        guard let ops = attrs[GenericControl.Attr.ops] else { return [] }
        return try ops.bytes.withUnsafeBytes { raw in
            // The whole list is checked before any entry, as `nested()` parses it first.
            var entries: [Range<Int>] = []
            try AttributeWalk.forEach(raw, errorBase: 0) { _, _, header, length in
                entries.append((header + 4)..<(header + 4 + length))
            }
            var ids: [UInt8] = []
            ids.reserveCapacity(entries.count)
            for entry in entries {
                let payload = UnsafeRawBufferPointer(rebasing: raw[entry])
                var id: Range<Int>?
                try AttributeWalk.forEach(payload, errorBase: 0) { type, _, header, length in
                    if id == nil && type == OperationAttr.id { id = (header + 4)..<(header + 4 + length) }
                }
                guard let id else { continue }
                let number = try Attribute.integer(UInt32.self, type: OperationAttr.id, UnsafeRawBufferPointer(rebasing: payload[id]))
                if number <= UInt32(UInt8.max) { ids.append(UInt8(number)) }
            }
            return ids
        }
    }

    /// The policy of a family whose commands are `operations`, from the messages of its
    /// CTRL_CMD_GETPOLICY dump. A command the dump gives no do-policy keeps a nil index.
    public static func decode(operations: [UInt8], dump messages: [NetlinkMessage]) throws -> KernelPolicy {
        var policy = KernelPolicy()
        for command in operations { policy.commands[command] = .some(nil) }
        for message in messages {
            let attrs = try message.attributes(after: GenericHeader.size)
            if let byOperation = attrs[Attr.operationPolicy] {
                // CTRL_ATTR_OP_POLICY: one nest per command, its type the command number.
                for entry in try byOperation.nested() {
                    guard entry.type <= UInt16(UInt8.max) else { continue }
                    let index = try entry.nested()[OperationPolicyAttr.doPolicy]?.u32()
                    // Only listed commands count: the family's ops are the authority on what exists.
                    if policy.commands[UInt8(entry.type)] != nil || operations.isEmpty {
                        policy.commands[UInt8(entry.type)] = .some(index)
                    }
                }
            }
            if let byIndex = attrs[Attr.policy] {
                // CTRL_ATTR_POLICY: policy index → attribute number → NL_POLICY_TYPE_ATTR_*.
                for table in try byIndex.nested() {
                    var attributes = policy.policies[UInt32(table.type)] ?? [:]
                    for described in try table.nested() {
                        let fields = try described.nested()
                        guard let type = try fields[TypeAttr.type]?.u32() else {
                            throw NetlinkError.missingAttribute("NL_POLICY_TYPE_ATTR_TYPE")
                        }
                        attributes[described.type] = KernelPolicy.Attribute(
                            type: type, maximum: try fields[TypeAttr.maximumUnsigned]?.u64(),
                            nestedPolicy: try fields[TypeAttr.policyIndex]?.u32())
                    }
                    policy.policies[UInt32(table.type)] = attributes
                }
            }
        }
        return policy
    }
}

extension NetlinkSocket {
    /// The family's policy (one CTRL_CMD_GETPOLICY dump). Throws as the kernel answers: a kernel
    /// before 5.8 has no such command (EOPNOTSUPP).
    public func fetchPolicy(of family: GenericFamily) throws -> KernelPolicy {
        precondition(netlinkProtocol == .generic, "policy dumps need a NETLINK_GENERIC socket")
        let reply = try exchange(type: GenericControl.familyID, flags: .dump,
                                 payload: GenericPolicy.requestPayload(family: family.name))
        return try GenericPolicy.decode(operations: family.operations, dump: reply.messages)
    }
}

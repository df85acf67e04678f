/// The kernel's answer to a failed request: negative errno plus extended-ack details.
public struct KernelError: Error, Sendable, Equatable, CustomStringConvertible {
    /// Positive errno (the wire carries it negated).
    public var errno: Int32
    /// NLMSGERR_ATTR_MSG, e.g. "netdevsim: Node creation allowed only in switchdev mode."
    public var message: String?
    /// NLMSGERR_ATTR_OFFS: byte offset of the offending attribute in the request.
    public var offset: UInt32?
    /// NLMSGERR_ATTR_MISS_TYPE / MISS_NEST: the attribute the kernel wanted but did not get.
    public var missingType: UInt32?
    public var missingNest: UInt32?

    public init(errno: Int32, message: String? = nil, offset: UInt32? = nil,
                missingType: UInt32? = nil, missingNest: UInt32? = nil) {
        (self.errno, self.message, self.offset, self.missingType, self.missingNest) =
            (errno, message, offset, missingType, missingNest)
    }

    public var description: String {
        var s = "\(ErrnoName.name(errno)) (\(errno))"
        if let message { s += ": \(message)" }
        if let missingType { s += " [missing attribute \(missingType)]" }
        return s
    }
}

/// Everything that can go wrong talking netlink. Kernel bytes are untrusted: bad ones land here.
public enum NetlinkError: Error, Sendable, Equatable, CustomStringConvertible {
    /// The bytes end before a header or attribute says they should.
    case truncated(String)
    /// A length or field is impossible (e.g. attribute length < 4).
    case malformed(String)
    /// The kernel refused the request.
    case kernel(KernelError)
    /// A socket call failed: call name + errno.
    case system(call: String, errno: Int32)
    /// No answer within the receive timeout.
    case timeout
    /// The kernel dropped messages (ENOBUFS / NLMSG_OVERRUN).
    case overrun
    /// A required attribute is absent from a reply.
    case missingAttribute(String)
    /// The generic-netlink family is not registered in this kernel.
    case familyNotFound(String)

    public var description: String {
        switch self {
        case .truncated(let what): return "truncated netlink data: \(what)"
        case .malformed(let what): return "malformed netlink data: \(what)"
        case .kernel(let e): return "kernel error: \(e)"
        case .system(let call, let errno): return "\(call) failed: \(ErrnoName.name(errno)) (\(errno))"
        case .timeout: return "no answer from the kernel (timeout)"
        case .overrun: return "netlink receive buffer overrun: messages were lost"
        case .missingAttribute(let what): return "reply lacks attribute \(what)"
        case .familyNotFound(let name): return "generic netlink family '\(name)' is not available in this kernel"
        }
    }
}

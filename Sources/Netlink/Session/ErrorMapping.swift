import DevlinkModel

/// Why a NetlinkSession could not start. One line each, suitable as the whole error message.
public enum NetlinkSessionError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The running kernel has no "devlink" generic-netlink family (module absent or too old).
    case devlinkUnavailable
    /// AF_NETLINK itself is unavailable (sandbox, seccomp).
    case netlinkUnavailable(String)

    public var description: String {
        switch self {
        case .devlinkUnavailable:
            return "the running kernel has no devlink netlink family (no devlink support); use --emulator"
        case .netlinkUnavailable(let why):
            return "cannot open a netlink socket (\(why)); use --emulator"
        }
    }
}

extension DevlinkError {
    /// What EPERM means here: the kernel wants CAP_NET_ADMIN for devlink changes (and eswitch get).
    static let capNetAdminHint = "Operation needs CAP_NET_ADMIN: run dls as root or grant it (setcap cap_net_admin+ep)"

    /// Maps every netlink-layer failure to the errno + message shape the rest of dls understands.
    init(_ error: NetlinkError) {
        switch error {
        case .kernel(let k):
            let errno = Errno(number: k.errno)
            if k.errno == Errno.EPERM.number && k.message == nil {
                self.init(errno, DevlinkError.capNetAdminHint)
            } else {
                self.init(errno, k.message)
            }
        case .system(let call, let e):
            self.init(Errno(number: e), "netlink \(call) failed")
        case .timeout:
            self.init(.ETIMEDOUT, "no answer from the kernel")
        case .overrun:
            self.init(Errno(number: 105), "netlink messages were lost (receive buffer overrun)")
        case .truncated, .malformed, .missingAttribute:
            self.init(Errno(number: 71), "unexpected reply from the kernel: \(error)")  // EPROTO
        case .familyNotFound:
            self.init(.EOPNOTSUPP, NetlinkSessionError.devlinkUnavailable.description)
        }
    }
}

/// Runs `body`, turning NetlinkError into DevlinkError.
@inline(__always)
func mappingErrors<T>(_ body: () throws -> T) throws -> T {
    do {
        return try body()
    } catch let e as NetlinkError {
        throw DevlinkError(e)
    }
}

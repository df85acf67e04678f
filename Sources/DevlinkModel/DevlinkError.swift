/// A failed devlink operation as the kernel reports it: the errno and, when the kernel (or driver) set one,
/// the extended-ack message, verbatim (e.g. `"mlx5_core: SF already exist. Choose different sfnum"`; no
/// trailing period is added here: iproute2 adds it when printing).
public struct DevlinkError: Error, Equatable, Sendable, CustomStringConvertible {
    public var errno: Errno
    /// The extack text, or nil when the kernel sent none.
    public var message: String?

    public init(_ errno: Errno, _ message: String? = nil) {
        self.errno = errno
        self.message = message
    }

    public var description: String {
        if let message { return "\(message) (\(errno.name): \(errno.message))" }
        return "\(errno.name): \(errno.message)"
    }
}

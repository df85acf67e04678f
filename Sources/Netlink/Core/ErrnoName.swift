#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Symbolic errno names (EEXIST, ...) and strerror text, as devlink prints them.
public enum ErrnoName {
    private static let names: [Int32: String] = [
        1: "EPERM", 2: "ENOENT", 3: "ESRCH", 4: "EINTR", 5: "EIO", 6: "ENXIO", 7: "E2BIG", 9: "EBADF",
        11: "EAGAIN", 12: "ENOMEM", 13: "EACCES", 14: "EFAULT", 16: "EBUSY", 17: "EEXIST", 18: "EXDEV",
        19: "ENODEV", 20: "ENOTDIR", 21: "EISDIR", 22: "EINVAL", 23: "ENFILE", 24: "EMFILE", 28: "ENOSPC",
        34: "ERANGE", 39: "ENOTEMPTY", 61: "ENODATA", 71: "EPROTO", 75: "EOVERFLOW", 90: "EMSGSIZE",
        93: "EPROTONOSUPPORT", 95: "EOPNOTSUPP", 97: "EAFNOSUPPORT", 98: "EADDRINUSE", 99: "EADDRNOTAVAIL",
        105: "ENOBUFS", 110: "ETIMEDOUT",
    ]

    /// "EEXIST" for 17; "E<n>" when unknown.
    public static func name(_ errno: Int32) -> String { names[errno] ?? "E\(errno)" }

    /// errno for a symbolic name, e.g. 17 for "EEXIST".
    public static func number(_ name: String) -> Int32? {
        names.first(where: { $0.value == name })?.key
    }

    /// The C library's message ("File exists"), as in devlink's "kernel answers:" line.
    public static func message(_ errno: Int32) -> String {
        guard let p = strerror(errno) else { return "Unknown error \(errno)" }
        return String(cString: p)
    }
}

/// A Linux errno: its symbolic name, its number and the text glibc's `strerror` prints for it
/// (what iproute2 shows as `kernel answers: <text>`).
public struct Errno: Hashable, Sendable, CustomStringConvertible, Codable {
    public let number: Int32
    public let name: String
    public let message: String

    init(_ number: Int32, _ name: String, _ message: String) {
        (self.number, self.name, self.message) = (number, name, message)
    }

    /// The errno with this (positive) number; numbers Linux does not define get glibc's
    /// `Unknown error N` text and the name `E<N>`.
    public init(number: Int32) {
        if let known = Errno.byNumber[number] {
            self = known
        } else {
            self.init(number, "E\(number)", "Unknown error \(number)")
        }
    }

    /// The errno with this symbolic name (`"EEXIST"`; `"ENOTSUP"` is accepted for 95), or nil.
    public init?(name: String) {
        let upper = name.uppercased()
        if upper == "ENOTSUP" { self = .EOPNOTSUPP; return }
        if upper == "EWOULDBLOCK" { self = .EAGAIN; return }
        if upper == "EDEADLOCK" { self = .EDEADLK; return }
        guard let known = Errno.byName[upper] else { return nil }
        self = known
    }

    public var description: String { name }

    private static let byNumber: [Int32: Errno] = Dictionary(
        table.map { ($0.number, $0) }, uniquingKeysWith: { first, _ in first })
    private static let byName: [String: Errno] = Dictionary(
        table.map { ($0.name, $0) }, uniquingKeysWith: { first, _ in first })

    // The ones devlink work meets (reference §2.2), spelled out for readable call sites.
    public static let EPERM = Errno(number: 1)
    public static let ENOENT = Errno(number: 2)
    public static let EIO = Errno(number: 5)
    public static let EAGAIN = Errno(number: 11)
    public static let ENOMEM = Errno(number: 12)
    public static let EBUSY = Errno(number: 16)
    public static let EEXIST = Errno(number: 17)
    public static let ENODEV = Errno(number: 19)
    public static let EINVAL = Errno(number: 22)
    public static let ENOSPC = Errno(number: 28)
    public static let ERANGE = Errno(number: 34)
    public static let EDEADLK = Errno(number: 35)
    public static let ENOMSG = Errno(number: 42)
    public static let EMSGSIZE = Errno(number: 90)
    public static let EOPNOTSUPP = Errno(number: 95)
    public static let ETIMEDOUT = Errno(number: 110)
    public static let ECANCELED = Errno(number: 125)
}

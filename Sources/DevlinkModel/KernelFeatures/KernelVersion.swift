/// A kernel version (`major.minor`): the one an emulated topology models, so that rules that changed
/// between kernels follow it (docs/fidelity.md), and the one the running kernel reports. It lives in
/// the model because both backends answer `kernel()` and the feature table (DevlinkFeature) with it.
public struct KernelVersion: Comparable, Hashable, Sendable, CustomStringConvertible, Codable {
    public var major: Int
    public var minor: Int

    public init(_ major: Int, _ minor: Int) {
        self.major = major
        self.minor = minor
    }

    /// The guest VM's kernel (Debian 6.12), which the netdevsim profile is checked against.
    public static let `default` = KernelVersion(6, 12)

    /// `6.15`; a third part (`6.12.118`) is accepted and dropped, since no rule depends on it.
    public init?(parsing text: String) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard (2...3).contains(parts.count),
              parts.allSatisfy({ !$0.isEmpty && $0.count <= 4 && $0.allSatisfy(\.isASCII) && $0.allSatisfy(\.isNumber) }),
              let major = Int(parts[0]), let minor = Int(parts[1])
        else { return nil }
        self.init(major, minor)
    }

    public var description: String { "\(major).\(minor)" }

    public static func < (lhs: KernelVersion, rhs: KernelVersion) -> Bool {
        (lhs.major, lhs.minor) < (rhs.major, rhs.minor)
    }

    /// A topology file spells it as a string (`"kernel_version": "6.15"`): a JSON number would
    /// read 6.1 and 6.10 alike.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.singleValueContainer()
        let text = try container.decode(String.self)
        guard let version = KernelVersion(parsing: text) else {
            throw DecodingError.dataCorruptedError(
                in: container, debugDescription: "kernel version \"\(text)\" is not MAJOR.MINOR (e.g. \"6.15\")")
        }
        self = version
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}


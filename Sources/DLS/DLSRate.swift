import DLSLanguage

/// A transmit rate as devlink sends it to the kernel: bytes per second. Parses and prints with
/// devlink's units (`10gbit`, `1.5Gbps`, `12Mbit`).
public struct DLSRate: Sendable, Hashable, Comparable, CustomStringConvertible {
    /// The rate in bytes per second (devlink's `tx_share`/`tx_max` unit).
    public var bytesPerSecond: UInt64

    /// A rate of `bytesPerSecond` bytes per second.
    public init(bytesPerSecond: UInt64) { self.bytesPerSecond = bytesPerSecond }

    /// Parses devlink's rate syntax (`10gbit`, `100mbps`, `1.5Gbit`; a bare number is bits/s);
    /// nil when the text is not a rate.
    public init?(_ text: String) {
        guard let rate = Rate.parse(text) else { return nil }
        bytesPerSecond = rate.bytesPerSecond
    }

    /// A rate given in bits per second (truncated to whole bytes, as devlink does); nil if negative
    /// or too large.
    public init?(bitsPerSecond: Double) {
        guard let rate = Rate.fromBits(bitsPerSecond) else { return nil }
        bytesPerSecond = rate.bytesPerSecond
    }

    /// The rate in bits per second.
    public var bitsPerSecond: Double { Double(bytesPerSecond) * 8 }

    /// Orders rates by speed.
    public static func < (a: DLSRate, b: DLSRate) -> Bool { a.bytesPerSecond < b.bytesPerSecond }

    /// devlink's text form (`10Gbit`); with `iec`, binary units (`11718Kibit`).
    public func formatted(iec: Bool = false) -> String { Rate(bytesPerSecond: bytesPerSecond).formatted(iec: iec) }

    /// devlink's text form, as scripts print it.
    public var description: String { formatted() }

    var language: Rate { Rate(bytesPerSecond: bytesPerSecond) }
}

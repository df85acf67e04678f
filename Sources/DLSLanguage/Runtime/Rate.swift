import RateUnits

/// A transmit rate in bytes per second, the unit devlink sends to the kernel (u64).
/// Parsing and printing are iproute2's (`get_rate64`, `print_color_rate`), in `RateValue`.
public struct Rate: Sendable, Hashable, Comparable {
    public var bytesPerSecond: UInt64

    public init(bytesPerSecond: UInt64) { self.bytesPerSecond = bytesPerSecond }

    public static func < (a: Rate, b: Rate) -> Bool { a.bytesPerSecond < b.bytesPerSecond }

    /// The unit suffixes rate literals take (lower case; any case is accepted).
    public static var unitNames: [String] { RateValue.unitNames }

    /// Multiplier in bits/s for a unit suffix (any case, as strcasecmp), or nil if it is not one of
    /// devlink's units.
    public static func multiplier(forSuffix suffix: String) -> Double? {
        RateValue.bitsPerSecond(perUnitOf: suffix.lowercased().utf8)
    }

    /// Parses `10gbit`, `1.5Gbps`, `1e3mbit`, `100` (bits/s) like `get_rate64`: number × unit / 8, truncated.
    public static func parse(_ text: String) -> Rate? {
        RateValue.bytesPerSecond(parsing: text).map(Rate.init(bytesPerSecond:))
    }

    /// bits/s (as a double, like iproute2) → bytes/s truncated; nil when negative or too large.
    public static func fromBits(_ bits: Double) -> Rate? {
        let bytes = bits / 8
        guard bytes.isFinite, bytes >= 0, bytes < 18_446_744_073_709_551_616.0 else { return nil }
        return Rate(bytesPerSecond: UInt64(bytes))
    }

    /// devlink's text form: `12Mbit`, `10Gbit`, with `iec` `11718Kibit`.
    public func formatted(iec: Bool = false) -> String { RateValue.text(bytesPerSecond: bytesPerSecond, iec: iec) }
}

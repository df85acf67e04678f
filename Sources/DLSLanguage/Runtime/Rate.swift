/// A transmit rate in bytes per second, the unit devlink sends to the kernel (u64).
/// Parsing and printing follow iproute2 exactly (`get_rate64`, `print_color_rate`).
public struct Rate: Sendable, Hashable, Comparable {
    public var bytesPerSecond: UInt64

    public init(bytesPerSecond: UInt64) { self.bytesPerSecond = bytesPerSecond }

    public static func < (a: Rate, b: Rate) -> Bool { a.bytesPerSecond < b.bytesPerSecond }

    /// Suffix → multiplier in bits/s; matched case-insensitively, as strcasecmp does.
    static let suffixes: [(String, Double)] = [
        ("", 1), ("bit", 1),
        ("kbit", 1e3), ("mbit", 1e6), ("gbit", 1e9), ("tbit", 1e12),
        ("kibit", 1024), ("mibit", 1_048_576), ("gibit", 1_073_741_824), ("tibit", 1_099_511_627_776),
        ("bps", 8), ("kbps", 8e3), ("mbps", 8e6), ("gbps", 8e9), ("tbps", 8e12),
        ("kibps", 8 * 1024), ("mibps", 8 * 1_048_576), ("gibps", 8 * 1_073_741_824),
        ("tibps", 8 * 1_099_511_627_776),
    ]

    /// Multiplier for a unit suffix, or nil if it is not one of devlink's units.
    public static func multiplier(forSuffix suffix: String) -> Double? {
        let lower = suffix.lowercased()
        return suffixes.first { $0.0 == lower }?.1
    }

    /// Parses `10gbit`, `1.5Gbps`, `100` (bits/s) like `get_rate64`: number × unit / 8, truncated.
    public static func parse(_ text: String) -> Rate? {
        let bytes = Array(text.utf8)
        var i = 0
        while i < bytes.count, (bytes[i] >= 48 && bytes[i] <= 57) || bytes[i] == UInt8(ascii: ".") { i += 1 }
        guard i > 0, let number = Double(String(decoding: bytes[0..<i], as: UTF8.self)) else { return nil }
        let suffix = String(decoding: bytes[i...], as: UTF8.self)
        guard let scale = multiplier(forSuffix: suffix) else { return nil }
        return fromBits(number * scale)
    }

    /// bits/s (as a double, like iproute2) → bytes/s truncated; nil when negative or too large.
    public static func fromBits(_ bits: Double) -> Rate? {
        let bytes = bits / 8
        guard bytes.isFinite, bytes >= 0, bytes < 18_446_744_073_709_551_616.0 else { return nil }
        return Rate(bytesPerSecond: UInt64(bytes))
    }

    /// devlink's text form: `12Mbit`, `10Gbit`, with `iec` `11718Kibit`.
    public func formatted(iec: Bool = false) -> String {
        let k: UInt64 = iec ? 1024 : 1000
        let units = ["", "K", "M", "G", "T"]
        var bits = bytesPerSecond &* 8
        var unit = 0
        while unit < 4 {
            if bits < k { break }
            if bits % k != 0 && bits < 1000 * k { break }
            bits /= k
            unit += 1
        }
        let suffix = units[unit] + (iec && unit != 0 ? "i" : "")
        return "\(bits)\(suffix)bit"
    }
}

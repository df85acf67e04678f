/// Rate values with devlink's units (iproute2 `get_rate64`): a decimal number with an optional
/// case-insensitive suffix, converted to **bytes per second** by dividing bits by 8 and truncating.
public enum RateValue {
    /// Bits per second per unit suffix.
    static let multipliers: [String: Double] = {
        var table: [String: Double] = ["": 1, "bit": 1, "bps": 8]
        let si: [(String, Double)] = [("k", 1e3), ("m", 1e6), ("g", 1e9), ("t", 1e12)]
        let iec: [(String, Double)] = [("ki", 1024), ("mi", 1048576), ("gi", 1073741824), ("ti", 1099511627776)]
        for (prefix, factor) in si + iec {
            table[prefix + "bit"] = factor
            table[prefix + "bps"] = factor * 8
        }
        return table
    }()

    /// `"10gbit"` → 1_250_000_000. Returns nil for a malformed number, a negative value, an unknown suffix or a
    /// value beyond u64 (iproute2 then says `Invalid rate value: "X"`).
    public static func bytesPerSecond(parsing text: String) -> UInt64? {
        let lower = text.lowercased()
        // strtod's exponent "e" is part of the number; no unit suffix contains an "e".
        let suffixStart = lower.firstIndex(where: { $0.isLetter && $0 != "e" }) ?? lower.endIndex
        let number = lower[..<suffixStart]
        let suffix = String(lower[suffixStart...])
        guard !number.isEmpty, let value = Double(number), value.isFinite, value >= 0,
              let multiplier = multipliers[suffix] else { return nil }
        let bytes = (value * multiplier / 8).rounded(.towardZero)
        guard bytes < 18446744073709551616.0 else { return nil }
        return UInt64(bytes)
    }
}

/// Rate values with devlink's units, the one parser and printer of them: the language's rate literals
/// and `rate()`, and devlink's `tx_share`/`tx_max` options, all read them here.
///
/// Parsing is iproute2's `get_rate64`: a decimal number (strtod's syntax) with an optional
/// case-insensitive suffix, converted to **bytes per second** by dividing bits by 8 and truncating.
/// Printing is `print_color_rate`.
public enum RateValue {
    /// Every unit suffix get_rate64 takes, in lower case (the grammar's `rate_unit`).
    public static let unitNames = ["bit", "kbit", "mbit", "gbit", "tbit", "kibit", "mibit", "gibit", "tibit",
                                   "bps", "kbps", "mbps", "gbps", "tbps", "kibps", "mibps", "gibps", "tibps"]

    /// `"10gbit"` → 1_250_000_000. Returns nil for a malformed number, a negative value, an unknown suffix or a
    /// value beyond u64 (iproute2 then says `Invalid rate value: "X"`).
    public static func bytesPerSecond(parsing text: String) -> UInt64? {
        var text = text
        if let decided = text.withUTF8(plainBytesPerSecond) { return decided }
        let lower = text.lowercased()
        // strtod's exponent "e" is part of the number; no unit suffix contains an "e".
        let suffixStart = lower.firstIndex(where: { $0.isLetter && $0 != "e" }) ?? lower.endIndex
        let number = lower[..<suffixStart]
        guard !number.isEmpty, let value = Double(number), value.isFinite, value >= 0,
              let multiplier = bitsPerSecond(perUnitOf: lower[suffixStart...].utf8) else { return nil }
        return bytes(value, multiplier)
    }

    /// Bits per second per unit of a lower-case suffix: "" and "bit" 1, "bps" 8, with an SI
    /// (k, m, g, t) or IEC (ki, mi, gi, ti) prefix; nil for anything else.
    public static func bitsPerSecond<S: Collection<UInt8>>(perUnitOf suffix: S) -> Double? {
        let count = suffix.count
        if count == 0 { return 1 }
        guard count >= 3, count <= 5 else { return nil }
        var packed: UInt64 = 0   // the suffix's bytes, first byte highest
        for c in suffix { packed = packed << 8 | UInt64(c) }
        let unit: Double
        switch packed & 0xFF_FFFF {
        case 0x62_69_74: unit = 1   // "bit"
        case 0x62_70_73: unit = 8   // "bps"
        default: return nil
        }
        if count == 3 { return unit }
        let prefix = packed >> 24
        let scale = count == 4 ? prefix : prefix >> 8
        if count == 5 && prefix & 0xFF != UInt64(UInt8(ascii: "i")) { return nil }
        let si: Double, iec: Double
        switch scale {
        case UInt64(UInt8(ascii: "k")): (si, iec) = (1e3, 1024)
        case UInt64(UInt8(ascii: "m")): (si, iec) = (1e6, 1048576)
        case UInt64(UInt8(ascii: "g")): (si, iec) = (1e9, 1073741824)
        case UInt64(UInt8(ascii: "t")): (si, iec) = (1e12, 1099511627776)
        default: return nil
        }
        return (count == 4 ? si : iec) * unit
    }

    private static func bytes(_ value: Double, _ multiplier: Double) -> UInt64? {
        let bytes = (value * multiplier / 8).rounded(.towardZero)
        guard bytes < 18446744073709551616.0 else { return nil }
        return UInt64(bytes)
    }

    private static let powersOfTen: [Double] = [1, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15]

    /// The everyday spelling on bytes: up to 15 digits with an optional fraction, then an ASCII suffix.
    /// Such a number is exact as an integer and one division by an exact power of ten rounds it exactly
    /// as strtod does. Returns nil (undecided) for anything else: exponents, signs, non-ASCII text.
    private static func plainBytesPerSecond(_ text: UnsafeBufferPointer<UInt8>) -> UInt64?? {
        var i = 0, mantissa: UInt64 = 0, digits = 0, fractionDigits = 0
        func isDigit(_ c: UInt8) -> Bool { c >= UInt8(ascii: "0") && c <= UInt8(ascii: "9") }
        func digit() -> Bool {
            guard i < text.count, isDigit(text[i]), digits < 15 else { return false }
            mantissa = mantissa * 10 + UInt64(text[i] - UInt8(ascii: "0"))
            digits += 1
            i += 1
            return true
        }
        while digit() {}
        guard digits > 0, i == text.count || !isDigit(text[i]) else { return nil }
        if i < text.count, text[i] == UInt8(ascii: ".") {
            i += 1
            let before = digits
            while digit() {}
            fractionDigits = digits - before
            guard fractionDigits > 0, i == text.count || !isDigit(text[i]) else { return nil }
        }
        let suffix = text[i...]
        if let first = suffix.first {
            // The suffix must start with a letter strtod does not take as an exponent; case folding
            // beyond ASCII is left to the general path.
            let lower = first | 0x20
            guard lower >= UInt8(ascii: "a"), lower <= UInt8(ascii: "z"), lower != UInt8(ascii: "e"),
                  suffix.allSatisfy({ $0 < 0x80 }) else { return nil }
        }
        let folded = suffix.lazy.map { $0 >= UInt8(ascii: "A") && $0 <= UInt8(ascii: "Z") ? $0 | 0x20 : $0 }
        guard let multiplier = bitsPerSecond(perUnitOf: folded) else { return .some(nil) }
        return bytes(Double(mantissa) / powersOfTen[fractionDigits], multiplier)
    }

    /// devlink's text form (`print_color_rate`): `12Mbit`, `10Gbit`; with `iec`, `11718Kibit`. A unit
    /// is taken while the value is a whole number of it or at least 1000 of it.
    public static func text(bytesPerSecond: UInt64, iec: Bool = false) -> String {
        let k: UInt64 = iec ? 1024 : 1000
        var bits = bytesPerSecond &* 8
        var unit = 0
        while unit < 4 {
            if bits < k { break }
            if bits % k != 0 && bits < 1000 * k { break }
            bits /= k
            unit += 1
        }
        // Written as bytes and made a String once: the text (at most 25 bytes, and mostly under 16,
        // which a String keeps inline) then costs no allocation and no generic number printing per
        // call, and dumps print two rates per object.
        return withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 32) { out in
            var n = 0
            var rest = bits
            repeat {
                out[n] = UInt8(truncatingIfNeeded: rest % 10) &+ 0x30
                n += 1
                rest /= 10
            } while rest != 0
            var i = 0, j = n - 1
            while i < j { out.swapAt(i, j); i += 1; j -= 1 }
            if unit > 0 {
                out[n] = switch unit {
                case 1: UInt8(ascii: "K")
                case 2: UInt8(ascii: "M")
                case 3: UInt8(ascii: "G")
                default: UInt8(ascii: "T")
                }
                n += 1
                if iec { out[n] = UInt8(ascii: "i"); n += 1 }
            }
            for byte in "bit".utf8 { out[n] = byte; n += 1 }
            return String(decoding: UnsafeBufferPointer(rebasing: out[..<n]), as: UTF8.self)
        }
    }
}

import DevlinkModel

/// Parsing of single words the way iproute2's helpers parse them.
enum WordParsers {
    /// `strtoul`/`strtoull` in base 10 with iproute2's checks: the whole word must be consumed and
    /// the value fit in `max`. Leading blanks and a sign are accepted as strtoul accepts them
    /// (`-1` wraps around and is then out of range).
    static func unsigned(_ text: String, max: UInt64) -> UInt64? {
        var text = text
        return text.withUTF8 { unsigned($0, max: max) }
    }

    static func unsigned(_ text: UnsafeBufferPointer<UInt8>, max: UInt64) -> UInt64? {
        var i = 0
        while i < text.count, text[i] == 32 || (text[i] >= 9 && text[i] <= 13) { i += 1 }
        var negative = false
        if i < text.count, text[i] == UInt8(ascii: "+") || text[i] == UInt8(ascii: "-") {
            negative = text[i] == UInt8(ascii: "-")
            i += 1
        }
        guard i < text.count else { return nil }
        var value: UInt64 = 0
        for digit in text[i...] {
            guard digit >= 48 && digit <= 57 else { return nil }
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit - 48))
            // strtoul saturates at ULONG_MAX on overflow, which is then out of every range but u64's,
            // and iproute2 rejects it there too (errno ERANGE).
            if o1 || o2 { return nil }
            value = sum
        }
        if negative { value = value == 0 ? 0 : UInt64.max - value + 1 }
        return value <= max ? value : nil
    }

    /// iproute2 `strtobool` (devlink's variant also takes enable/disable).
    static func bool(_ text: String) -> Bool? {
        switch text {
        case "true", "1", "enable": return true
        case "false", "0", "disable": return false
        default: return nil
        }
    }

    /// `get_rate64`: number (strtod) + case-insensitive unit → bytes per second.
    static func rate(_ text: String) -> UInt64? {
        guard text.utf8.first != UInt8(ascii: "-") else { return nil }
        return RateValue.bytesPerSecond(parsing: text)
    }

    /// `ll_addr_a2n`: up to 32 `:`-separated bytes, each read by `sscanf("%x")` (so `0x1f` and `1g`
    /// pass as 0x1f and 0x1); on failure devlink names the offending part.
    static func mac(_ text: String) -> Result<MACAddress, MACError> {
        var bytes: [UInt8] = []
        for part in text.split(separator: ":", omittingEmptySubsequences: false).prefix(MACAddress.maxLength) {
            guard let value = scanHex(part), value <= 255 else { return .failure(MACError(part: String(part))) }
            bytes.append(UInt8(value))
        }
        guard let address = MACAddress(bytes: bytes) else { return .failure(MACError(part: text)) }
        return .success(address)
    }

    struct MACError: Error { let part: String }

    /// `sscanf(s, "%x")`: blanks, a sign, an optional 0x, then at least one hex digit.
    private static func scanHex(_ text: Substring) -> UInt64? {
        var s = text.drop { $0 == " " || $0 == "\t" }
        var negative = false
        if let c = s.first, c == "+" || c == "-" { negative = c == "-"; s = s.dropFirst() }
        if s.hasPrefix("0x") || s.hasPrefix("0X"), s.dropFirst(2).first?.isHexDigit == true { s = s.dropFirst(2) }
        let digits = s.prefix { $0.isHexDigit }
        guard !digits.isEmpty, digits.count <= 16, let value = UInt64(digits, radix: 16) else { return nil }
        return negative ? (value == 0 ? 0 : UInt64.max) : value
    }

    /// One `INDEX:BW` word of `tc-bw`.
    static func trafficClass(_ text: String) -> (index: UInt64, bandwidth: UInt32)? {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let index = unsigned(String(parts[0]), max: UInt64(UInt32.max)),
              let bw = unsigned(String(parts[1]), max: UInt64(UInt32.max)) else { return nil }
        return (index, UInt32(bw))
    }
}

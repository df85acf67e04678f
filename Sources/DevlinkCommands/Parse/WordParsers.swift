import DevlinkModel

/// Parsing of single words the way iproute2's helpers parse them.
enum WordParsers {
    /// `strtoul`/`strtoull` in base 10 with iproute2's checks: the whole word must be consumed and
    /// the value fit in `max`. Leading blanks and a sign are accepted as strtoul accepts them
    /// (`-1` wraps around and is then out of range).
    static func unsigned(_ text: String, max: UInt64) -> UInt64? {
        var bytes = Substring(text).utf8.drop { $0 == 32 || $0 == 9 || $0 == 10 || $0 == 11 || $0 == 12 || $0 == 13 }
        var negative = false
        if let first = bytes.first, first == UInt8(ascii: "+") || first == UInt8(ascii: "-") {
            negative = first == UInt8(ascii: "-")
            bytes = bytes.dropFirst()
        }
        guard !bytes.isEmpty, bytes.allSatisfy({ $0 >= 48 && $0 <= 57 }) else { return nil }
        var value: UInt64 = 0
        for digit in bytes {
            let (times, o1) = value.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times.addingReportingOverflow(UInt64(digit - 48))
            // strtoul saturates at ULONG_MAX on overflow, which is then out of every range but u64's.
            if o1 || o2 { return max == UInt64.max ? nil : nil }
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
        guard !text.hasPrefix("-") else { return nil }
        return RateValue.bytesPerSecond(parsing: text)
    }

    /// `ll_addr_a2n`: hex bytes separated by `:` (or `.`), 1-2 digits each.
    static func mac(_ text: String) -> MACAddress? {
        let normalized = text.replacingDots()
        return try? MACAddress(parsing: normalized)
    }

    /// One `INDEX:BW` word of `tc-bw`.
    static func trafficClass(_ text: String) -> (index: UInt64, bandwidth: UInt32)? {
        let parts = text.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
        guard parts.count == 2, let index = unsigned(String(parts[0]), max: UInt64(UInt32.max)),
              let bw = unsigned(String(parts[1]), max: UInt64(UInt32.max)) else { return nil }
        return (index, UInt32(bw))
    }

    /// True when the word is all decimal digits (or empty): devlink then reads a port index, not a node.
    static func isAllDigits(_ text: Substring) -> Bool {
        text.utf8.allSatisfy { $0 >= 48 && $0 <= 57 }
    }
}

extension String {
    fileprivate func replacingDots() -> String {
        String(map { $0 == "." ? ":" : $0 })
    }
}

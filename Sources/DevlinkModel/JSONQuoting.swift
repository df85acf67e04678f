/// JSON string literals, for the two JSON writers outside the language: devlink's (`-j` output) and
/// the desired-state document's. They differ only in the control characters below 0x20 other than
/// `\n`, `\r` and `\t`.
public enum JSONQuoting: Sendable {
    /// iproute2's `jsonw_puts`: `\f` and `\b` by name, every other control character as it is.
    case iproute2
    /// RFC 8259: every other control character as `\u00XX`.
    case strict

    /// `text` in double quotes, escaped in this style.
    public func quote(_ text: String) -> String {
        var out = "\""
        for scalar in text.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value >= 0x20: out.unicodeScalars.append(scalar)
            case _ where self == .strict:
                let hex = String(scalar.value, radix: 16)
                out += "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
            case "\u{0C}": out += "\\f"
            case "\u{08}": out += "\\b"
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }
}

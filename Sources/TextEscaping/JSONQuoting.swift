/// Double-quoted string literals with JSON's backslash escapes, for every writer that quotes a string:
/// devlink's JSON (`-j` output), the desired-state document, the language's `json()` and its string
/// literals (REPL echo, strings inside lists). The styles differ only in the control characters below
/// 0x20 other than `\n`, `\r` and `\t`.
public enum JSONQuoting: Sendable {
    /// iproute2's `jsonw_puts`: `\f` and `\b` by name, every other control character as it is.
    case iproute2
    /// RFC 8259: every other control character as `\u00XX`.
    case strict
    /// A dls string literal as the REPL echoes it: every other control character as `\u{X}`, as Swift
    /// writes it.
    case dlsLiteral

    /// `text` in double quotes, escaped in this style.
    public func quote(_ text: String) -> String {
        // Most strings (names, handles) need no escape: copied whole instead of scalar by scalar.
        var text = text
        if !text.withUTF8(Self.needsEscape) {
            return "\"" + text + "\""
        }
        return "\"" + text.escapingScalars(escape) + "\""
    }

    /// Whether UTF-8 text holds a byte that some style escapes (a control character, `"` or `\`).
    /// A UTF-8 byte below 0x80 is a whole scalar, so the byte test is the scalar test.
    public static func needsEscape(_ bytes: UnsafeBufferPointer<UInt8>) -> Bool {
        bytes.contains { $0 < 0x20 || $0 == UInt8(ascii: "\"") || $0 == UInt8(ascii: "\\") }
    }

    /// What `scalar` becomes inside the quotes; nil where it stands as it is.
    private func escape(_ scalar: Unicode.Scalar) -> String? {
        switch scalar {
        case "\"": return "\\\""
        case "\\": return "\\\\"
        case "\n": return "\\n"
        case "\r": return "\\r"
        case "\t": return "\\t"
        case _ where scalar.value >= 0x20: return nil
        default: break
        }
        switch self {
        case .strict:
            let hex = String(scalar.value, radix: 16)
            return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
        case .dlsLiteral:
            return "\\u{" + String(scalar.value, radix: 16) + "}"
        case .iproute2:
            switch scalar {
            case "\u{0C}": return "\\f"
            case "\u{08}": return "\\b"
            default: return nil
            }
        }
    }
}

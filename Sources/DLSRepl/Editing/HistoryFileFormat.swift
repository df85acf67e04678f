/// libedit's history file format: a `_HiStOrY_V2_` line, then one `strvis(VIS_WHITE)`-style encoded
/// entry per line (space → `\040`, newline → `\012`, backslash → `\\`). Keeping the format means the
/// file stays readable by libedit's own `H_LOAD` and looks like other libedit programs' files.
enum HistoryFileFormat {
    static let header = "_HiStOrY_V2_"

    static func encode(_ entries: [String]) -> String {
        var out = header + "\n"
        for entry in entries {
            out += encodeEntry(entry)
            out += "\n"
        }
        return out
    }

    static func encodeEntry(_ entry: String) -> String {
        var out: [UInt8] = []
        for byte in entry.utf8 {
            switch byte {
            case UInt8(ascii: "\\"): out += Array("\\\\".utf8)
            case 0..<0x21, 0x7f: out += Array(octal(byte).utf8)  // whitespace and controls, as strvis does
            default: out.append(byte)  // UTF-8 stays raw, as libedit writes it
            }
        }
        return String(decoding: out, as: UTF8.self)
    }

    private static func octal(_ b: UInt8) -> String {
        let digits = String(b, radix: 8)
        return "\\" + String(repeating: "0", count: 3 - digits.count) + digits
    }

    static func decode(_ text: String) -> [String] {
        var lines = text.split(separator: "\n", omittingEmptySubsequences: true).map(String.init)
        if lines.first == header { lines.removeFirst() }
        return lines.map(decodeEntry).filter { !$0.isEmpty }
    }

    /// Undoes `\ooo`, `\\` and the common C escapes; anything else is kept as written.
    static func decodeEntry(_ line: String) -> String {
        let bytes = Array(line.utf8)
        var out: [UInt8] = []
        var i = 0
        while i < bytes.count {
            let b = bytes[i]
            guard b == UInt8(ascii: "\\"), i + 1 < bytes.count else {
                out.append(b)
                i += 1
                continue
            }
            let next = bytes[i + 1]
            if let value = octalValue(bytes, at: i + 1) {
                out.append(value)
                i += 4
                continue
            }
            // vis meta/control forms (libedit in the C locale writes UTF-8 bytes as `\M-C\M-)`).
            if let (value, used) = metaOrControl(bytes, at: i + 1) {
                out.append(value)
                i += 1 + used
                continue
            }
            switch next {
            case UInt8(ascii: "\\"): out.append(next)
            case UInt8(ascii: "n"): out.append(0x0a)
            case UInt8(ascii: "t"): out.append(0x09)
            case UInt8(ascii: "s"): out.append(0x20)
            default: out.append(contentsOf: [b, next])
            }
            i += 2
        }
        return String(decoding: out, as: UTF8.self)
    }

    /// `M-c` → c|0x80, `M^c` → ctrl(c)|0x80, `^c` → ctrl(c); returns the byte and bytes consumed.
    private static func metaOrControl(_ bytes: [UInt8], at i: Int) -> (UInt8, Int)? {
        func control(_ c: UInt8) -> UInt8 { c == UInt8(ascii: "?") ? 0x7f : c & 0x1f }
        if bytes[i] == UInt8(ascii: "^"), i + 1 < bytes.count { return (control(bytes[i + 1]), 2) }
        guard bytes[i] == UInt8(ascii: "M"), i + 2 < bytes.count else { return nil }
        switch bytes[i + 1] {
        case UInt8(ascii: "-"): return (bytes[i + 2] | 0x80, 3)
        case UInt8(ascii: "^"): return (control(bytes[i + 2]) | 0x80, 3)
        default: return nil
        }
    }

    private static func octalValue(_ bytes: [UInt8], at i: Int) -> UInt8? {
        guard i + 2 < bytes.count else { return nil }
        var value = 0
        for k in i...(i + 2) {
            let d = Int(bytes[k]) - Int(UInt8(ascii: "0"))
            guard (0...7).contains(d) else { return nil }
            value = value * 8 + d
        }
        return value < 256 ? UInt8(value) : nil
    }
}

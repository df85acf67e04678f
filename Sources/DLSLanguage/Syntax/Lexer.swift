/// Hand-written, on-demand lexer over UTF-8 bytes. The parser pulls one token at a time and, for
/// command statements, takes over the cursor to scan shell-like words (see CommandWordScanner).
public struct Lexer {
    let bytes: [UInt8]
    let file: String
    let fileID: Int32
    var pos: Int
    var line: Int
    var lineStart: Int

    public init(bytes: [UInt8], file: String, line: Int = 1, column: Int = 1) {
        self.bytes = bytes
        self.file = file
        self.fileID = SourceFileNames.id(for: file)
        self.pos = 0
        self.line = line
        // A negative lineStart makes the first line's columns start at `column` (embedded code).
        self.lineStart = -(column - 1)
    }

    var location: SourceLocation { SourceLocation(fileID: fileID, line: line, column: pos - lineStart + 1) }

    func location(at offset: Int) -> SourceLocation {
        SourceLocation(fileID: fileID, line: line, column: offset - lineStart + 1)
    }

    func peekByte(_ ahead: Int = 0) -> UInt8? {
        let i = pos + ahead
        return i < bytes.count ? bytes[i] : nil
    }

    mutating func advanceLine() {
        line += 1
        lineStart = pos
    }

    /// Skips blanks, comments and `\`-newline continuations; stops at a newline.
    mutating func skipTrivia() {
        while let c = peekByte() {
            if c == 32 || c == 9 || c == 13 {
                pos += 1
            } else if c == UInt8(ascii: "#") {
                while let d = peekByte(), d != 10 { pos += 1 }
            } else if c == UInt8(ascii: "\\"), peekByte(1) == 10 {
                pos += 2
                advanceLine()
            } else {
                return
            }
        }
    }

    public mutating func next() -> Token {
        skipTrivia()
        let start = pos
        let loc = location
        func token(_ kind: TokenKind) -> Token { Token(kind: kind, location: loc, start: start, end: pos) }
        guard let c = peekByte() else { return token(.eof) }
        if c == 10 {
            pos += 1
            let t = token(.newline)
            advanceLine()
            return t
        }
        if isIdentifierStart(c) {
            while let d = peekByte(), isIdentifierPart(d) { pos += 1 }
            let text = String(decoding: bytes[start..<pos], as: UTF8.self)
            if let k = Keyword(rawValue: text) { return token(.keyword(k)) }
            return token(.identifier(text))
        }
        if isDigit(c) { return token(scanNumber()) }
        if c == UInt8(ascii: "\"") { return token(scanString()) }
        if c == UInt8(ascii: "'") { return token(scanRawString()) }
        return token(scanSymbol())
    }

    mutating func scanSymbol() -> TokenKind {
        // Longest match first: three, two, then one byte.
        for length in [3, 2, 1] where pos + length <= bytes.count {
            let text = String(decoding: bytes[pos..<(pos + length)], as: UTF8.self)
            if let s = Symbol(rawValue: text) {
                pos += length
                return .symbol(s)
            }
        }
        let scalarLength = max(1, utf8Length(bytes[pos]))
        let end = min(bytes.count, pos + scalarLength)
        let text = String(decoding: bytes[pos..<end], as: UTF8.self)
        pos = end
        return .error("unexpected character '\(text)'")
    }

    mutating func scanNumber() -> TokenKind {
        let start = pos
        if bytes[pos] == UInt8(ascii: "0"), let x = peekByte(1), x == UInt8(ascii: "x") || x == UInt8(ascii: "X") {
            pos += 2
            let digitsStart = pos
            while let d = peekByte(), isHexDigit(d) || d == UInt8(ascii: "_") { pos += 1 }
            let digits = String(decoding: bytes[digitsStart..<pos], as: UTF8.self).replacingUnderscores()
            guard !digits.isEmpty, let v = Int(digits, radix: 16) else {
                return .error("invalid hexadecimal number '\(String(decoding: bytes[start..<pos], as: UTF8.self))'")
            }
            return .int(v)
        }
        while let d = peekByte(), isDigit(d) || d == UInt8(ascii: "_") { pos += 1 }
        var isFloat = false
        // A '.' is a decimal point only when a digit follows: `0..4` is a range.
        if peekByte() == UInt8(ascii: "."), let d = peekByte(1), isDigit(d) {
            isFloat = true
            pos += 1
            while let d = peekByte(), isDigit(d) || d == UInt8(ascii: "_") { pos += 1 }
        }
        if let e = peekByte(), e == UInt8(ascii: "e") || e == UInt8(ascii: "E") {
            var ahead = 1
            if let s = peekByte(1), s == UInt8(ascii: "+") || s == UInt8(ascii: "-") { ahead = 2 }
            if let d = peekByte(ahead), isDigit(d) {
                isFloat = true
                pos += ahead
                while let d = peekByte(), isDigit(d) { pos += 1 }
            }
        }
        let numberText = String(decoding: bytes[start..<pos], as: UTF8.self).replacingUnderscores()
        // Letters glued to a number are a devlink rate unit: 10gbit, 1.5Gbps, 8Kibit.
        if let c = peekByte(), isIdentifierStart(c) {
            let suffixStart = pos
            while let d = peekByte(), isIdentifierPart(d) { pos += 1 }
            let suffix = String(decoding: bytes[suffixStart..<pos], as: UTF8.self)
            guard let scale = Rate.multiplier(forSuffix: suffix), let value = Double(numberText) else {
                return .error("unknown unit '\(suffix)' after number (rate units: bit, kbit, mbit, gbit, tbit, kibit.., bps, kbps, mbps, gbps, tbps, kibps..)")
            }
            guard let rate = Rate.fromBits(value * scale) else {
                return .error("rate \(numberText)\(suffix) is out of range")
            }
            return .rate(rate.bytesPerSecond, numberText + suffix)
        }
        if isFloat {
            guard let v = Double(numberText) else { return .error("invalid number '\(numberText)'") }
            return .float(v)
        }
        guard let v = Int(numberText) else {
            return .error("integer literal '\(numberText)' does not fit in 64 bits")
        }
        return .int(v)
    }

    /// Double-quoted string with escapes and `${expr}` interpolation.
    mutating func scanString() -> TokenKind {
        pos += 1
        var pieces: [StringPiece] = []
        var text: [UInt8] = []
        while true {
            guard let c = peekByte() else { return .error("unterminated string (end of input)") }
            if c == 10 { return .error("unterminated string (end of line)") }
            if c == UInt8(ascii: "\"") { pos += 1; break }
            if c == UInt8(ascii: "\\") {
                guard let e = peekByte(1) else { return .error("unterminated string (end of input)") }
                pos += 2
                switch e {
                case UInt8(ascii: "n"): text.append(10)
                case UInt8(ascii: "t"): text.append(9)
                case UInt8(ascii: "r"): text.append(13)
                case UInt8(ascii: "0"): text.append(0)
                case UInt8(ascii: "\\"), UInt8(ascii: "\""), UInt8(ascii: "$"), UInt8(ascii: "'"): text.append(e)
                default:
                    return .error("unknown escape sequence '\\\(String(decoding: [e], as: UTF8.self))' in string")
                }
                continue
            }
            if c == UInt8(ascii: "$"), peekByte(1) == UInt8(ascii: "{") {
                if !text.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
                pos += 2
                let codeLocation = location
                guard let end = Lexer.matchingClose(bytes, from: pos, open: UInt8(ascii: "{"), close: UInt8(ascii: "}")) else {
                    return .error("unterminated '${' in string")
                }
                pieces.append(.code(String(decoding: bytes[pos..<end], as: UTF8.self), codeLocation))
                pos = end + 1
                continue
            }
            text.append(c)
            pos += 1
        }
        if !text.isEmpty || pieces.isEmpty { pieces.append(.text(String(decoding: text, as: UTF8.self))) }
        return .string(pieces)
    }

    /// Single-quoted string: no escapes except `\'` and `\\`, no interpolation.
    mutating func scanRawString() -> TokenKind {
        pos += 1
        var text: [UInt8] = []
        while true {
            guard let c = peekByte() else { return .error("unterminated string (end of input)") }
            if c == 10 { return .error("unterminated string (end of line)") }
            pos += 1
            if c == UInt8(ascii: "'") { break }
            if c == UInt8(ascii: "\\"), let e = peekByte(), e == UInt8(ascii: "'") || e == UInt8(ascii: "\\") {
                text.append(e)
                pos += 1
                continue
            }
            text.append(c)
        }
        return .string([.text(String(decoding: text, as: UTF8.self))])
    }

    /// Index of the byte closing a bracket opened just before `from`, skipping nested pairs and strings
    /// on the same line; nil if the line or input ends first.
    static func matchingClose(_ bytes: [UInt8], from: Int, open: UInt8, close: UInt8) -> Int? {
        var depth = 0
        var i = from
        while i < bytes.count {
            let c = bytes[i]
            if c == 10 { return nil }
            if c == UInt8(ascii: "\"") || c == UInt8(ascii: "'") {
                i += 1
                while i < bytes.count, bytes[i] != c, bytes[i] != 10 {
                    if bytes[i] == UInt8(ascii: "\\") { i += 1 }
                    i += 1
                }
            } else if c == open {
                depth += 1
            } else if c == close {
                if depth == 0 { return i }
                depth -= 1
            }
            i += 1
        }
        return nil
    }
}

@inline(__always) func isDigit(_ c: UInt8) -> Bool { c >= 48 && c <= 57 }
@inline(__always) func isHexDigit(_ c: UInt8) -> Bool {
    isDigit(c) || (c >= 97 && c <= 102) || (c >= 65 && c <= 70)
}
@inline(__always) func isIdentifierStart(_ c: UInt8) -> Bool {
    (c >= 97 && c <= 122) || (c >= 65 && c <= 90) || c == 95
}
@inline(__always) func isIdentifierPart(_ c: UInt8) -> Bool { isIdentifierStart(c) || isDigit(c) }
func utf8Length(_ lead: UInt8) -> Int {
    if lead < 0x80 { return 1 }
    if lead >> 5 == 0b110 { return 2 }
    if lead >> 4 == 0b1110 { return 3 }
    if lead >> 3 == 0b11110 { return 4 }
    return 1
}

extension String {
    func replacingUnderscores() -> String { String(self.filter { $0 != "_" }) }
}

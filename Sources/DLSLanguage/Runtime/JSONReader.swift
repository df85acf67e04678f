/// `json_parse(TEXT)`: strict JSON (RFC 8259) to dls values. Objects become maps in document order,
/// arrays lists, integers ints (64-bit: a larger one is an error, not a rounded float), numbers with
/// a fraction or exponent floats. Errors give the line and column in the text.
public struct JSONReader {
    /// Deepest nesting accepted: the same as printing and `json()` handle.
    public static let maxDepth = 200

    public struct Failure: Error, Sendable, Equatable {
        public var line: Int
        public var column: Int
        public var message: String

        public var description: String { "line \(line), column \(column): \(message)" }
    }

    private let bytes: [UInt8]
    private var offset = 0

    public static func parse(_ text: String) throws(Failure) -> Value {
        var reader = JSONReader(bytes: Array(text.utf8))
        reader.skipBlanks()
        let value = try reader.value(depth: 0)
        reader.skipBlanks()
        if reader.offset < reader.bytes.count { throw reader.failure("unexpected \(reader.describeCurrent()) after the value") }
        return value
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    // MARK: errors

    private func failure(_ message: String, at position: Int? = nil) -> Failure {
        let (line, column) = TextFile.lineAndColumn(of: position ?? offset, in: bytes)
        return Failure(line: line, column: column, message: message)
    }

    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        if b >= 0x21 && b < 0x7f { return "'\(Character(UnicodeScalar(b)))'" }
        return b == 0x0a ? "end of line" : "byte \(TextFile.hex(b))"
    }

    // MARK: values

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipBlanks() {
        while let b = current, b == 0x20 || b == 0x09 || b == 0x0a || b == 0x0d { offset += 1 }
    }

    private mutating func value(depth: Int) throws(Failure) -> Value {
        guard let b = current else { throw failure("a value expected, found end of input") }
        switch b {
        case UInt8(ascii: "{"): return try object(depth: depth + 1)
        case UInt8(ascii: "["): return try array(depth: depth + 1)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try literal("true", .bool(true))
        case UInt8(ascii: "f"): return try literal("false", .bool(false))
        case UInt8(ascii: "n"): return try literal("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("a value expected, found \(describeCurrent())")
        }
    }

    private mutating func literal(_ word: String, _ value: Value) throws(Failure) -> Value {
        let expected = Array(word.utf8)
        guard bytes.count - offset >= expected.count, Array(bytes[offset..<offset + expected.count]) == expected else {
            throw failure("a value expected, found \(describeCurrent())")
        }
        offset += expected.count
        return value
    }

    private mutating func enter(_ depth: Int) throws(Failure) {
        guard depth <= Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels deep") }
        offset += 1
        skipBlanks()
    }

    private mutating func object(depth: Int) throws(Failure) -> Value {
        try enter(depth)
        var entries = MapEntries()
        if current == UInt8(ascii: "}") { offset += 1; return .map(MapObject(entries)) }
        while true {
            guard current == UInt8(ascii: "\"") else { throw failure("a member name in double quotes expected, found \(describeCurrent())") }
            let key = try string()
            skipBlanks()
            guard current == UInt8(ascii: ":") else { throw failure("':' expected after the member name, found \(describeCurrent())") }
            offset += 1
            skipBlanks()
            entries[.string(key)] = try value(depth: depth)
            skipBlanks()
            switch current {
            case UInt8(ascii: ","): offset += 1; skipBlanks()
            case UInt8(ascii: "}"): offset += 1; return .map(MapObject(entries))
            default: throw failure("',' or '}' expected after a member, found \(describeCurrent())")
            }
        }
    }

    private mutating func array(depth: Int) throws(Failure) -> Value {
        try enter(depth)
        var items: [Value] = []
        if current == UInt8(ascii: "]") { offset += 1; return .list(ListObject(items)) }
        while true {
            items.append(try value(depth: depth))
            skipBlanks()
            switch current {
            case UInt8(ascii: ","): offset += 1; skipBlanks()
            case UInt8(ascii: "]"): offset += 1; return .list(ListObject(items))
            default: throw failure("',' or ']' expected after an element, found \(describeCurrent())")
            }
        }
    }

    private mutating func number() throws(Failure) -> Value {
        let start = offset
        func digits() -> Int {
            let from = offset
            while let b = current, b >= UInt8(ascii: "0") && b <= UInt8(ascii: "9") { offset += 1 }
            return offset - from
        }
        if current == UInt8(ascii: "-") { offset += 1 }
        let integerStart = offset
        let integerDigits = digits()
        guard integerDigits > 0 else { throw failure("a digit expected after '-', found \(describeCurrent())") }
        if integerDigits > 1 && bytes[integerStart] == UInt8(ascii: "0") {
            throw failure("a number cannot start with 0 (leading zeros are not JSON)", at: integerStart)
        }
        var isInteger = true
        if current == UInt8(ascii: ".") {
            offset += 1
            isInteger = false
            guard digits() > 0 else { throw failure("a digit expected after the decimal point, found \(describeCurrent())") }
        }
        if current == UInt8(ascii: "e") || current == UInt8(ascii: "E") {
            offset += 1
            isInteger = false
            if current == UInt8(ascii: "+") || current == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw failure("a digit expected in the exponent, found \(describeCurrent())") }
        }
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger {
            guard let i = Int(text) else {
                throw failure("the integer \(text) does not fit in 64 bits (range \(Int.min)...\(Int.max))", at: start)
            }
            return .int(i)
        }
        guard let d = Double(text), d.isFinite else { throw failure("the number \(text) is out of range", at: start) }
        return .float(d)
    }

    private mutating func string() throws(Failure) -> String {
        offset += 1  // the opening quote
        var out: [UInt8] = []
        while true {
            guard let b = current else { throw failure("unterminated string (a '\"' expected before the end of input)") }
            switch b {
            case UInt8(ascii: "\""):
                offset += 1
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                offset += 1
                try escape(into: &out)
            case 0..<0x20:
                throw failure("a control character (byte \(TextFile.hex(b))) in a string must be escaped")
            default:
                out.append(b)
                offset += 1
            }
        }
    }

    private mutating func escape(into out: inout [UInt8]) throws(Failure) {
        guard let b = current else { throw failure("unterminated string (a '\"' expected before the end of input)") }
        if let plain = Self.unescaped(b) {
            out.append(plain)
            offset += 1
            return
        }
        guard b == UInt8(ascii: "u") else { throw failure("unknown escape '\\\(Character(UnicodeScalar(b)))' in a string") }
        let escapeStart = offset - 1
        offset += 1
        var code = try hex4()
        if (0xD800...0xDBFF).contains(code) {
            // A high surrogate must be followed by an escaped low one: together they are one character.
            guard current == UInt8(ascii: "\\"), offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") else {
                throw failure("a lone surrogate \\u\(String(code, radix: 16, uppercase: true)) (the second half of the pair is missing)", at: escapeStart)
            }
            offset += 2
            let low = try hex4()
            guard (0xDC00...0xDFFF).contains(low) else {
                throw failure("\\u\(String(code, radix: 16, uppercase: true)) is not followed by a low surrogate (\\uDC00...\\uDFFF)", at: escapeStart)
            }
            code = 0x10000 + ((code - 0xD800) << 10) + (low - 0xDC00)
        } else if (0xDC00...0xDFFF).contains(code) {
            throw failure("a lone surrogate \\u\(String(code, radix: 16, uppercase: true)) (the first half of the pair is missing)", at: escapeStart)
        }
        guard let scalar = Unicode.Scalar(code) else { throw failure("\\u escape is not a character", at: escapeStart) }
        out.append(contentsOf: Array(String(Character(scalar)).utf8))
    }

    /// The byte a one-letter escape (`\n`, `\"`) stands for.
    private static func unescaped(_ letter: UInt8) -> UInt8? {
        switch letter {
        case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): return letter
        case UInt8(ascii: "b"): return 0x08
        case UInt8(ascii: "f"): return 0x0c
        case UInt8(ascii: "n"): return 0x0a
        case UInt8(ascii: "r"): return 0x0d
        case UInt8(ascii: "t"): return 0x09
        default: return nil
        }
    }

    private mutating func hex4() throws(Failure) -> UInt32 {
        guard bytes.count - offset >= 4,
              let code = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16),
              bytes[offset..<offset + 4].allSatisfy({ $0 != UInt8(ascii: "+") && $0 != UInt8(ascii: "-") }) else {
            throw failure("four hex digits expected after \\u")
        }
        offset += 4
        return code
    }
}

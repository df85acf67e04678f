/// A JSON value that keeps members in document order, duplicates included (the decoder reports a key
/// given twice, which a dictionary would silently drop), with the position of each value for errors.
/// Values built by a `.dls` script come in as the same tree (rates as `.rate`). Not `indirect`: arrays
/// and members already hold their values out of line, and a box per value was an allocation for
/// every string and number of a document.
public enum JSONTree: Equatable, Sendable {
    case null
    case bool(Bool)
    case int(Int64)
    case double(Double)
    case string(String)
    /// Bytes per second: a rate value from a script (`10gbit`); JSON text spells rates as strings.
    case rate(UInt64)
    case array([JSONTree])
    case object([Member])

    public struct Member: Equatable, Sendable {
        public var key: String
        public var value: JSONTree
        public init(_ key: String, _ value: JSONTree) {
            self.key = key
            self.value = value
        }
    }

    /// What a value is, for "expected ..., got ..." messages.
    var kindName: String {
        switch self {
        case .null: "null"
        case .bool: "a boolean"
        case .int, .double: "a number"
        case .string: "a string"
        case .rate: "a rate"
        case .array: "an array"
        case .object: "an object"
        }
    }
}

/// A JSON syntax error with its line and column.
public struct JSONSyntaxError: Error, Equatable, Sendable, CustomStringConvertible {
    public var line: Int
    public var column: Int
    public var message: String
    public var description: String { "line \(line), column \(column): \(message)" }
}

/// Strict JSON (RFC 8259) to a `JSONTree`: no comments, no trailing commas, nesting up to 64 levels.
/// It reads the text's UTF-8 in place: a document of a thousand SFs is tens of thousands of bytes, and
/// most of its strings (keys, handles, rates) have no escape, so they are made from their bytes at once.
public struct JSONTreeParser {
    static let maxDepth = 64
    private let bytes: UnsafeBufferPointer<UInt8>
    private var offset = 0

    public static func parse(_ text: String) throws(JSONSyntaxError) -> JSONTree {
        var text = text
        let parsed = text.withUTF8 { buffer -> Result<JSONTree, JSONSyntaxError> in
            var parser = JSONTreeParser(bytes: buffer)
            do throws(JSONSyntaxError) {
                parser.skipBlanks()
                let value = try parser.value(depth: 0)
                parser.skipBlanks()
                guard parser.offset == parser.bytes.count else { throw parser.failure("unexpected text after the document") }
                return .success(value)
            } catch {
                return .failure(error)
            }
        }
        return try parsed.get()
    }

    private init(bytes: UnsafeBufferPointer<UInt8>) { self.bytes = bytes }

    private func failure(_ message: String) -> JSONSyntaxError {
        var line = 1
        var column = 1
        for byte in bytes[..<min(offset, bytes.count)] {
            if byte == UInt8(ascii: "\n") { line += 1; column = 1 } else if byte & 0xC0 != 0x80 { column += 1 }
        }
        return JSONSyntaxError(line: line, column: column, message: message)
    }

    private var current: UInt8? { offset < bytes.count ? bytes[offset] : nil }

    private mutating func skipBlanks() {
        while offset < bytes.count {
            let byte = bytes[offset]
            guard byte == 0x20 || byte == 0x0A || byte == 0x0D || byte == 0x09 else { return }
            offset += 1
        }
    }

    private mutating func expect(_ word: StaticString, _ value: JSONTree) throws(JSONSyntaxError) -> JSONTree {
        let count = word.utf8CodeUnitCount
        guard offset + count <= bytes.count else { throw failure("unexpected character") }
        let utf8 = word.utf8Start
        for index in 0..<count where bytes[offset + index] != utf8[index] { throw failure("unexpected character") }
        offset += count
        return value
    }

    private mutating func value(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        guard depth < Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels") }
        guard let byte = current else { throw failure("unexpected end of input") }
        switch byte {
        case UInt8(ascii: "{"): return try object(depth: depth)
        case UInt8(ascii: "["): return try array(depth: depth)
        case UInt8(ascii: "\""): return .string(try string())
        case UInt8(ascii: "t"): return try expect("true", .bool(true))
        case UInt8(ascii: "f"): return try expect("false", .bool(false))
        case UInt8(ascii: "n"): return try expect("null", .null)
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"): return try number()
        default: throw failure("unexpected character")
        }
    }

    private mutating func object(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        offset += 1
        var members: [JSONTree.Member] = []
        skipBlanks()
        if current == UInt8(ascii: "}") { offset += 1; return .object(members) }
        while true {
            skipBlanks()
            guard current == UInt8(ascii: "\"") else { throw failure("expected a member name in quotes") }
            let key = try string()
            skipBlanks()
            guard current == UInt8(ascii: ":") else { throw failure("expected ':' after a member name") }
            offset += 1
            skipBlanks()
            members.append(JSONTree.Member(key, try value(depth: depth + 1)))
            skipBlanks()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "}"): offset += 1; return .object(members)
            default: throw failure("expected ',' or '}' in an object")
            }
        }
    }

    private mutating func array(depth: Int) throws(JSONSyntaxError) -> JSONTree {
        offset += 1
        var items: [JSONTree] = []
        skipBlanks()
        if current == UInt8(ascii: "]") { offset += 1; return .array(items) }
        while true {
            skipBlanks()
            items.append(try value(depth: depth + 1))
            skipBlanks()
            switch current {
            case UInt8(ascii: ","): offset += 1
            case UInt8(ascii: "]"): offset += 1; return .array(items)
            default: throw failure("expected ',' or ']' in an array")
            }
        }
    }

    private mutating func string() throws(JSONSyntaxError) -> String {
        offset += 1
        // Up to the closing quote with neither escape nor control character: the bytes as they lie.
        let start = offset
        while offset < bytes.count {
            let byte = bytes[offset]
            if byte == UInt8(ascii: "\"") {
                offset += 1
                return String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<offset - 1]), as: UTF8.self)
            }
            if byte == UInt8(ascii: "\\") || byte < 0x20 { break }
            offset += 1
        }
        var out = Array(bytes[start..<offset])
        while true {
            guard let byte = current else { throw failure("unterminated string") }
            offset += 1
            switch byte {
            case UInt8(ascii: "\""):
                return String(decoding: out, as: UTF8.self)
            case UInt8(ascii: "\\"):
                guard let escaped = current else { throw failure("unterminated string") }
                offset += 1
                switch escaped {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"), UInt8(ascii: "/"): out.append(escaped)
                case UInt8(ascii: "b"): out.append(0x08)
                case UInt8(ascii: "f"): out.append(0x0C)
                case UInt8(ascii: "n"): out.append(0x0A)
                case UInt8(ascii: "r"): out.append(0x0D)
                case UInt8(ascii: "t"): out.append(0x09)
                case UInt8(ascii: "u"):
                    var scalar = try hex4()
                    if (0xD800..<0xDC00).contains(scalar), current == UInt8(ascii: "\\"),
                       offset + 1 < bytes.count, bytes[offset + 1] == UInt8(ascii: "u") {
                        offset += 2
                        let low = try hex4()
                        guard (0xDC00..<0xE000).contains(low) else { throw failure("invalid surrogate pair") }
                        scalar = 0x10000 + ((scalar - 0xD800) << 10) + (low - 0xDC00)
                    }
                    guard let unicode = Unicode.Scalar(scalar) else { throw failure("invalid \\u escape") }
                    out.append(contentsOf: Array(String(Character(unicode)).utf8))
                default: throw failure("invalid escape")
                }
            case 0..<0x20:
                throw failure("control character in a string")
            default:
                out.append(byte)
            }
        }
    }

    private mutating func hex4() throws(JSONSyntaxError) -> UInt32 {
        guard offset + 4 <= bytes.count, let value = UInt32(String(decoding: bytes[offset..<offset + 4], as: UTF8.self), radix: 16)
        else { throw failure("invalid \\u escape") }
        offset += 4
        return value
    }

    private mutating func number() throws(JSONSyntaxError) -> JSONTree {
        let start = offset
        var isInteger = true
        if current == UInt8(ascii: "-") { offset += 1 }
        while let byte = current {
            switch byte {
            case UInt8(ascii: "0")...UInt8(ascii: "9"): offset += 1
            case UInt8(ascii: "."), UInt8(ascii: "e"), UInt8(ascii: "E"), UInt8(ascii: "+"), UInt8(ascii: "-"):
                isInteger = false
                offset += 1
            default:
                return try finish(start, isInteger)
            }
        }
        return try finish(start, isInteger)
    }

    private func finish(_ start: Int, _ isInteger: Bool) throws(JSONSyntaxError) -> JSONTree {
        let text = String(decoding: bytes[start..<offset], as: UTF8.self)
        if isInteger, let value = Int64(text) { return .int(value) }
        guard let value = Double(text), value.isFinite else { throw failure("invalid number \(text)") }
        return .double(value)
    }
}

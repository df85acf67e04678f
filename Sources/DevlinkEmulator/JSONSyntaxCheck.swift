/// Finds the first JSON syntax error and where it is. The decoder (FoundationEssentials) only says
/// "The given data was not valid JSON."; a topology author needs a line and column.
struct JSONSyntaxCheck {
    struct Failure: Equatable {
        var line: Int
        var column: Int
        var message: String
    }

    private let bytes: [UInt8]
    private var offset = 0
    private static let maxDepth = 64

    /// nil when `bytes` is one valid JSON value (with blanks around it).
    static func firstError(in bytes: [UInt8]) -> Failure? {
        var check = JSONSyntaxCheck(bytes: bytes)
        do throws(Failure) {
            check.skipBlanks()
            try check.value(depth: 0)
            check.skipBlanks()
            if check.offset < bytes.count { throw check.failure("unexpected \(check.describeCurrent()) after the value") }
            return nil
        } catch {
            return error
        }
    }

    private init(bytes: [UInt8]) { self.bytes = bytes }

    private func failure(_ message: String) -> Failure {
        let before = bytes[..<min(offset, bytes.count)]
        let line = before.reduce(1) { $1 == UInt8(ascii: "\n") ? $0 + 1 : $0 }
        let lineStart = before.lastIndex(of: UInt8(ascii: "\n")).map { $0 + 1 } ?? 0
        return Failure(line: line, column: offset - lineStart + 1, message: message)
    }

    private func describeCurrent() -> String {
        guard offset < bytes.count else { return "end of input" }
        let b = bytes[offset]
        return b >= 0x21 && b < 0x7f ? "'\(Character(UnicodeScalar(b)))'" : "byte 0x\(String(b, radix: 16))"
    }

    private mutating func skipBlanks() {
        while offset < bytes.count, [0x20, 0x09, 0x0a, 0x0d].contains(bytes[offset]) { offset += 1 }
    }

    private mutating func expect(_ byte: UInt8, _ what: String) throws(Failure) {
        skipBlanks()
        guard offset < bytes.count, bytes[offset] == byte else { throw failure("\(what) expected, found \(describeCurrent())") }
        offset += 1
    }

    private mutating func value(depth: Int) throws(Failure) {
        guard depth < Self.maxDepth else { throw failure("nested more than \(Self.maxDepth) levels deep") }
        skipBlanks()
        guard offset < bytes.count else { throw failure("a value expected, found end of input") }
        switch bytes[offset] {
        case UInt8(ascii: "{"):
            offset += 1
            skipBlanks()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "}") { offset += 1; return }
            repeat {
                skipBlanks()
                guard offset < bytes.count, bytes[offset] == UInt8(ascii: "\"") else {
                    throw failure("a quoted key expected, found \(describeCurrent())")
                }
                try string()
                try expect(UInt8(ascii: ":"), "':'")
                try value(depth: depth + 1)
                skipBlanks()
            } while offset < bytes.count && bytes[offset] == UInt8(ascii: ",") && { offset += 1; return true }()
            try expect(UInt8(ascii: "}"), "',' or '}'")
        case UInt8(ascii: "["):
            offset += 1
            skipBlanks()
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "]") { offset += 1; return }
            repeat {
                try value(depth: depth + 1)
                skipBlanks()
            } while offset < bytes.count && bytes[offset] == UInt8(ascii: ",") && { offset += 1; return true }()
            try expect(UInt8(ascii: "]"), "',' or ']'")
        case UInt8(ascii: "\""):
            try string()
        case UInt8(ascii: "-"), UInt8(ascii: "0")...UInt8(ascii: "9"):
            try number()
        default:
            for word in ["true", "false", "null"] where bytes[offset...].starts(with: word.utf8) {
                offset += word.utf8.count
                return
            }
            throw failure("a value expected, found \(describeCurrent())")
        }
    }

    private mutating func string() throws(Failure) {
        let start = offset
        offset += 1
        while offset < bytes.count {
            let b = bytes[offset]
            if b == UInt8(ascii: "\"") { offset += 1; return }
            if b < 0x20 { throw failure("control character in a string (write it as an escape)") }
            offset += b == UInt8(ascii: "\\") ? 2 : 1
        }
        offset = start
        throw failure("unterminated string")
    }

    private mutating func number() throws(Failure) {
        func digits() -> Int {
            let start = offset
            while offset < bytes.count, bytes[offset] >= UInt8(ascii: "0"), bytes[offset] <= UInt8(ascii: "9") { offset += 1 }
            return offset - start
        }
        if bytes[offset] == UInt8(ascii: "-") { offset += 1 }
        guard digits() > 0 else { throw failure("a digit expected, found \(describeCurrent())") }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: ".") {
            offset += 1
            guard digits() > 0 else { throw failure("a digit expected after '.', found \(describeCurrent())") }
        }
        if offset < bytes.count, bytes[offset] == UInt8(ascii: "e") || bytes[offset] == UInt8(ascii: "E") {
            offset += 1
            if offset < bytes.count, bytes[offset] == UInt8(ascii: "+") || bytes[offset] == UInt8(ascii: "-") { offset += 1 }
            guard digits() > 0 else { throw failure("a digit expected in the exponent, found \(describeCurrent())") }
        }
    }
}

extension JSONSyntaxCheck.Failure: Error {}

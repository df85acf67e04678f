#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// Splits a devlink batch file into command lines exactly as iproute2 does (`getcmdline`,
/// `makeargs`): `#` ends a line anywhere, a trailing `\` joins the next line, words split on blanks,
/// a word starting with `'` or `"` runs to the matching quote. A line's number is that of its last
/// physical line, as devlink reports it in `Command failed FILE:LINE`. Works on the file's bytes, as
/// devlink does (and because walking Characters dominated big batches).
public struct BatchReader {
    public struct Line: Sendable, Equatable {
        public var number: Int
        public var words: [String]

        public init(number: Int, words: [String]) {
            self.number = number
            self.words = words
        }
    }

    public enum Failure: Error, Equatable {
        /// "Missing continuation line": the file ended after a `\`.
        case missingContinuation
        /// "Unterminated quoted string": devlink exits at once.
        case unterminatedQuote(line: Int)

        public var message: String {
            switch self {
            case .missingContinuation: return "Missing continuation line"
            case .unterminatedQuote: return "Unterminated quoted string"
            }
        }
    }

    private let text: [UInt8]
    /// Where the next physical line starts; a final newline does not start another line.
    private var position = 0
    /// The number of the last physical line read.
    private var lineNumber = 0
    /// The last line's words: a word spelled like the one in the same place there is that String
    /// again (batch files repeat their command words on every line, and making a String is dearer
    /// than comparing a few bytes).
    private var previous: [String] = []

    public init(_ text: String) {
        self.text = Array(text.utf8)
    }

    /// The next command line with at least one word, nil at the end of the file.
    public mutating func nextLine() throws(Failure) -> Line? {
        while position < text.count {
            var (range, continues) = cut()
            var words: [String]
            if continues {
                // Joined lines are copied together; single lines are split where they lie.
                var joined = Array(text[range])
                while continues {
                    guard position < text.count else { throw .missingContinuation }
                    joined.removeLast()
                    (range, continues) = cut()
                    joined.append(contentsOf: text[range])
                }
                words = try joined.withUnsafeBufferPointer { bytes throws(Failure) in
                    try BatchReader.makeArguments(bytes, line: lineNumber, reusing: previous)
                }
            } else {
                words = try text.withUnsafeBufferPointer { bytes throws(Failure) in
                    try BatchReader.makeArguments(UnsafeBufferPointer(rebasing: bytes[range]), line: lineNumber, reusing: previous)
                }
            }
            if !words.isEmpty {
                previous = words
                return Line(number: lineNumber, words: words)
            }
        }
        return nil
    }

    /// The next physical line without its comment, and whether it asks for the next one: `getcmdline`
    /// looks for a backslash right before the newline, which a `#` cut removes.
    private mutating func cut() -> (Range<Int>, Bool) {
        let start = position
        let (end, hash) = text.withUnsafeBufferPointer { bytes -> (Int, Int?) in
            guard let base = bytes.baseAddress, start < bytes.count else { return (start, nil) }
            func find(_ byte: UInt8, _ from: Int, _ to: Int) -> Int? {
                memchr(base + from, Int32(byte), to - from).map { UnsafePointer($0.assumingMemoryBound(to: UInt8.self)) - base }
            }
            let end = find(UInt8(ascii: "\n"), start, bytes.count) ?? bytes.count
            return (end, find(UInt8(ascii: "#"), start, end))
        }
        let hasNewline = end < text.count
        position = hasNewline ? end + 1 : end
        lineNumber += 1
        if let hash { return (start..<hash, false) }
        return (start..<end, hasNewline && end > start && text[end - 1] == UInt8(ascii: "\\"))
    }

    static func makeArguments(_ bytes: UnsafeBufferPointer<UInt8>, line number: Int,
                              reusing previous: [String] = []) throws(Failure) -> [String] {
        var words: [String] = []
        words.reserveCapacity(8)   // most devlink lines have a few more than that; growing from 1 cost more
        var i = 0
        func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 || c == 10 }
        func word(_ range: Range<Int>) -> String {
            let piece = UnsafeBufferPointer(rebasing: bytes[range])
            if words.count < previous.count {
                let same = previous[words.count].utf8.withContiguousStorageIfAvailable { old in
                    old.count == piece.count && (old.isEmpty || memcmp(old.baseAddress!, piece.baseAddress!, old.count) == 0)
                }
                if same == true { return previous[words.count] }
            }
            return String(decoding: piece, as: UTF8.self)
        }
        while i < bytes.count {
            while i < bytes.count, isBlank(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") {
                let quote = bytes[i]
                let start = i + 1
                guard let end = bytes[start...].firstIndex(of: quote) else { throw .unterminatedQuote(line: number) }
                words.append(word(start..<end))
                // The character after the closing quote is overwritten by the separator, as in makeargs.
                i = end + 1
                if i < bytes.count { i += 1 }
            } else {
                let start = i
                while i < bytes.count, !isBlank(bytes[i]) { i += 1 }
                words.append(word(start..<i))
                i += 1
            }
        }
        return words
    }
}

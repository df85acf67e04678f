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
    /// `nextLine()`'s words, kept so that its lines share Strings as `nextLine(into:)`'s do.
    private var words: [CommandWordInput] = []

    public init(_ text: String) {
        self.text = Array(text.utf8)
    }

    /// The next command line with at least one word, nil at the end of the file.
    public mutating func nextLine() throws(Failure) -> Line? {
        var words = self.words
        self.words = []
        defer { self.words = words }
        guard let number = try nextLine(into: &words) else { return nil }
        return Line(number: number, words: words.map(\.text))
    }

    /// Reads the next command line with at least one word into `words` and returns its number, nil
    /// at the end of the file. `words` is rewritten in place: a word spelled like the one in the same
    /// place before keeps that String, and the array keeps its storage. Batch files repeat their
    /// command words on every line, and making a String, or an array per line, is dearer than
    /// comparing a few bytes. After a blank line `words` still holds the line before it.
    public mutating func nextLine(into words: inout [CommandWordInput]) throws(Failure) -> Int? {
        while position < text.count {
            var (range, continues) = cut()
            let count: Int
            if continues {
                // Joined lines are copied together; single lines are split where they lie.
                var joined = Array(text[range])
                while continues {
                    guard position < text.count else { throw .missingContinuation }
                    joined.removeLast()
                    (range, continues) = cut()
                    joined.append(contentsOf: text[range])
                }
                count = try joined.withUnsafeBufferPointer { bytes throws(Failure) in
                    try BatchReader.makeArguments(bytes, line: lineNumber, into: &words)
                }
            } else {
                count = try text.withUnsafeBufferPointer { bytes throws(Failure) in
                    try BatchReader.makeArguments(UnsafeBufferPointer(rebasing: bytes[range]), line: lineNumber, into: &words)
                }
            }
            if count > 0 {
                if count < words.count { words.removeLast(words.count - count) }
                return lineNumber
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

    /// Splits one line into `words[0..<count]` and returns `count`; words past it are left as
    /// they were (the caller drops them, or keeps them for the next line when there are none).
    static func makeArguments(_ bytes: UnsafeBufferPointer<UInt8>, line number: Int,
                              into words: inout [CommandWordInput]) throws(Failure) -> Int {
        var count = 0
        var i = 0
        func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 || c == 10 }
        while i < bytes.count {
            while i < bytes.count, isBlank(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") {
                let quote = bytes[i]
                let start = i + 1
                guard let end = bytes[start...].firstIndex(of: quote) else { throw .unterminatedQuote(line: number) }
                place(UnsafeBufferPointer(rebasing: bytes[start..<end]), at: count, in: &words)
                count += 1
                // The character after the closing quote is overwritten by the separator, as in makeargs.
                i = end + 1
                if i < bytes.count { i += 1 }
            } else {
                let start = i
                while i < bytes.count, !isBlank(bytes[i]) { i += 1 }
                place(UnsafeBufferPointer(rebasing: bytes[start..<i]), at: count, in: &words)
                count += 1
                i += 1
            }
        }
        return count
    }

    /// Puts one word at `index` (at most `words.count`), keeping the String there when it is spelled
    /// the same. (A nested function capturing `words` checked
    /// exclusive access at run time on every word.)
    private static func place(_ piece: UnsafeBufferPointer<UInt8>, at index: Int, in words: inout [CommandWordInput]) {
        guard index < words.count else {
            if words.isEmpty { words.reserveCapacity(16) }   // once: the array serves every line
            words.append(CommandWordInput(text: String(decoding: piece, as: UTF8.self)))
            return
        }
        let same = words[index].text.withUTF8 { old in
            old.count == piece.count && (old.isEmpty || memcmp(old.baseAddress!, piece.baseAddress!, old.count) == 0)
        }
        if same {
            if words[index].value != nil { words[index].value = nil }
        } else {
            words[index] = CommandWordInput(text: String(decoding: piece, as: UTF8.self))
        }
    }
}

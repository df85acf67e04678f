/// Splits a devlink batch file into command lines exactly as iproute2 does (`getcmdline`,
/// `makeargs`): `#` ends a line anywhere, a trailing `\` joins the next line, words split on blanks,
/// a word starting with `'` or `"` runs to the matching quote. A line's number is that of its last
/// physical line, as devlink reports it in `Command failed FILE:LINE`.
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

    private let physical: [Substring]
    /// False only for a last line without a final newline (it cannot continue).
    private let lastHasNewline: Bool
    private var next = 0

    public init(_ text: String) {
        // Split on bytes: the Character-based split walks grapheme clusters and dominated big batches.
        var lines = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false).map { Substring($0) }
        lastHasNewline = lines.last == ""
        // A final newline does not start another line.
        if lines.last == "" { lines.removeLast() }
        physical = lines
    }

    /// The next command line with at least one word, nil at the end of the file.
    public mutating func nextLine() throws(Failure) -> Line? {
        while next < physical.count {
            var (text, continues) = cut(next)
            next += 1
            while continues {
                guard next < physical.count else { throw .missingContinuation }
                text.removeLast()
                let (more, again) = cut(next)
                text += more
                continues = again
                next += 1
            }
            let words = try BatchReader.makeArguments(text, line: next)
            if !words.isEmpty { return Line(number: next, words: words) }
        }
        return nil
    }

    /// A physical line without its comment, and whether it asks for the next one: `getcmdline`
    /// looks for a backslash right before the newline, which a `#` cut removes.
    private func cut(_ index: Int) -> (String, Bool) {
        let line = physical[index]
        if let hash = line.utf8.firstIndex(of: UInt8(ascii: "#")) { return (String(Substring(line.utf8[..<hash])), false) }
        let hasNewline = index < physical.count - 1 || lastHasNewline
        return (String(line), hasNewline && line.utf8.last == UInt8(ascii: "\\"))
    }

    static func makeArguments(_ line: String, line number: Int) throws(Failure) -> [String] {
        let bytes = Array(line.utf8)
        var words: [String] = []
        var i = 0
        func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 || c == 10 }
        while i < bytes.count {
            while i < bytes.count, isBlank(bytes[i]) { i += 1 }
            guard i < bytes.count else { break }
            if bytes[i] == UInt8(ascii: "'") || bytes[i] == UInt8(ascii: "\"") {
                let quote = bytes[i]
                let start = i + 1
                guard let end = bytes[start...].firstIndex(of: quote) else { throw .unterminatedQuote(line: number) }
                words.append(String(decoding: bytes[start..<end], as: UTF8.self))
                // The character after the closing quote is overwritten by the separator, as in makeargs.
                i = end + 1
                if i < bytes.count { i += 1 }
            } else {
                let start = i
                while i < bytes.count, !isBlank(bytes[i]) { i += 1 }
                words.append(String(decoding: bytes[start..<i], as: UTF8.self))
                i += 1
            }
        }
        return words
    }
}

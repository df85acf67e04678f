/// Why a handle string could not be parsed: the input, the part that is wrong, and what was expected.
public struct HandleParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var input: String
    public var reason: String

    public init(input: String, reason: String) {
        self.input = input
        self.reason = reason
    }

    public var description: String { "invalid handle \"\(input)\": \(reason)" }
}

/// Shared checks for the `bus/name` part of every handle.
enum HandleSyntax {
    static func validateComponent(_ part: Substring, what: String, input: String, example: String) throws(HandleParseError) {
        if part.isEmpty {
            throw HandleParseError(input: input, reason: "\(what) is empty (expected \(example))")
        }
        if let bad = part.first(where: { $0.isWhitespace || $0.isNewline || $0 == "\0" }) {
            let shown = bad == "\0" ? "NUL" : "whitespace"
            throw HandleParseError(input: input, reason: "\(what) \"\(part)\" contains \(shown) (expected \(example))")
        }
    }

    /// Splits on "/" keeping empty parts, so "pci//x" reports an empty part rather than vanishing.
    static func parts(_ text: String) -> [Substring] {
        text.split(separator: "/", omittingEmptySubsequences: false)
    }
}

/// One possible completion of the word at the cursor.
public struct Candidate: Equatable, Hashable, Sendable, Comparable {
    /// The full text that replaces the fragment (`port`, `pci/0000:06:00.0/1`, `$dev`, `hw_addr`).
    public var text: String
    /// Appended when this candidate is the unique match: " " after a word, "(" after a function,
    /// "" after a variable or a field (the user may go on with `.`).
    public var terminator: String

    public init(_ text: String, terminator: String = " ") {
        self.text = text
        self.terminator = terminator
    }

    /// How it shows in a list.
    public var display: String { text }

    public static func < (a: Candidate, b: Candidate) -> Bool { a.text < b.text }
}

/// The answer for one Tab press: what is being completed, the candidates, and what to do.
public struct Completion: Equatable, Sendable {
    public enum Action: Equatable, Sendable {
        /// Nothing matches: beep.
        case none
        /// Replace `fragment` (the end of the text before the cursor) with this text.
        case insert(String)
        /// Several candidates and no longer common prefix: show them.
        case list
        /// Nothing to insert; show this text under the line (a function's signature after `wait(`).
        case hint(String)
    }

    /// The part of the text before the cursor that a candidate replaces.
    public var fragment: String
    /// Sorted, without duplicates.
    public var candidates: [Candidate]

    public init(fragment: String, candidates: [Candidate]) {
        self.fragment = fragment
        var seen = Set<String>()
        self.candidates = candidates
            .filter { $0.text.hasPrefix(fragment) && seen.insert($0.text).inserted }
            .sorted()
    }

    public static func nothing(_ fragment: String = "") -> Completion {
        Completion(fragment: fragment, candidates: [])
    }

    /// Text to show instead of candidates (see `Action.hint`).
    public var hint: String?

    /// Shows `text` (a signature) and inserts nothing.
    public static func hint(_ text: String) -> Completion {
        var completion = Completion(fragment: "", candidates: [])
        completion.hint = text
        return completion
    }

    /// Unique match completes (with its terminator), a longer common prefix extends, otherwise list.
    public var action: Action {
        if let hint { return .hint(hint) }
        guard let first = candidates.first else { return .none }
        if candidates.count == 1 { return .insert(first.text + first.terminator) }
        let common = Completion.commonPrefix(candidates.map(\.text))
        return common.count > fragment.count ? .insert(common) : .list
    }

    public var texts: [String] { candidates.map(\.text) }

    static func commonPrefix(_ words: [String]) -> String {
        guard var prefix = words.first else { return "" }
        for word in words.dropFirst() {
            prefix = String(zip(prefix, word).prefix { $0 == $1 }.map(\.0))
            if prefix.isEmpty { break }
        }
        return prefix
    }
}

/// Tab completion without a terminal: text before the cursor in, `Completion` out.
/// Knows statement keywords and command words at statement start, the command grammar and live
/// handles (through `CompletionVocabulary`), names and fields (through `CompletionScope`), and the
/// REPL's meta commands.
public struct CompletionEngine {
    public var vocabulary: CompletionVocabulary?
    public var scope: CompletionScope?
    /// Meta commands (`:help`) and the words their first argument takes (`:json` → on, off).
    /// An argument list of `[MetaArgument.path]` means file names.
    public var metaCommands: [String: [String]]
    public var statementKeywords: [String]
    public var expressionKeywords: [String]

    public init(vocabulary: CompletionVocabulary? = nil, scope: CompletionScope? = nil,
                metaCommands: [String: [String]] = [:],
                statementKeywords: [String] = LanguageKeywords.statement,
                expressionKeywords: [String] = LanguageKeywords.expression) {
        self.vocabulary = vocabulary
        self.scope = scope
        self.metaCommands = metaCommands
        self.statementKeywords = statementKeywords
        self.expressionKeywords = expressionKeywords
    }

    /// `cursor` counts Characters from the start of `buffer`; text after it is not looked at.
    public func complete(buffer: String, cursor: Int) -> Completion {
        complete(String(buffer.prefix(max(0, cursor))))
    }

    public func complete(_ textBeforeCursor: String) -> Completion {
        if let fragment = CompletionEngine.importPath(textBeforeCursor) {
            // A module: files relative to the current directory, as the REPL's imports resolve.
            let files = FilePathCompleter.candidates(for: fragment).map {
                $0.terminator.isEmpty ? $0 : Candidate($0.text, terminator: "\" as ")
            }
            return Completion(fragment: fragment, candidates: files)
        }
        let starters = Set((vocabulary?.commandWords ?? []) + (vocabulary?.commandPrefixes ?? []))
        let context = CursorScanner(commandStarters: starters).scan(textBeforeCursor)
        switch context {
        case .nothing:
            return .nothing()
        case .statementStart(let fragment):
            let words = statementKeywords + expressionKeywords + commandStarters()
            // An operator's `po<Tab>` means `port`: where a command word fits, names (`pop`) step aside.
            let commandFits = !fragment.isEmpty && commandStarters().contains { $0.hasPrefix(fragment) }
            return Completion(fragment: fragment,
                              candidates: words.map { Candidate($0) } + (commandFits ? [] : names()))
        case .expression(let fragment, let allowsCommand):
            let words = expressionKeywords + (allowsCommand ? commandStarters() : [])
            return Completion(fragment: fragment, candidates: words.map { Candidate($0) } + names())
        case .member(let path, let fragment, _):
            let fields = scope?.fieldNames(of: path) ?? []
            return Completion(fragment: fragment, candidates: fields.map { Candidate($0, terminator: "") })
        case .interpolatedName(let fragment):
            let vars = (scope?.globalNames() ?? []).filter { $0.kind == .variable }
            return Completion(fragment: "$" + fragment,
                              candidates: vars.map { Candidate("$" + $0.name, terminator: "") })
        case .command(let words, let fragment):
            guard let vocabulary else { return .nothing(fragment) }
            let found = CommandCompleter(vocabulary: vocabulary).candidates(words: words, fragment: fragment)
            return Completion(fragment: fragment, candidates: found)
        case .meta(let words, let fragment):
            return meta(words: words, fragment: fragment)
        }
    }

    /// The path typed so far when the cursor is in the string of `import "...`, else nil.
    static func importPath(_ text: String) -> String? {
        let line = text.split(separator: "\n", omittingEmptySubsequences: false).last ?? ""
        var rest = line.drop { $0 == " " || $0 == "\t" }
        guard rest.hasPrefix("import") else { return nil }
        rest = rest.dropFirst("import".count)
        guard rest.first == " " || rest.first == "\t" else { return nil }
        rest = rest.drop { $0 == " " || $0 == "\t" }
        guard rest.first == "\"" else { return nil }
        let path = rest.dropFirst()
        return path.contains("\"") ? nil : String(path)
    }

    private func commandStarters() -> [String] {
        guard let vocabulary else { return [] }
        return vocabulary.commandWords + vocabulary.commandPrefixes
    }

    private func names() -> [Candidate] {
        (scope?.globalNames() ?? []).map {
            Candidate($0.name, terminator: $0.kind == .function ? "(" : "")
        }
    }

    private func meta(words: [String], fragment: String) -> Completion {
        guard let command = words.first else {
            return Completion(fragment: fragment, candidates: metaCommands.keys.map { Candidate($0) })
        }
        guard words.count == 1, let arguments = metaCommands[command] else { return .nothing(fragment) }
        if arguments == [MetaArgument.path] {
            return Completion(fragment: fragment, candidates: FilePathCompleter.candidates(for: fragment))
        }
        return Completion(fragment: fragment, candidates: arguments.map { Candidate($0) })
    }
}

/// Marker values in `CompletionEngine.metaCommands`.
public enum MetaArgument {
    /// The argument is a file path.
    public static let path = "<path>"
}

/// The language's keywords, for completion. Kept here because completion only needs the words.
public enum LanguageKeywords {
    public static let statement = [
        "let", "if", "while", "for", "fn", "return", "break", "continue", "try", "assert",
        "expect_error", "test", "transaction", "import",
    ]
    public static let expression = ["true", "false", "nil", "fn", "in", "else", "catch", "not", "and", "or"]
}

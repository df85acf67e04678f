/// `import "PATH" as NAME`. Both words are contextual, like the testing words: `import` and `as`
/// stay usable as names.
extension Parser {
    /// Words that start (or take part in) a statement only in context; grammar/dls.ebnf lists them
    /// as `contextual_word` and GrammarTests keeps the two lists equal.
    public static let contextualWords: Set<String> = ["test", "setup", "topology", "transaction", "expect_error", "import", "as"]

    mutating func parseImport() throws -> StmtKind? {
        guard case .identifier("import") = current.kind else { return nil }
        switch peekKindAfterCurrent() {
        case .string: break
        case .identifier(let name):
            advance()
            throw error("import takes a path in quotes: import \"\(name).dls\" as \(name)")
        default: return nil
        }
        advance()
        let pathLocation = current.location
        guard let path = plainString(current.kind) else { throw error("the import path must be a plain string (no ${...})") }
        advance()
        guard !path.isEmpty else { throw error("the import path is empty", at: pathLocation) }
        // An import is one line: at its end the statement is wrong, not unfinished (the REPL reports
        // it instead of asking for another line).
        var here: SourceLocation { current.kind == .eof ? endOfInputLocation : current.location }
        guard case .identifier("as") = current.kind else {
            throw error("'as NAME' expected after the import path (import \"\(path)\" as NAME), found \(current.kind.quoted)", at: here)
        }
        advance()
        guard case .identifier(let name) = current.kind else {
            throw error("module name expected after 'as', found \(current.kind.quoted)", at: here)
        }
        advance()
        return .import(ImportDecl(path: path, name: name, pathLocation: pathLocation))
    }
}

/// Where the cursor is, as far as completion cares. Found by `CursorScanner`.
enum CursorContext: Equatable {
    /// An identifier at the start of a statement: keywords, command words, names.
    case statementStart(fragment: String)
    /// An identifier inside an expression: names and expression keywords. `allowsCommand` after
    /// `let x =`, `x =` and `return`, where a command statement may also begin.
    case expression(fragment: String, allowsCommand: Bool)
    /// After `a.b.`: fields of the value at `path`. `sigil` is `$` inside a command word.
    case member(path: [String], fragment: String, sigil: String)
    /// `$na` inside a command: a variable to interpolate.
    case interpolatedName(fragment: String)
    /// Inside a command statement: `words` are the finished words (the command word first, a
    /// leading `devlink` kept), `fragment` the word under the cursor (may be empty).
    case command(words: [String], fragment: String)
    /// A REPL meta command line (`:help to`): finished words (the first is `:help`) and the fragment.
    case meta(words: [String], fragment: String)
    /// Inside a string, a comment or a number: nothing to offer.
    case nothing
}

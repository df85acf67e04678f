/// Command statements: after a registered command word the rest of the line is read as shell-like
/// words, as `devlink -b` reads a batch line: blanks split words, quotes group, `#` starts a comment,
/// `\` escapes a character or joins the next line. `$name`, `$name.field`, `${expr}` and `$(expr)`
/// interpolate. An unquoted `;` ends the command, and so does an unquoted `}` inside a block.
extension Parser {
    func isCommandStart() -> Bool {
        guard case .identifier(let name) = current.kind, commandWords.contains(name) else { return false }
        let bytes = lexer.bytes
        var i = current.end
        guard i < bytes.count else { return true }
        let c = bytes[i]
        guard c == 32 || c == 9 || c == 10 || c == 13 || c == UInt8(ascii: "#") || c == UInt8(ascii: ";")
                || c == UInt8(ascii: "\\") || c == UInt8(ascii: "}") else { return false }
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 { i += 1 }
        guard i < bytes.count else { return true }
        // `port = 1` and `port += 1` assign to a variable that happens to share a command's name.
        if bytes[i] == UInt8(ascii: "=") { return false }
        if "+-*/%".utf8.contains(bytes[i]), i + 1 < bytes.count, bytes[i + 1] == UInt8(ascii: "=") { return false }
        return true
    }

    /// True when only blanks, a comment or the end of the line/input follow the current word.
    func commandWordStandsAlone() -> Bool {
        let bytes = lexer.bytes
        var i = current.end
        while i < bytes.count, bytes[i] == 32 || bytes[i] == 9 || bytes[i] == 13 { i += 1 }
        return i >= bytes.count || bytes[i] == 10 || bytes[i] == UInt8(ascii: "#") || bytes[i] == UInt8(ascii: ";")
            || bytes[i] == UInt8(ascii: "}")
    }

    mutating func parseCommand() throws -> CommandCall {
        let location = current.location
        guard case .identifier(let first) = current.kind else { throw error("command expected") }
        var words = [CommandWord(parts: [.text(first)], location: location)]
        lexer.pos = current.end
        var failed = false
        while let word = scanWord(failed: &failed) { words.append(word) }
        current = lexer.next()
        if failed { throw Failure() }
        return CommandCall(words: words, location: location)
    }

    private func isBlank(_ c: UInt8) -> Bool { c == 32 || c == 9 || c == 13 }

    /// The next word of the command line, or nil at its end.
    private mutating func scanWord(failed: inout Bool) -> CommandWord? {
        // Skip blanks and `\`-newline continuations between words.
        while let c = lexer.peekByte() {
            if isBlank(c) {
                lexer.pos += 1
            } else if c == UInt8(ascii: "\\"), lexer.peekByte(1) == 10 {
                lexer.pos += 2
                lexer.advanceLine()
                if lexer.peekByte() == nil {
                    diagnostics.append(Diagnostic("line continuation '\\' at end of input", at: lexer.location,
                                                  atEndOfInput: true))
                    failed = true
                    return nil
                }
            } else {
                break
            }
        }
        guard let c = lexer.peekByte(), c != 10, c != UInt8(ascii: ";") else { return nil }
        if c == UInt8(ascii: "#") {
            while let d = lexer.peekByte(), d != 10 { lexer.pos += 1 }
            return nil
        }
        // Inside a block an unquoted `}` starting a word closes the block (`fn() { port show },`):
        // no devlink argument starts with a brace.
        if c == UInt8(ascii: "}"), !openBlocks.isEmpty {
            return nil
        }
        let location = lexer.location
        var parts: [WordPart] = []
        var text: [UInt8] = []
        func flush() {
            if !text.isEmpty { parts.append(.text(String(decoding: text, as: UTF8.self))); text = [] }
        }
        /// A `\` escape, a `$` interpolation or a plain byte: read alike inside double quotes and out.
        func scanPiece(_ c: UInt8) {
            if c == UInt8(ascii: "\\"), let e = lexer.peekByte(1), e != 10 {
                text.append(e)
                lexer.pos += 2
            } else if c == UInt8(ascii: "$"), let part = scanInterpolation(failed: &failed) {
                flush()
                parts.append(part)
            } else {
                text.append(c)
                lexer.pos += 1
            }
        }
        // Inside a block an unquoted `}` also ends the word (`{ port show $p}`).
        while let c = lexer.peekByte(), !isWordEnd(c), !(c == UInt8(ascii: "}") && !openBlocks.isEmpty) {
            if c == UInt8(ascii: "'") {
                let quoteLocation = lexer.location
                lexer.pos += 1
                while let d = lexer.peekByte(), d != UInt8(ascii: "'"), d != 10 { text.append(d); lexer.pos += 1 }
                guard lexer.peekByte() == UInt8(ascii: "'") else {
                    diagnostics.append(Diagnostic("unterminated quote in command", at: quoteLocation))
                    failed = true
                    return nil
                }
                lexer.pos += 1
                // An empty quoted word is still a word.
                if text.isEmpty && parts.isEmpty { parts.append(.text("")) }
            } else if c == UInt8(ascii: "\"") {
                let quoteLocation = lexer.location
                lexer.pos += 1
                var closed = false
                while let d = lexer.peekByte(), d != 10 {
                    if d == UInt8(ascii: "\"") { closed = true; lexer.pos += 1; break }
                    scanPiece(d)
                }
                guard closed else {
                    diagnostics.append(Diagnostic("unterminated quote in command", at: quoteLocation))
                    failed = true
                    return nil
                }
                if text.isEmpty && parts.isEmpty { parts.append(.text("")) }
            } else {
                scanPiece(c)
            }
            if failed { return nil }
        }
        flush()
        return CommandWord(parts: parts, location: location)
    }

    private func isWordEnd(_ c: UInt8) -> Bool {
        isBlank(c) || c == 10 || c == UInt8(ascii: ";") || c == UInt8(ascii: "#")
    }

    /// At a `$`: `$(expr)`, `${expr}` or `$name(.field)*`; nil (and nothing consumed) for a lone `$`.
    private mutating func scanInterpolation(failed: inout Bool) -> WordPart? {
        let location = lexer.location
        guard let next = lexer.peekByte(1) else { return nil }
        if next == UInt8(ascii: "(") || next == UInt8(ascii: "{") {
            let close = next == UInt8(ascii: "(") ? UInt8(ascii: ")") : UInt8(ascii: "}")
            let start = lexer.pos + 2
            guard let end = Lexer.matchingClose(lexer.bytes, from: start, open: next, close: close) else {
                diagnostics.append(Diagnostic("'\(Character(UnicodeScalar(close)))' expected to close '$\(Character(UnicodeScalar(next)))'",
                                              at: location))
                failed = true
                return nil
            }
            let code = String(decoding: lexer.bytes[start..<end], as: UTF8.self)
            let codeLocation = lexer.location(at: start)
            lexer.pos = end + 1
            guard let expr = Parser.parseEmbedded(code, at: codeLocation, commandWords: commandWords, nesting: nesting,
                                                  into: &diagnostics) else {
                failed = true
                return nil
            }
            return .expr(expr)
        }
        guard isIdentifierStart(next) else { return nil }
        lexer.pos += 1
        var expr = Expr(kind: .variable(scanName()), location: location)
        // `$sf.index`: a dot followed by a name is a field; `$dev/x` and `$a.5` stay text.
        while lexer.peekByte() == UInt8(ascii: "."), let c = lexer.peekByte(1), isIdentifierStart(c) {
            let fieldLocation = lexer.location
            lexer.pos += 1
            expr = Expr(kind: .field(expr, scanName()), location: fieldLocation)
        }
        return .expr(expr)
    }

    private mutating func scanName() -> String {
        let start = lexer.pos
        while let c = lexer.peekByte(), isIdentifierPart(c) { lexer.pos += 1 }
        return String(decoding: lexer.bytes[start..<lexer.pos], as: UTF8.self)
    }
}

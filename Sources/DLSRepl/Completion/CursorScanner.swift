/// Scans the text before the cursor, tolerating unfinished input, to find the `CursorContext`.
/// It mirrors the language's two modes: a statement whose first word is a command word (also after
/// `let x =`, `x =` and `return`) is shell-like words up to the end of the line; anything else is an
/// expression. It is a heuristic for completion only; the real parser decides what input means.
struct CursorScanner {
    /// Words that switch a statement to command mode (command words and `devlink`).
    let commandStarters: Set<String>

    private enum Frame {
        /// Statement level: the top or a `{ }` body. `tokens` are the current statement's tokens.
        case block(tokens: [String], identStart: Int?)
        /// `( )` or `[ ]` inside an expression.
        case group
        /// A command statement: finished raw words and where the current word began.
        case command(words: [String], wordStart: Int?)
        /// `$( ... )` inside a command word.
        case interpolation
        /// A quoted string; `interpolates` for `"` (its `${ }` opens an expression).
        case string(quote: Character)
        /// `${ ... }` inside a string.
        case stringInterpolation
    }

    func scan(_ text: String) -> CursorContext {
        let chars = Array(text)
        if let meta = metaContext(chars) { return meta }
        var frames: [Frame] = [.block(tokens: [], identStart: nil)]
        var i = 0
        var inComment = false

        while i < chars.count {
            let c = chars[i]
            if inComment {
                if c == "\n" { inComment = false; endStatement(&frames) }
                i += 1
                continue
            }
            guard let top = frames.last else { frames = [.block(tokens: [], identStart: nil)]; continue }
            switch top {
            case .string(let quote):
                if c == "\\" { i += 2; continue }
                if c == quote { frames.removeLast() }
                else if quote == "\"" && c == "$" && i + 1 < chars.count && chars[i + 1] == "{" {
                    frames.append(.stringInterpolation)
                    i += 1
                }
                i += 1

            case .command(var words, var wordStart):
                if c == " " || c == "\t" {
                    if let s = wordStart { words.append(String(chars[s..<i])) }
                    frames[frames.count - 1] = .command(words: words, wordStart: nil)
                } else if c == "\\" && i + 1 < chars.count && chars[i + 1] == "\n" {
                    if let s = wordStart { words.append(String(chars[s..<i])) }
                    frames[frames.count - 1] = .command(words: words, wordStart: nil)
                    i += 1
                } else if c == "\n" || c == ";" {
                    endStatement(&frames)
                } else if c == "}" {
                    frames.removeLast()
                    closeBlock(&frames)
                } else if c == "#" && wordStart == nil {
                    inComment = true
                } else {
                    if wordStart == nil { wordStart = i }
                    frames[frames.count - 1] = .command(words: words, wordStart: wordStart)
                    if c == "\\" { i += 1 }
                    else if c == "\"" || c == "'" { frames.append(.string(quote: c)) }
                    else if c == "$" && i + 1 < chars.count && chars[i + 1] == "(" {
                        frames.append(.interpolation)
                        i += 1
                    }
                }
                i += 1

            case .block, .group, .interpolation, .stringInterpolation:
                i = expressionStep(chars, i, &frames, &inComment)
            }
        }
        if inComment { return .nothing }
        return context(at: chars, frames: frames)
    }

    /// Handles one character in expression mode; returns the next index.
    private func expressionStep(_ chars: [Character], _ i: Int, _ frames: inout [Frame],
                                _ inComment: inout Bool) -> Int {
        let c = chars[i]
        if c.isIdentifierChar {
            if case .block(let tokens, nil) = frames.last {
                frames[frames.count - 1] = .block(tokens: tokens, identStart: i)
            }
            return i + 1
        }
        // An identifier just ended: it may turn this statement into a command.
        if case .block(var tokens, let start?) = frames.last {
            let word = String(chars[start..<i])
            if (c == " " || c == "\t") && startsCommand(word, after: tokens) {
                frames[frames.count - 1] = .block(tokens: tokens + [word], identStart: nil)
                frames.append(.command(words: [word], wordStart: nil))
                return i + 1
            }
            tokens.append(word)
            frames[frames.count - 1] = .block(tokens: tokens, identStart: nil)
        }
        switch c {
        case " ", "\t":
            break
        case "\n", ";":
            if case .block = frames.last { endStatement(&frames) }
        case "#":
            inComment = true
        case "\"", "'":
            frames.append(.string(quote: c))
        case "{":
            appendToken("{", &frames)
            frames.append(.block(tokens: [], identStart: nil))
        case "}":
            if case .stringInterpolation = frames.last { frames.removeLast() } else { closeBlock(&frames) }
        case "(", "[":
            appendToken(String(c), &frames)
            frames.append(.group)
        case ")", "]":
            if case .group = frames.last { frames.removeLast() }
            else if case .interpolation = frames.last { frames.removeLast() }
        default:
            appendToken(String(c), &frames)
        }
        return i + 1
    }

    /// Closes any command and resets the innermost block's statement.
    private func endStatement(_ frames: inout [Frame]) {
        while case .command = frames.last { frames.removeLast() }
        if case .block = frames.last { frames[frames.count - 1] = .block(tokens: [], identStart: nil) }
    }

    private func appendToken(_ token: String, _ frames: inout [Frame]) {
        if case .block(let tokens, _) = frames.last {
            frames[frames.count - 1] = .block(tokens: tokens + [token], identStart: nil)
        }
    }

    /// `}` closes the innermost block (and anything unfinished inside it), never the outermost.
    private func closeBlock(_ frames: inout [Frame]) {
        while frames.count > 1 {
            let top = frames.removeLast()
            if case .block = top { break }
        }
        appendToken("}", &frames)
    }

    private func startsCommand(_ word: String, after tokens: [String]) -> Bool {
        commandStarters.contains(word) && (tokens.isEmpty || commandMayFollow(tokens))
    }

    /// `let x =`, `x =`, `return`: a command may be the value.
    private func commandMayFollow(_ tokens: [String]) -> Bool {
        switch tokens.count {
        case 1: return tokens[0] == "return"
        case 2: return tokens[1] == "=" && tokens[0].first?.isLetterOrUnderscore == true
        case 3: return tokens[0] == "let" && tokens[2] == "="
        default: return false
        }
    }

    private func context(at chars: [Character], frames: [Frame]) -> CursorContext {
        guard let top = frames.last else { return .nothing }
        switch top {
        case .string:
            return .nothing
        case .command(let words, let wordStart):
            let fragment = wordStart.map { String(chars[$0...]) } ?? ""
            if fragment.hasPrefix("$") {
                return dollarContext(String(fragment.dropFirst()))
            }
            return .command(words: words, fragment: fragment)
        case .block(let tokens, let identStart):
            let fragment = identStart.map { String(chars[$0...]) } ?? ""
            if fragment.first?.isNumber == true { return .nothing }
            if let member = memberChain(chars, fragmentLength: fragment.count) {
                return .member(path: member, fragment: fragment, sigil: "")
            }
            if tokens.isEmpty { return .statementStart(fragment: fragment) }
            return .expression(fragment: fragment, allowsCommand: commandMayFollow(tokens))
        case .group, .interpolation, .stringInterpolation:
            var n = 0
            while n < chars.count && chars[chars.count - 1 - n].isIdentifierChar { n += 1 }
            let fragment = String(chars.suffix(n))
            if fragment.first?.isNumber == true { return .nothing }
            if let member = memberChain(chars, fragmentLength: n) {
                return .member(path: member, fragment: fragment, sigil: "")
            }
            return .expression(fragment: fragment, allowsCommand: false)
        }
    }

    /// `name.field.` before the fragment → `["name", "field"]`; nil if no `.` precedes the fragment.
    private func memberChain(_ chars: [Character], fragmentLength: Int) -> [String]? {
        var end = chars.count - fragmentLength
        guard end > 0, chars[end - 1] == "." else { return nil }
        var path: [String] = []
        while end > 0 && chars[end - 1] == "." {
            var start = end - 1
            while start > 0 && chars[start - 1].isIdentifierChar { start -= 1 }
            let name = String(chars[start..<(end - 1)])
            guard let first = name.first, first.isLetterOrUnderscore else { return nil }
            path.insert(name, at: 0)
            end = start
        }
        if end > 0 && chars[end - 1] == "." { return nil }
        return path
    }

    /// After `$` in a command word: `$na` → a name, `$sf.fun` → a field.
    private func dollarContext(_ rest: String) -> CursorContext {
        let parts = rest.split(separator: ".", omittingEmptySubsequences: false).map(String.init)
        guard parts.allSatisfy({ $0.allSatisfy(\.isIdentifierChar) }),
              let fragment = parts.last else { return .nothing }
        if parts.count == 1 { return .interpolatedName(fragment: fragment) }
        let path = Array(parts.dropLast())
        guard path.allSatisfy({ $0.first?.isLetterOrUnderscore == true }) else { return .nothing }
        return .member(path: path, fragment: fragment, sigil: "$")
    }

    /// A line starting with `:` is a REPL meta command.
    private func metaContext(_ chars: [Character]) -> CursorContext? {
        let body = chars.drop { $0 == " " || $0 == "\t" }
        guard body.first == ":", !chars.contains("\n") else { return nil }
        let text = String(body)
        var words = text.split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        let endsWithSpace = text.last == " " || text.last == "\t"
        let fragment = endsWithSpace ? "" : (words.popLast() ?? "")
        return .meta(words: words, fragment: fragment)
    }
}

extension Character {
    var isIdentifierChar: Bool { isLetter || isNumber || self == "_" }
    var isLetterOrUnderscore: Bool { isLetter || self == "_" }
}

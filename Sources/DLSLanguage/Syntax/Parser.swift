/// Hand-written recursive-descent parser. It recovers at statement boundaries so one run reports
/// many errors, and marks errors caused by the input ending early (for the REPL's continuation).
public struct Parser {
    var lexer: Lexer
    var current: Token
    var previous: Token
    let commandWords: Set<String>
    public internal(set) var diagnostics: [Diagnostic] = []
    /// Open blocks, innermost last, for "'}' expected (to close 'for' at line 3)".
    var openBlocks: [(what: String, line: Int)] = []
    /// Inside `if`/`while`/`for` headers a `{` starts the body, never a map literal.
    var noMapLiteral = false
    var nesting = 0
    static let maxNesting = 200
    /// Asked every 4096 tokens; true ends the parse as if the input ended there (Ctrl-C while a huge
    /// input is parsed: issue 17, it was ignored until the parse finished).
    var shouldStop: (() -> Bool)?
    private var tokensRead = 0
    /// Set when `shouldStop` ended the parse: the diagnostics after that point mean nothing.
    public internal(set) var stopped = false

    struct Failure: Error {}

    public init(source: String, file: String, commandWords: Set<String> = [], line: Int = 1, column: Int = 1) {
        self.lexer = Lexer(bytes: Array(source.utf8), file: file, line: line, column: column)
        self.commandWords = commandWords
        let first = lexer.next()
        self.current = first
        self.previous = first
    }

    /// Parses a whole program; diagnostics are empty when it is valid.
    public static func parse(_ source: String, file: String, commandWords: Set<String> = []) -> (Program, [Diagnostic]) {
        var parser = Parser(source: source, file: file, commandWords: commandWords)
        let statements = parser.parseStatements(until: nil)
        return (Program(statements: statements, source: SourceText(name: file, text: source)), parser.diagnostics)
    }

    /// `parse` that gives up when `shouldStop` says so (then `stopped` is true).
    public static func parse(_ source: String, file: String, commandWords: Set<String> = [],
                             shouldStop: @escaping () -> Bool) -> (Program, [Diagnostic], stopped: Bool) {
        var parser = Parser(source: source, file: file, commandWords: commandWords)
        parser.shouldStop = shouldStop
        let statements = parser.parseStatements(until: nil)
        // Stopped: nothing of it will be shown or run, so the source's line index is not built.
        if parser.stopped { return (Program(statements: [], source: SourceText(name: file, text: "")), [], true) }
        return (Program(statements: statements, source: SourceText(name: file, text: source)), parser.diagnostics, false)
    }

    /// True when the only problem with `source` is that it stops early: the REPL reads another line.
    public static func needsMoreInput(_ source: String, commandWords: Set<String> = []) -> Bool {
        let (_, diagnostics) = parse(source, file: "<input>", commandWords: commandWords)
        guard let first = diagnostics.first else { return false }
        return first.atEndOfInput
    }

    // MARK: token handling

    mutating func advance() {
        previous = current
        if stopped {
            current = Token(kind: .eof, location: current.location, start: current.end, end: current.end)
            return
        }
        current = lexer.next()
        tokensRead &+= 1
        if tokensRead & 0xFFF == 0, let shouldStop, shouldStop() {
            stopped = true
            current = Token(kind: .eof, location: current.location, start: current.start, end: current.start)
        }
    }

    func check(_ symbol: Symbol) -> Bool { current.kind == .symbol(symbol) }
    func check(_ keyword: Keyword) -> Bool { current.kind == .keyword(keyword) }

    mutating func match(_ symbol: Symbol) -> Bool {
        guard check(symbol) else { return false }
        advance()
        return true
    }

    mutating func match(_ keyword: Keyword) -> Bool {
        guard check(keyword) else { return false }
        advance()
        return true
    }

    mutating func skipNewlines() {
        while current.kind == .newline || check(.semicolon) { advance() }
    }

    mutating func skipLineBreaks() {
        while current.kind == .newline { advance() }
    }

    mutating func expect(_ symbol: Symbol, _ context: String) throws {
        guard match(symbol) else { throw error("'\(symbol.rawValue)' expected \(context), found \(current.kind.quoted)") }
    }

    mutating func expectIdentifier(_ what: String) throws -> String {
        guard case .identifier(let name) = current.kind else {
            if case .keyword(let k) = current.kind {
                throw error("\(what) expected, found keyword '\(k.rawValue)' (keywords cannot be names)")
            }
            throw error("\(what) expected, found \(current.kind.quoted)")
        }
        advance()
        return name
    }

    /// Records a diagnostic at the current token and returns the error to throw for recovery.
    mutating func error(_ message: String, at location: SourceLocation? = nil) -> Failure {
        var text = message
        if case .error(let lexMessage) = current.kind, location == nil { text = lexMessage }
        let atEnd = current.kind == .eof && location == nil
        diagnostics.append(Diagnostic(text, at: location ?? (atEnd ? endOfInputLocation : current.location), atEndOfInput: atEnd))
        return Failure()
    }

    /// Where "end of input" errors point: just after the last token, not at an empty line below it.
    var endOfInputLocation: SourceLocation {
        if previous.kind == .newline || previous.kind == .eof { return previous.location }
        let loc = previous.location
        return SourceLocation(fileID: loc.fileID, line: loc.line, column: loc.column + (previous.end - previous.start))
    }

    // MARK: statements

    /// Statements until `}` (when inside a block) or end of input, recovering after errors.
    mutating func parseStatements(until closer: Symbol?) -> [Stmt] {
        var statements: [Stmt] = []
        while true {
            skipNewlines()
            if current.kind == .eof { return statements }
            if let closer, check(closer) { return statements }
            if closer == nil, check(.rbrace) {
                // After an error on this line the brace most likely closed what that error cut short
                // (`{"a": }`): do not report it twice.
                if diagnostics.last?.location.line != current.location.line {
                    _ = error("unexpected '}' (no block is open)")
                }
                advance()
                continue
            }
            do {
                statements.append(try parseStatement())
                try endStatement()
            } catch {
                if diagnostics.last?.atEndOfInput == true { return statements }
                synchronize()
            }
        }
    }

    mutating func endStatement() throws {
        // A statement that ended with a block may be followed by another on the same line.
        if previous.kind == .symbol(.rbrace) { return }
        switch current.kind {
        case .newline, .eof, .symbol(.semicolon), .symbol(.rbrace): return
        default: throw error("end of statement expected, found \(current.kind.quoted)")
        }
    }

    /// Skips to the next line (or `;`/`}`) after an error.
    mutating func synchronize() {
        while true {
            switch current.kind {
            case .eof, .symbol(.rbrace): return
            case .newline, .symbol(.semicolon): advance(); return
            default: advance()
            }
        }
    }

    mutating func parseBlock(_ what: String, line: Int) throws -> Block {
        guard check(.lbrace) else {
            throw error("'{' expected to start the body of '\(what)', found \(current.kind.quoted)")
        }
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maxNesting { throw error("blocks nested too deeply (limit \(Parser.maxNesting))") }
        let location = current.location
        advance()
        openBlocks.append((what, line))
        let statements = parseStatements(until: .rbrace)
        openBlocks.removeLast()
        guard match(.rbrace) else {
            if current.kind == .eof, diagnostics.last?.atEndOfInput != true {
                diagnostics.append(Diagnostic("'}' expected (to close '\(what)' at line \(line))",
                                              at: endOfInputLocation, atEndOfInput: true))
            }
            throw Failure()
        }
        return Block(statements: statements, location: location)
    }

    mutating func parseStatement() throws -> Stmt {
        let location = current.location
        func stmt(_ kind: StmtKind) -> Stmt { Stmt(kind: kind, location: location) }
        if isCommandStart() { return stmt(.command(try parseCommand())) }
        if let kind = try parseTestingStatement() { return stmt(kind) }
        if let kind = try parseImport() { return stmt(kind) }
        switch current.kind {
        case .keyword(.let):
            advance()
            let name = try expectIdentifier("variable name after 'let'")
            guard match(.assign) else { return stmt(.let(name, nil)) }
            skipLineBreaks()
            return stmt(.let(name, try parseValue()))
        case .keyword(.fn):
            if case .identifier = peekKindAfterCurrent() {
                advance()
                return stmt(.function(try parseFunction(name: try expectIdentifier("function name"), location: location)))
            }
        case .keyword(.if):
            return stmt(try parseIf())
        case .keyword(.while):
            advance()
            let condition = try parseCondition()
            return stmt(.while(condition, try parseBlock("while", line: location.line)))
        case .keyword(.for):
            advance()
            var names = [try expectIdentifier("loop variable name")]
            if match(.comma) { names.append(try expectIdentifier("second loop variable name")) }
            guard match(.in) else { throw error("'in' expected after the loop variable, found \(current.kind.quoted)") }
            let iterable = try parseCondition()
            return stmt(.for(names, iterable, try parseBlock("for", line: location.line)))
        case .keyword(.return):
            advance()
            if atStatementEnd { return stmt(.return(nil)) }
            return stmt(.return(try parseValue()))
        case .keyword(.break):
            advance()
            return stmt(.break)
        case .keyword(.continue):
            advance()
            return stmt(.continue)
        case .keyword(.try):
            advance()
            let body = try parseBlock("try", line: location.line)
            skipLineBreaks()
            guard match(.catch) else { throw error("'catch' expected after the 'try' block, found \(current.kind.quoted)") }
            var name: String?
            if case .identifier(let n) = current.kind { name = n; advance() }
            let handler = try parseBlock("catch", line: previous.location.line)
            return stmt(.try(body, catchName: name, handler))
        case .keyword(.throw):
            advance()
            return stmt(.throw(try parseExpression()))
        case .keyword(.assert):
            advance()
            let condition = try parseExpression()
            var message: Expr?
            if match(.comma) { message = try parseExpression() }
            return stmt(.assert(condition, message))
        case .symbol(.lbrace):
            return stmt(.block(try parseBlock("block", line: location.line)))
        default:
            break
        }
        let expression = try parseExpression()
        if let op = assignmentOperator() {
            switch expression.kind {
            case .variable, .index, .field: break
            default: throw error("cannot assign to this expression (only variables, x[i] and x.field)", at: expression.location)
            }
            advance()
            skipLineBreaks()
            return stmt(.assign(target: expression, op: op.binary, value: try parseValue()))
        }
        return stmt(.expression(expression))
    }

    /// The right side of `let`/`=`/`return`: a command line or an expression.
    /// A command word with nothing after it in a value position (`let d = dev`, `return port`,
    /// `"${dev}"`) reads the variable of that name: scripts name their device `dev`, and the
    /// command alone would only print devlink's dump or usage.
    mutating func parseValue() throws -> Expr {
        if isCommandStart() && !commandWordStandsAlone() {
            let location = current.location
            return Expr(kind: .command(try parseCommand()), location: location)
        }
        return try parseExpression()
    }

    var atStatementEnd: Bool {
        switch current.kind {
        case .newline, .eof, .symbol(.semicolon), .symbol(.rbrace): return true
        default: return false
        }
    }

    func assignmentOperator() -> (symbol: Symbol, binary: BinaryOperator?)? {
        guard case .symbol(let s) = current.kind else { return nil }
        switch s {
        case .assign: return (s, nil)
        case .plusAssign: return (s, .add)
        case .minusAssign: return (s, .subtract)
        case .starAssign: return (s, .multiply)
        case .slashAssign: return (s, .divide)
        case .percentAssign: return (s, .remainder)
        default: return nil
        }
    }

    func peekKindAfterCurrent() -> TokenKind {
        var copy = lexer
        return copy.next().kind
    }

    mutating func parseCondition() throws -> Expr {
        let saved = noMapLiteral
        noMapLiteral = true
        defer { noMapLiteral = saved }
        return try parseExpression()
    }

    mutating func parseIf() throws -> StmtKind {
        var branches: [(condition: Expr, body: Block)] = []
        var elseBody: Block?
        repeat {
            let line = current.location.line
            advance()  // 'if'
            let condition = try parseCondition()
            branches.append((condition, try parseBlock("if", line: line)))
            // `else` may follow on the next line.
            var lookahead = self
            lookahead.skipLineBreaks()
            guard lookahead.check(.else) else { break }
            self = lookahead
            let elseLine = current.location.line
            advance()
            if check(.if) { continue }
            elseBody = try parseBlock("else", line: elseLine)
            break
        } while true
        return .if(branches, elseBody: elseBody)
    }

    mutating func parseFunction(name: String?, location: SourceLocation) throws -> FunctionDecl {
        try expect(.lparen, "after 'fn\(name.map { " " + $0 } ?? "")'")
        var parameters: [String] = []
        skipLineBreaks()
        while !check(.rparen) {
            let p = try expectIdentifier("parameter name")
            if parameters.contains(p) { throw error("duplicate parameter '\(p)'", at: previous.location) }
            parameters.append(p)
            skipLineBreaks()
            if !match(.comma) { break }
            skipLineBreaks()
        }
        try expect(.rparen, "to close the parameter list")
        let saved = noMapLiteral
        noMapLiteral = false
        defer { noMapLiteral = saved }
        let body = try parseBlock(name.map { "fn \($0)" } ?? "fn", line: location.line)
        return FunctionDecl(name: name, parameters: parameters, body: body, location: location)
    }
}

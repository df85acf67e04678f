/// Expression grammar, lowest precedence first:
/// `||` < `&&` < comparisons (not chained) < `..`/`..<` < `+ -` < `* / %` < unary `- !` < postfix `() [] .f`.
extension Parser {
    public mutating func parseExpression() throws -> Expr {
        nesting += 1
        defer { nesting -= 1 }
        if nesting > Parser.maxNesting { throw error("expression nested too deeply (limit \(Parser.maxNesting))") }
        return try parseOr()
    }

    /// Parses exactly one expression filling the whole input (used for `${...}` and `$(...)`).
    static func parseEmbedded(_ code: String, at location: SourceLocation, commandWords: Set<String>,
                              nesting: Int, into diagnostics: inout [Diagnostic]) -> Expr? {
        // The embedded parser continues the outer nesting count: `$($($(...)))` is bounded too.
        guard nesting < maxNesting else {
            diagnostics.append(Diagnostic("interpolation nested too deeply (limit \(maxNesting))", at: location))
            return nil
        }
        var parser = Parser(source: code, file: location.file, commandWords: commandWords,
                            line: location.line, column: location.column)
        parser.nesting = nesting + 1
        parser.skipLineBreaks()
        if parser.current.kind == .eof {
            diagnostics.append(Diagnostic("empty interpolation", at: location))
            return nil
        }
        let expr = try? parser.parseValue()
        if expr != nil, parser.current.kind != .eof {
            _ = parser.error("unexpected \(parser.current.kind.quoted) in interpolation")
        }
        // Errors inside are never "end of input" for the enclosing text: its bracket was closed.
        diagnostics += parser.diagnostics.map { Diagnostic($0.message, at: $0.location) }
        return parser.diagnostics.isEmpty ? expr : nil
    }

    /// Operator chains build left-nested trees; bound their length so compiling, running and freeing
    /// the tree cannot exhaust the native stack.
    static let maxChain = 1000

    mutating func checkChain(_ count: inout Int) throws {
        count += 1
        if count > Parser.maxChain {
            throw error("expression has too many operators in a row (limit \(Parser.maxChain)); split it into several statements")
        }
    }

    /// How a binary operator joins its two operands.
    typealias Join = (Expr, Expr) -> ExprKind

    /// One left-associative precedence level, `operand (op operand)*`: `op` answers how the level's
    /// operator symbol joins two operands, nil for a symbol that ends the chain.
    mutating func parseChain(_ operand: (inout Parser) throws -> Expr, _ op: (Symbol) -> Join?) throws -> Expr {
        var left = try operand(&self)
        var chain = 0
        while case .symbol(let symbol) = current.kind, let join = op(symbol) {
            try checkChain(&chain)
            let location = current.location
            advance()
            skipLineBreaks()
            left = Expr(kind: join(left, try operand(&self)), location: location)
        }
        return left
    }

    mutating func parseOr() throws -> Expr {
        try parseChain({ try $0.parseAnd() }) { symbol -> Join? in symbol == .or ? { .or($0, $1) } : nil }
    }

    mutating func parseAnd() throws -> Expr {
        try parseChain({ try $0.parseComparison() }) { symbol -> Join? in symbol == .and ? { .and($0, $1) } : nil }
    }

    mutating func comparisonOperator() -> BinaryOperator? {
        guard case .symbol(let s) = current.kind else { return nil }
        switch s {
        case .equal: return .equal
        case .notEqual: return .notEqual
        case .less: return .less
        case .lessEqual: return .lessEqual
        case .greater: return .greater
        case .greaterEqual: return .greaterEqual
        default: return nil
        }
    }

    mutating func parseComparison() throws -> Expr {
        let left = try parseRange()
        guard let op = comparisonOperator() else { return left }
        let location = current.location
        advance()
        skipLineBreaks()
        let right = try parseRange()
        if comparisonOperator() != nil {
            throw error("comparisons cannot be chained; use && (as in a < b && b < c)")
        }
        return Expr(kind: .binary(op, left, right), location: location)
    }

    mutating func parseRange() throws -> Expr {
        let left = try parseAdditive()
        guard check(.range) || check(.rangeExclusive) else { return left }
        let inclusive = check(.range)
        let location = current.location
        advance()
        return Expr(kind: .range(left, try parseAdditive(), inclusive: inclusive), location: location)
    }

    mutating func parseAdditive() throws -> Expr {
        try parseChain({ try $0.parseMultiplicative() }) { symbol -> Join? in
            switch symbol {
            case .plus: { .binary(.add, $0, $1) }
            case .minus: { .binary(.subtract, $0, $1) }
            default: nil
            }
        }
    }

    mutating func parseMultiplicative() throws -> Expr {
        try parseChain({ try $0.parseUnary() }) { symbol -> Join? in
            switch symbol {
            case .star: { .binary(.multiply, $0, $1) }
            case .slash: { .binary(.divide, $0, $1) }
            case .percent: { .binary(.remainder, $0, $1) }
            default: nil
            }
        }
    }

    mutating func parseUnary() throws -> Expr {
        let location = current.location
        if match(.minus) {
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maxNesting { throw error("expression nested too deeply (limit \(Parser.maxNesting))") }
            let operand = try parseUnary()
            // Fold `-5` so that Int.min can be written and constants stay constants.
            switch operand.kind {
            case .int(let v) where v != Int.min: return Expr(kind: .int(-v), location: location)
            case .float(let v): return Expr(kind: .float(-v), location: location)
            default: return Expr(kind: .unary(.negate, operand), location: location)
            }
        }
        if match(.bang) {
            nesting += 1
            defer { nesting -= 1 }
            if nesting > Parser.maxNesting { throw error("expression nested too deeply (limit \(Parser.maxNesting))") }
            return Expr(kind: .unary(.not, try parseUnary()), location: location)
        }
        return try parsePostfix()
    }

    mutating func parsePostfix() throws -> Expr {
        var expr = try parsePrimary()
        var chain = 0
        while true {
            try checkChain(&chain)
            let location = current.location
            if match(.lparen) {
                expr = Expr(kind: .call(expr, try parseArguments()), location: location)
            } else if match(.lbracket) {
                skipLineBreaks()
                let index = try parseExpression()
                skipLineBreaks()
                try expect(.rbracket, "to close the index")
                expr = Expr(kind: .index(expr, index), location: location)
            } else if match(.dot) {
                let name: String
                switch current.kind {
                case .identifier(let n): name = n
                case .keyword(let k): name = k.rawValue  // fields may be named like keywords (e.g. `.in`)
                default: throw error("field name expected after '.', found \(current.kind.quoted)")
                }
                advance()
                expr = Expr(kind: .field(expr, name), location: location)
            } else {
                return expr
            }
        }
    }

    mutating func parseArguments() throws -> [CallArgument] {
        var arguments: [CallArgument] = []
        let saved = noMapLiteral
        noMapLiteral = false
        defer { noMapLiteral = saved }
        skipLineBreaks()
        while !check(.rparen) {
            var label: String?
            if case .identifier(let name) = current.kind, case .symbol(.colon) = peekKindAfterCurrent() {
                label = name
                advance()
                advance()
                skipLineBreaks()
            } else if arguments.last?.label != nil {
                throw error("positional argument after a named argument")
            }
            arguments.append(CallArgument(label: label, value: try parseExpression()))
            skipLineBreaks()
            if !match(.comma) { break }
            skipLineBreaks()
        }
        try expect(.rparen, "to close the argument list")
        return arguments
    }

    mutating func parsePrimary() throws -> Expr {
        let location = current.location
        func expr(_ kind: ExprKind) -> Expr { Expr(kind: kind, location: location) }
        switch current.kind {
        case .int(let v): advance(); return expr(.int(v))
        case .float(let v): advance(); return expr(.float(v))
        case .rate(let v, _): advance(); return expr(.rate(v))
        case .keyword(.true): advance(); return expr(.bool(true))
        case .keyword(.false): advance(); return expr(.bool(false))
        case .keyword(.nil): advance(); return expr(.nilLiteral)
        case .string(let pieces):
            advance()
            return try stringExpression(pieces, at: location)
        case .identifier(let name):
            advance()
            return expr(.variable(name))
        case .keyword(.fn):
            advance()
            return expr(.function(try parseFunction(name: nil, location: location)))
        case .symbol(.lparen):
            advance()
            let saved = noMapLiteral
            noMapLiteral = false
            defer { noMapLiteral = saved }
            skipLineBreaks()
            let inner = try parseExpression()
            skipLineBreaks()
            try expect(.rparen, "to close '(' at line \(location.line)")
            return inner
        case .symbol(.lbracket):
            advance()
            var items: [Expr] = []
            skipLineBreaks()
            while !check(.rbracket) {
                items.append(try parseExpression())
                skipLineBreaks()
                if !match(.comma) { break }
                skipLineBreaks()
            }
            try expect(.rbracket, "to close the list started at line \(location.line)")
            return expr(.list(items))
        case .symbol(.lbrace) where !noMapLiteral:
            advance()
            return expr(.map(try parseMapEntries(openedAt: location)))
        case .symbol(.lbrace):
            throw error("a map literal here must be in parentheses: '{' starts the block")
        case .eof:
            throw error("expression expected, found end of input")
        default:
            throw error("expression expected, found \(current.kind.quoted)")
        }
    }

    mutating func parseMapEntries(openedAt location: SourceLocation) throws -> [(key: Expr, value: Expr)] {
        let saved = noMapLiteral
        noMapLiteral = false
        defer { noMapLiteral = saved }
        var entries: [(key: Expr, value: Expr)] = []
        skipLineBreaks()
        while !check(.rbrace) {
            let key: Expr
            // `{name: 1}` uses the bare word as a string key, as in JSON-like config maps.
            if case .identifier(let name) = current.kind, case .symbol(.colon) = peekKindAfterCurrent() {
                key = Expr(kind: .string(name), location: current.location)
                advance()
            } else {
                key = try parseExpression()
            }
            try expect(.colon, "between map key and value")
            skipLineBreaks()
            entries.append((key, try parseExpression()))
            skipLineBreaks()
            if !match(.comma) { break }
            skipLineBreaks()
        }
        try expect(.rbrace, "to close the map started at line \(location.line)")
        return entries
    }

    mutating func stringExpression(_ pieces: [StringPiece], at location: SourceLocation) throws -> Expr {
        if pieces.count == 1, case .text(let t) = pieces[0] { return Expr(kind: .string(t), location: location) }
        var parts: [InterpolationPart] = []
        for piece in pieces {
            switch piece {
            case .text(let t): parts.append(.text(t))
            case .code(let code, let codeLocation):
                guard let inner = Parser.parseEmbedded(code, at: codeLocation, commandWords: commandWords, nesting: nesting,
                                                       into: &diagnostics) else { throw Failure() }
                parts.append(.expr(inner))
            }
        }
        return Expr(kind: .interpolated(parts), location: location)
    }
}

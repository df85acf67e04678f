/// Function values, calls (user and native) and command lines.
extension Compiler {
    /// Compiles a function body in its own context and returns the closure that creates the
    /// function value at run time, capturing the variables it uses from enclosing frames.
    func compileFunction(_ decl: FunctionDecl) -> Eval {
        let name = decl.name ?? "<anonymous fn at line \(decl.location.line)>"
        let proto = FunctionProto(name: name, parameters: decl.parameters, location: decl.location)
        let outer = context
        let inner = FunctionContext(parent: outer, isChunk: false, name: name)
        context = inner
        for p in decl.parameters { _ = inner.newSlot(p) }
        var statements = decl.body.statements
        // The value of a final expression is the result: `fn(p) { p.index > 3 }`.
        if let last = statements.last, case .expression(let e) = last.kind {
            statements[statements.count - 1] = Stmt(kind: .return(e), location: last.location)
        }
        proto.body = compileStatements(statements, topLevel: false)
        proto.slotCount = inner.slotCount
        proto.captures = inner.captures
        context = outer
        let captures = inner.captures
        if captures.isEmpty {
            return { _, _ in .function(FunctionObject(proto: proto, captures: [])) }
        }
        return { _, base in
            var cells: [Cell] = []
            cells.reserveCapacity(captures.count)
            for source in captures {
                switch source {
                case .local(let slot):
                    if case .cell(let cell) = base[slot] {
                        cells.append(cell)
                    } else {
                        let cell = Cell(base[slot])
                        base[slot] = .cell(cell)
                        cells.append(cell)
                    }
                case .capture(let index):
                    guard case .function(let f) = base[0] else { cells.append(Cell(.null)); continue }
                    cells.append(f.captures[index])
                }
            }
            return .function(FunctionObject(proto: proto, captures: cells))
        }
    }

    func compileCall(_ calleeExpr: Expr, _ arguments: [CallArgument], at location: SourceLocation) -> Eval {
        // A call of a global function (the common case) reads the global slot itself.
        var globalIndex = -1
        if case .variable(let name) = calleeExpr.kind, case .global(let index) = resolve(name, in: context) {
            globalIndex = index
        }
        let site = CallSite(callee: compileExpression(calleeExpr),
                            arguments: arguments.map { EvalBox(compileExpression($0.value)) },
                            labels: arguments.map(\.label), globals: moduleGlobals, globalIndex: globalIndex,
                            what: describe(calleeExpr) ?? "expression", location: location)
        return { interp, base in try site.call(interp, base) }
    }

    /// Puts labelled arguments of a user function call into parameter order.
    static func order(_ values: [Value], _ labels: [String?], for proto: FunctionProto, at location: SourceLocation) throws -> [Value] {
        var slots = [Value?](repeating: nil, count: proto.parameters.count)
        var next = 0
        for (value, label) in zip(values, labels) {
            let index: Int
            if let label {
                guard let i = proto.parameters.firstIndex(of: label) else {
                    throw RuntimeError("fn \(proto.name) has no parameter '\(label)'", at: location)
                }
                index = i
            } else {
                index = next
                next += 1
            }
            guard index < slots.count else {
                throw RuntimeError("fn \(proto.name) takes \(proto.parameters.count) arguments, got \(values.count)", at: location)
            }
            guard slots[index].isAbsent else {
                throw RuntimeError("argument '\(proto.parameters[index])' of fn \(proto.name) given twice", at: location)
            }
            slots[index] = value
        }
        if let missing = slots.firstIndex(where: { $0.isAbsent }) {
            throw RuntimeError("fn \(proto.name): missing argument '\(proto.parameters[missing])'", at: location)
        }
        return slots.map { $0 ?? .null }
    }

    func compileCommand(_ call: CommandCall, display: Bool) -> Eval {
        let words: [(parts: [EvalBox], single: Bool, location: SourceLocation)] = call.words.map { word in
            let parts: [EvalBox] = word.parts.map { part in
                switch part {
                case .text(let t): return EvalBox { _, _ in .string(t) }
                case .expr(let e):
                    // nil has no word: `port show $dev` with dev nil used to run `port show nil`.
                    let eval = compileExpression(e), name = Self.interpolationName(e), at = e.location
                    return EvalBox { interp, base in
                        let value = try eval(interp, base)
                        if case .null = value {
                            throw RuntimeError("\(name) is nil, which has no text for a command line", at: at)
                        }
                        return value
                    }
                }
            }
            let single = word.parts.count == 1 && { if case .expr = word.parts[0] { return true } else { return false } }()
            return (parts, single, word.location)
        }
        let location = call.location
        return { interp, base in
            var arguments: [CommandArgument] = []
            arguments.reserveCapacity(words.count)
            for word in words {
                if word.single, let only = word.parts.first {
                    let value = try only.eval(interp, base)
                    arguments.append(CommandArgument(text: value.wordText, value: value, location: word.location))
                } else {
                    var text = ""
                    for part in word.parts { text += try part.eval(interp, base).wordText }
                    arguments.append(CommandArgument(text: text, value: nil, location: word.location))
                }
            }
            return try interp.runCommand(CommandInvocation(arguments: arguments, location: location), display: display)
        }
    }

    /// How an interpolation reads in an error: `$dev`, `$sf.function`, else `$(...)`.
    static func interpolationName(_ e: Expr) -> String {
        switch e.kind {
        case .variable(let name): return "$" + name
        case .field(let base, let field):
            let prefix = interpolationName(base)
            return prefix == "$(...)" ? prefix : prefix + "." + field
        default: return "$(...)"
        }
    }
}


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
        let callee = compileExpression(calleeExpr)
        let args = arguments.map { EvalBox(compileExpression($0.value)) }
        let labels = arguments.map(\.label)
        let hasLabels = labels.contains { $0 != nil }
        let what = describe(calleeExpr) ?? "expression"
        // The first arguments as plain closures: no array walk on the common short calls.
        let argCount = args.count
        let noArgument: Eval = { _, _ in .null }
        let a0 = argCount > 0 ? args[0].eval : noArgument
        let a1 = argCount > 1 ? args[1].eval : noArgument
        // A call of a global function (the common case) reads the global slot itself.
        let globalIndex: Int
        if case .variable(let name) = calleeExpr.kind, case .global(let index) = resolve(name, in: context) {
            globalIndex = index
        } else {
            globalIndex = -1
        }
        // A user function call: the frame is reserved first and each argument is evaluated straight
        // into its slot (no copy of the value and no temporary to destroy afterwards).
        @inline(__always) func callUser(_ f: FunctionObject, _ interp: Interpreter, _ base: UnsafeMutablePointer<Value>) throws -> Value {
            guard argCount == f.arity else {
                throw RuntimeError("fn \(f.proto.name) takes \(f.arity) argument\(f.arity == 1 ? "" : "s"), got \(argCount)", at: location)
            }
            try interp.tick(location)
            let size = f.slotCount
            let frame = try interp.reserveFrame(size, at: location)
            // Slot 0 gives nested closures the caller's captures; nil when there are none.
            frame.initialize(to: f.hasCaptures ? .function(f) : .null)
            var filled = frame + 1
            do {
                if argCount > 0 { filled.initialize(to: try a0(interp, base)); filled += 1 }
                if argCount > 1 { filled.initialize(to: try a1(interp, base)); filled += 1 }
                var i = 2
                while i < argCount { filled.initialize(to: try args[i].eval(interp, base)); filled += 1; i += 1 }
            } catch {
                interp.popFrame(frame, filled - frame)  // only the slots filled so far
                throw error
            }
            while filled < frame + size { filled.initialize(to: .null); filled += 1 }
            defer { interp.popFrame(frame, size) }
            do {
                if case .returned(let v) = try f.body(interp, frame) { return v }
                return .null
            } catch var error as RuntimeError {
                error.stack.append(.init(function: f.proto.name, callSite: location))
                throw error
            }
        }
        // A builtin called with positional arguments: they are evaluated straight into the frame too.
        @inline(__always) func callNative(_ n: NativeFunction, _ interp: Interpreter, _ base: UnsafeMutablePointer<Value>) throws -> Value {
            let frame = try interp.reserveFrame(argCount, at: location)
            var filled = frame
            do {
                if argCount > 0 { filled.initialize(to: try a0(interp, base)); filled += 1 }
                if argCount > 1 { filled.initialize(to: try a1(interp, base)); filled += 1 }
                var i = 2
                while i < argCount { filled.initialize(to: try args[i].eval(interp, base)); filled += 1; i += 1 }
            } catch {
                interp.popFrame(frame, filled - frame)
                throw error
            }
            defer { interp.popFrame(frame, argCount) }
            if interp.appendedInline(n, frame, argCount) { return .null }
            return try interp.callNative(n, frame, argCount, nil, at: location)
        }
        return { interp, base in
            if globalIndex >= 0, !hasLabels {
                if let f = interp.globals.function(at: globalIndex) { return try callUser(f, interp, base) }
                if let n = interp.globals.native(at: globalIndex) { return try callNative(n, interp, base) }
            }
            let function = try callee(interp, base)
            switch function {
            case .function(let f):
                if hasLabels {
                    var values: [Value] = []
                    for a in args { values.append(try a.eval(interp, base)) }
                    return try interp.callUser(f, try Compiler.order(values, labels, for: f.proto, at: location), at: location)
                }
                return try callUser(f, interp, base)
            case .native(let n):
                if !hasLabels { return try callNative(n, interp, base) }
                let frame = try interp.pushFrame(argCount, at: location)
                defer { interp.popFrame(frame, argCount) }
                var named: [String: Value] = [:]
                var positional = 0
                for i in 0..<argCount {
                    let v = try args[i].eval(interp, base)
                    if let label = labels[i] {
                        guard n.labels.contains(label) else {
                            throw RuntimeError("\(n.name)() has no argument named '\(label)'\(n.labels.isEmpty ? "" : " (it takes: \(n.labels.sorted().joined(separator: ", ")))")", at: location)
                        }
                        named[label] = v
                    } else {
                        frame[positional] = v
                        positional += 1
                    }
                }
                return try interp.callNative(n, frame, positional, named, at: location)
            default:
                throw RuntimeError("cannot call \(function.typeName) (\(what) is not a function)", at: location)
            }
        }
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
                case .expr(let e): return EvalBox(compileExpression(e))
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
}


/// Turns the syntax tree into a tree of Swift closures with every variable resolved to a frame
/// slot, a captured cell or a global index, so running a program does no name lookups.
final class Compiler {
    let interpreter: Interpreter
    /// The top-level names of what is compiled: the session's, or a module's own (see `import`).
    let globals: Globals
    /// The globals compiled code keeps: a module's own. The session's globals are reached through
    /// the running interpreter instead, so that no function stored in them holds them (a cycle that
    /// kept every interpreter alive); a module's cycle is broken when its interpreter goes.
    var moduleGlobals: Globals? { isModule ? globals : nil }
    /// Compiling a module: its `test`, `setup` and `topology` statements belong to its own file's
    /// runs and are left out here, so an importer's tests do not run them again.
    let isModule: Bool
    var context: FunctionContext
    var diagnostics: [Diagnostic] = []
    var echo = false
    /// Globals this compilation bound with `import`, by slot (see `compileModuleField`).
    var imports: [Int: Module] = [:]
    /// One box per distinct string constant (literals, literal map keys, field names): a map key
    /// made from a constant is then the very box the map holds, found by identity with its hash
    /// already computed.
    private var constantStrings: [String: StringBox] = [:]

    func constantString(_ text: String) -> StringBox {
        if let box = constantStrings[text] { return box }
        let box = StringBox.make(text)
        constantStrings[text] = box
        return box
    }

    init(interpreter: Interpreter, globals: Globals? = nil, isModule: Bool = false) {
        self.interpreter = interpreter
        self.globals = globals ?? interpreter.globals
        self.isModule = isModule
        self.context = FunctionContext(parent: nil, isChunk: true, name: isModule ? "module" : "main chunk")
    }

    func compileChunk(_ statements: [Stmt], echo: Bool) -> (Exec, Int) {
        self.echo = echo
        let body = compileStatements(statements, topLevel: true)
        return (body, context.slotCount)
    }

    func report(_ message: String, at location: SourceLocation) {
        diagnostics.append(Diagnostic(message, at: location))
    }

    // MARK: blocks

    func compileBlock(_ block: Block) -> Exec {
        inScope { compileStatements(block.statements, topLevel: false) }
    }

    func compileStatements(_ statements: [Stmt], topLevel: Bool) -> Exec {
        // Named functions are declared before the block runs so they can call each other.
        for s in statements {
            if case .function(let decl) = s.kind, let name = decl.name, !context.declaresGlobals,
               context.scopes[context.scopes.count - 1][name] == nil {
                _ = context.newSlot(name)
            }
        }
        let execs = statements.map { ExecBox(compileStatement($0, topLevel: topLevel)) }
        return sequence(execs)
    }

    func sequence(_ execs: [ExecBox]) -> Exec {
        switch execs.count {
        case 0:
            return { _, _ in .next }
        case 1:
            return execs[0].exec
        case 2:
            let a = execs[0].exec, b = execs[1].exec
            return { interp, base in
                let flow = try a(interp, base)
                guard case .next = flow else { return flow }
                return try b(interp, base)
            }
        default:
            return { interp, base in
                for box in execs {
                    let flow = try box.exec(interp, base)
                    guard case .next = flow else { return flow }
                }
                return .next
            }
        }
    }

    // MARK: statements

    func compileStatement(_ stmt: Stmt, topLevel: Bool) -> Exec {
        let location = stmt.location
        switch stmt.kind {
        case .expression(let expr):
            let eval = compileExpression(expr)
            if topLevel && echo {
                return { interp, base in
                    let value = try eval(interp, base)
                    if !value.isNil { interp.output.write(value.repr + "\n") }
                    return .next
                }
            }
            return { interp, base in _ = try eval(interp, base); return .next }
        case .command(let call):
            let run = compileCommand(call, display: true)
            return { interp, base in _ = try run(interp, base); return .next }
        case .let(let name, let initializer):
            // The initializer is compiled before the name exists: `let x = x + 1` reads the outer x.
            let eval: Eval
            if let initializer { eval = compileExpression(initializer) } else { eval = { _, _ in .null } }
            return bind(declare(name), eval)
        case .assign(let target, let op, let value):
            return compileAssignment(target: target, op: op, value: value, at: location)
        case .function(let decl):
            let make = compileFunction(decl)
            guard let name = decl.name else { return { _, _ in .next } }
            let ref: VariableRef = context.declaresGlobals ? .global(globals.slot(for: name)) : resolve(name, in: context)
            let store = storer(ref, name: name, at: location, defining: true)
            return { interp, base in try store(interp, base, try make(interp, base)); return .next }
        case .if(let branches, let elseBody):
            return compileIf(branches, elseBody)
        case .while(let condition, let body):
            return compileWhile(condition, body, at: location)
        case .for(let names, let iterable, let body):
            return compileFor(names, iterable, body, at: location)
        case .return(let value):
            guard let value else { return { _, _ in .returned(.null) } }
            if let slot = localSlot(value) {
                // `return n`: read the slot here instead of calling a loader closure.
                return { _, base in
                    let v = base[slot]
                    if case .cell(let cell) = v { return .returned(cell.value) }
                    return .returned(v)
                }
            }
            let eval = compileExpression(value)
            return { interp, base in .returned(try eval(interp, base)) }
        case .break:
            if context.loopDepth == 0 { report("'break' outside a loop", at: location) }
            return { _, _ in .breakLoop }
        case .continue:
            if context.loopDepth == 0 { report("'continue' outside a loop", at: location) }
            return { _, _ in .continueLoop }
        case .try(let body, let catchName, let handler):
            return compileTry(body, catchName, handler)
        case .throw(let value):
            let eval = compileExpression(value)
            return { interp, base in throw Compiler.thrownError(try eval(interp, base), at: location) }
        case .assert(let condition, let message):
            return compileAssert(condition, message, at: location)
        case .block(let block):
            return compileBlock(block)
        case .test, .setup, .topology, .expectError, .transaction:
            return compileTestingStatement(stmt)
        case .import(let decl):
            return compileImport(decl, at: location)
        }
    }

    /// Binds a fresh value to a declared variable (a new binding: closures made earlier keep theirs).
    func bind(_ ref: VariableRef, _ eval: @escaping Eval) -> Exec {
        switch ref {
        case .local(let slot):
            return { interp, base in base[slot] = try eval(interp, base); return .next }
        case .global(let index):
            if let globals = moduleGlobals { return { interp, base in globals[index] = try eval(interp, base); return .next } }
            return { interp, base in interp.globals[index] = try eval(interp, base); return .next }
        case .capture:
            return { interp, base in _ = try eval(interp, base); return .next }  // unreachable: declare() never captures
        }
    }

    func condition(_ expr: Expr, _ what: String) -> (Interpreter, UnsafeMutablePointer<Value>) throws -> Bool {
        // `n < 2`, `i == k`: compare ints directly instead of boxing a bool and unboxing it again.
        if case .binary(let op, let left, let right) = expr.kind,
           [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op) {
            let l = compileExpression(left)
            let opLocation = expr.location
            let leftWhat = describe(left), rightWhat = describe(right)
            if case .int(let k) = right.kind {
                let slot = localSlot(left)
                return { interp, base in
                    if let slot, case .int(let x) = base[slot] { return Compiler.compare(op, x, k) }
                    let a = try l(interp, base)
                    if case .int(let x) = a { return Compiler.compare(op, x, k) }
                    return try Operators.compare(op, a, .int(k), at: opLocation, leftWhat: leftWhat)
                }
            }
            let r = compileExpression(right)
            return { interp, base in
                try Operators.compare(op, try l(interp, base), try r(interp, base), at: opLocation,
                                      leftWhat: leftWhat, rightWhat: rightWhat)
            }
        }
        let eval = compileExpression(expr)
        let location = expr.location
        let description = describe(expr)
        return { interp, base in
            let value = try eval(interp, base)
            guard case .bool(let b) = value else {
                throw RuntimeError("\(what) must be a bool, got \(value.typeName)\(description.map { " (\($0))" } ?? "")", at: location)
            }
            return b
        }
    }

    /// `x < 2` with x a local slot and an int literal on the right: tested inline by `if`.
    func slotComparison(_ expr: Expr) -> (slot: Int, op: BinaryOperator, k: Int)? {
        guard case .binary(let op, let left, let right) = expr.kind,
              [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op),
              case .int(let k) = right.kind, let slot = localSlot(left) else { return nil }
        return (slot, op, k)
    }

    @inline(__always)
    static func compare(_ op: BinaryOperator, _ x: Int, _ k: Int) -> Bool {
        switch op {
        case .less: return x < k
        case .lessEqual: return x <= k
        case .greater: return x > k
        case .greaterEqual: return x >= k
        case .equal: return x == k
        default: return x != k
        }
    }

    func compileIf(_ branches: [(condition: Expr, body: Block)], _ elseBody: Block?) -> Exec {
        let tests = branches.map { ConditionalBox(test: condition($0.condition, "'if' condition"), body: compileBlock($0.body)) }
        let otherwise: Exec
        if let elseBody { otherwise = compileBlock(elseBody) } else { otherwise = { _, _ in .next } }
        if tests.count == 1, let (slot, op, k) = slotComparison(branches[0].condition) {
            // The comparison is done here, not in a separate condition closure (one call less).
            let test = tests[0].test, body = tests[0].body
            return { interp, base in
                if case .int(let x) = base[slot] {
                    return Compiler.compare(op, x, k) ? try body(interp, base) : try otherwise(interp, base)
                }
                if try test(interp, base) { return try body(interp, base) }
                return try otherwise(interp, base)
            }
        }
        if tests.count == 1 {
            let test = tests[0].test, body = tests[0].body
            return { interp, base in
                if try test(interp, base) { return try body(interp, base) }
                return try otherwise(interp, base)
            }
        }
        return { interp, base in
            for branch in tests where try branch.test(interp, base) { return try branch.body(interp, base) }
            return try otherwise(interp, base)
        }
    }

    func compileWhile(_ conditionExpr: Expr, _ block: Block, at location: SourceLocation) -> Exec {
        let test = condition(conditionExpr, "'while' condition")
        context.loopDepth += 1
        let body = compileBlock(block)
        context.loopDepth -= 1
        return { interp, base in
            while try test(interp, base) {
                try interp.tick(location)
                switch try body(interp, base) {
                case .breakLoop: return .next
                case .returned(let v): return .returned(v)
                default: continue
                }
            }
            return .next
        }
    }

    func compileTry(_ body: Block, _ catchName: String?, _ handler: Block) -> Exec {
        let run = compileBlock(body)
        var slot: Int?
        let recover: Exec = inScope {
            if let catchName { slot = context.newSlot(catchName) }
            return compileStatements(handler.statements, topLevel: false)
        }
        return { [slot] interp, base in
            do {
                return try run(interp, base)
            } catch let error as RuntimeError where error.kind == .error {
                if let slot { base[slot] = .error(error.errorObject) }
                return try recover(interp, base)
            }
        }
    }

    func compileAssert(_ conditionExpr: Expr, _ message: Expr?, at location: SourceLocation) -> Exec {
        let messageEval = message.map { EvalBox(compileExpression($0)) }
        // For a failed comparison, show both sides.
        if case .binary(let op, let l, let r) = conditionExpr.kind,
           [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op) {
            let left = compileExpression(l), right = compileExpression(r)
            let opLocation = conditionExpr.location
            return { interp, base in
                let a = try left(interp, base), b = try right(interp, base)
                if try Operators.compare(op, a, b, at: opLocation) { return .next }
                let text = try messageEval.map { try $0.eval(interp, base).str } ?? "assertion failed"
                throw RuntimeError("\(text) (left: \(a.repr), right: \(b.repr), expected left \(op.rawValue) right)",
                                   at: location, errno: nil)
            }
        }
        let test = condition(conditionExpr, "assert condition")
        return { interp, base in
            if try test(interp, base) { return .next }
            let text = try messageEval.map { try $0.eval(interp, base).str } ?? "assertion failed"
            throw RuntimeError(text, at: location)
        }
    }

    static func thrownError(_ value: Value, at location: SourceLocation) -> RuntimeError {
        switch value {
        case .string(let s):
            return RuntimeError(s.value, at: location, value: value)
        case .error(let e):
            return RuntimeError(e.message, at: e.location ?? location, errno: e.errno, notes: e.notes, value: e.value)
        default:
            return RuntimeError(value.repr, at: location, value: value)
        }
    }

    /// "variable 'x'" / "field 'a.b'" for error messages, when the expression has a name.
    func describe(_ expr: Expr) -> String? {
        switch expr.kind {
        case .variable(let name): return "variable '\(name)'"
        case .field(let base, let name):
            if let path = path(of: base) { return "field '\(path).\(name)'" }
            return "field '\(name)'"
        case .index(let base, _):
            if let path = path(of: base) { return "element of '\(path)'" }
            return nil
        case .call(let callee, _):
            if let path = path(of: callee) { return "result of \(path)()" }
            return nil
        default: return nil
        }
    }

    func path(of expr: Expr) -> String? {
        switch expr.kind {
        case .variable(let name): return name
        case .field(let base, let name): return path(of: base).map { "\($0).\(name)" }
        default: return nil
        }
    }
}

/// Closures kept in arrays or optionals are wrapped in these structs: a bare function type used as
/// a generic argument is stored re-abstracted, and each call would then go through a thunk.
struct EvalBox {
    let eval: Eval
    init(_ eval: @escaping Eval) { self.eval = eval }
}

struct ExecBox {
    let exec: Exec
    init(_ exec: @escaping Exec) { self.exec = exec }
}

struct ConditionalBox {
    let test: (Interpreter, UnsafeMutablePointer<Value>) throws -> Bool
    let body: Exec
}

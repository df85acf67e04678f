/// Reading and writing variables, and assignment statements (`x = v`, `x[i] += v`, `m.k = v`).
extension Compiler {
    func loader(_ ref: VariableRef, name: String, at location: SourceLocation) -> Eval {
        switch ref {
        case .local(let slot):
            return { _, base in
                let value = base[slot]
                if case .cell(let cell) = value { return cell.value }
                return value
            }
        case .capture(let index):
            return { _, base in
                guard case .function(let f) = base[0] else { return .null }
                return f.captures[index].value
            }
        case .global(let index):
            if let globals = moduleGlobals {
                return { _, _ in
                    guard let value = globals[index] else { throw RuntimeError("undefined variable '\(name)'", at: location) }
                    return value
                }
            }
            return { interp, _ in
                guard let value = interp.globals[index] else { throw RuntimeError("undefined variable '\(name)'", at: location) }
                return value
            }
        }
    }

    /// The frame slot of a plain local variable, so hot operations can read it without a closure call.
    /// (A captured local holds a cell; the fast paths then fall back to the general loader.)
    func localSlot(_ expr: Expr) -> Int? {
        guard case .variable(let name) = expr.kind, case .local(let slot) = resolve(name, in: context) else { return nil }
        return slot
    }

    typealias Store = (Interpreter, UnsafeMutablePointer<Value>, Value) throws -> Void

    /// Writes through a captured cell when there is one, so closures see the change.
    func storer(_ ref: VariableRef, name: String, at location: SourceLocation, defining: Bool = false) -> Store {
        switch ref {
        case .local(let slot):
            return { _, base, value in
                if case .cell(let cell) = base[slot] { cell.value = value } else { base[slot] = value }
            }
        case .capture(let index):
            return { _, base, value in
                guard case .function(let f) = base[0] else { return }
                f.captures[index].value = value
            }
        case .global(let index):
            let module = moduleGlobals
            if defining { return { interp, _, value in (module ?? interp.globals)[index] = value } }
            return { interp, _, value in
                let globals = module ?? interp.globals
                guard !globals[index].isAbsent else {
                    throw RuntimeError("assignment to undeclared variable '\(name)' (declare it with 'let \(name) = ...')", at: location)
                }
                globals[index] = value
            }
        }
    }

    /// `total += i * 3` on an int variable: the new int is written in place, without the loader,
    /// storer and general operator calls. The old value is read before the right side runs, as the
    /// general path reads it; anything but two ints (or an overflow) takes that path.
    private func intUpdate(_ ref: VariableRef, _ op: BinaryOperator, _ rhs: @escaping Eval, _ store: @escaping Store,
                           _ load: @escaping Eval, name: String, target: SourceLocation, at location: SourceLocation) -> Exec? {
        guard [.add, .subtract, .multiply, .remainder].contains(op) else { return nil }
        switch ref {
        case .local(let slot):
            guard op != .add else { return nil }  // the string-appending path below takes ints too
            return { interp, base in
                guard case .int(let x) = base[slot] else {
                    let old = try load(interp, base)
                    try store(interp, base, try Operators.binary(op, old, try rhs(interp, base), at: location))
                    return .next
                }
                let right = try rhs(interp, base)
                if case .int(let y) = right, let r = Compiler.intOperation(op, x, y) {
                    base[slot] = .int(r)
                } else {
                    try store(interp, base, try Operators.binary(op, .int(x), right, at: location))
                }
                return .next
            }
        case .global(let index):
            let module = moduleGlobals
            return { interp, base in
                let globals = module ?? interp.globals
                guard let old = globals[index] else { throw RuntimeError("undefined variable '\(name)'", at: target) }
                let right = try rhs(interp, base)
                if case .int(let x) = old, case .int(let y) = right, let r = Compiler.intOperation(op, x, y) {
                    globals[index] = .int(r)
                } else {
                    try store(interp, base, try Operators.binary(op, old, right, at: location))
                }
                return .next
            }
        case .capture:
            return nil
        }
    }

    func compileAssignment(target: Expr, op: BinaryOperator?, value: Expr, at location: SourceLocation) -> Exec {
        let rhs = compileExpression(value)
        switch target.kind {
        case .variable(let name):
            let ref = resolve(name, in: context)
            let store = storer(ref, name: name, at: target.location)
            guard let op else {
                return { interp, base in try store(interp, base, try rhs(interp, base)); return .next }
            }
            let load = loader(ref, name: name, at: target.location)
            if let update = intUpdate(ref, op, rhs, store, load, name: name, target: target.location, at: location) {
                return update
            }
            if op == .add, case .local(let slot) = ref {
                // `s += "x"` on a local string appends in place instead of copying the whole string.
                return { interp, base in
                    if case .int(let x) = base[slot] {
                        let right = try rhs(interp, base)
                        if case .int(let y) = right, let r = Compiler.intOperation(.add, x, y) {
                            base[slot] = .int(r)
                            return .next
                        }
                        try store(interp, base, try Operators.binary(.add, .int(x), right, at: location))
                        return .next
                    }
                    let right = try rhs(interp, base)
                    if case .string(let r) = right, case .string(var box) = base[slot] {
                        // The same limit as `s = s + t`, checked before the slot is touched.
                        let bytes = box.count + r.count
                        guard bytes <= Limits.maxStringBytes else { throw Limits.stringTooLong(bytes, at: location) }
                        base[slot] = .null
                        StringBox.append(r, to: &box)
                        base[slot] = .string(box)
                        return .next
                    }
                    try store(interp, base, try Operators.binary(.add, try load(interp, base), right, at: location))
                    return .next
                }
            }
            return { interp, base in
                let old = try load(interp, base)
                try store(interp, base, try Operators.binary(op, old, try rhs(interp, base), at: location))
                return .next
            }
        case .index(let containerExpr, let keyExpr):
            let container = compileExpression(containerExpr)
            let key = compileExpression(keyExpr)
            let what = describe(containerExpr)
            return { interp, base in
                let c = try container(interp, base)
                let k = try key(interp, base)
                let v = try rhs(interp, base)
                if let op { try Access.updateIndex(c, k, op, v, at: location, what: what); return .next }
                try Access.setIndex(c, k, v, at: location, what: what)
                return .next
            }
        case .field(let objectExpr, let fieldName):
            let name = constantString(fieldName)
            let object = compileExpression(objectExpr)
            let what = describe(objectExpr)
            return { interp, base in
                let o = try object(interp, base)
                var v = try rhs(interp, base)
                if let op {
                    v = try Operators.binary(op, try Access.field(o, name, at: location, what: what), v, at: location)
                }
                try Access.setField(o, name, v, at: location, what: what)
                return .next
            }
        default:
            report("cannot assign to this expression", at: target.location)
            return { _, _ in .next }
        }
    }
}

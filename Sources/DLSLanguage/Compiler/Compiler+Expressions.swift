/// Expressions → closures. Common shapes (int constants, locals) get specialised closures.
extension Compiler {
    func compileExpression(_ expr: Expr) -> Eval {
        let location = expr.location
        switch expr.kind {
        case .nilLiteral: return { _, _ in .null }
        case .bool(let b): return { _, _ in .bool(b) }
        case .int(let i): return { _, _ in .int(i) }
        case .float(let f): return { _, _ in .float(f) }
        case .rate(let r): return { _, _ in .rate(Rate(bytesPerSecond: r)) }
        case .string(let s):
            // One box for every evaluation: a shared box is never changed in place.
            let value = Value.string(constantString(s))
            return { _, _ in value }
        case .interpolated(let parts):
            let interpolation = StringInterpolation(parts.map { part in
                switch part {
                case .text(let t): return .text(t)
                case .expr(let e): return .value(EvalBox(compileExpression(e)))
                }
            })
            let none: Eval = { _, _ in .null }
            let first = interpolation.evals.first?.eval ?? none
            let second = interpolation.evals.count > 1 ? interpolation.evals[1].eval : none
            return { interp, base in try interpolation.evaluate(interp, base, first, second, at: location) }
        case .variable(let name):
            return loader(resolve(name, in: context), name: name, at: location)
        case .list(let items):
            let evals = items.map { EvalBox(compileExpression($0)) }
            return { interp, base in
                var values: [Value] = []
                values.reserveCapacity(evals.count)
                for e in evals { values.append(try e.eval(interp, base)) }
                return .list(ListObject(values))
            }
        case .map(let entries):
            if let literal = compileConstantKeyMap(entries) { return literal }
            let evals = entries.map { (EvalBox(compileExpression($0.key)), EvalBox(compileExpression($0.value)), $0.key.location) }
            return { interp, base in
                var dict = MapEntries(minimumCapacity: evals.count)
                for (k, v, keyLocation) in evals {
                    let key = try k.eval(interp, base)
                    guard let mapKey = MapKey(key) else {
                        throw RuntimeError("\(key.typeName) cannot be a map key (use strings, numbers, bools or rates)", at: keyLocation)
                    }
                    dict[mapKey] = try v.eval(interp, base)
                }
                return .map(MapObject(dict))
            }
        case .unary(let op, let operand):
            let eval = compileExpression(operand)
            let what = describe(operand)
            return { interp, base in try Operators.unary(op, try eval(interp, base), at: location, what: what) }
        case .binary(let op, let left, let right):
            return compileBinary(op, left, right, at: location)
        case .and(let left, let right):
            let l = condition(left, "left side of '&&'"), r = condition(right, "right side of '&&'")
            return { interp, base in .bool(try l(interp, base) && r(interp, base)) }
        case .or(let left, let right):
            let l = condition(left, "left side of '||'"), r = condition(right, "right side of '||'")
            return { interp, base in .bool(try l(interp, base) || r(interp, base)) }
        case .range(let low, let high, let inclusive):
            let l = compileExpression(low), h = compileExpression(high)
            return { interp, base in
                try Operators.rangeList(try l(interp, base), try h(interp, base), inclusive: inclusive, at: location)
            }
        case .call(let callee, let arguments):
            return compileCall(callee, arguments, at: location)
        case .index(let container, let key):
            let c = compileExpression(container), k = compileExpression(key)
            let what = describe(container)
            return { interp, base in try Access.index(try c(interp, base), try k(interp, base), at: location, what: what) }
        case .field(let object, let name):
            if let read = compileModuleField(object, name, at: location) { return read }
            let o = compileExpression(object)
            let what = describe(object)
            let name = constantString(name)
            return { interp, base in try Access.field(try o(interp, base), name, at: location, what: what) }
        case .function(let decl):
            return compileFunction(decl)
        case .command(let call):
            return compileCommand(call, display: false)
        }
    }

    /// The int result when it needs nothing special (no overflow, a positive divisor); nil sends
    /// the operation to Operators.binary, which knows the rest and words the errors.
    @inline(__always)
    static func intOperation(_ op: BinaryOperator, _ x: Int, _ k: Int) -> Int? {
        switch op {
        case .add: let (r, o) = x.addingReportingOverflow(k); return o ? nil : r
        case .subtract: let (r, o) = x.subtractingReportingOverflow(k); return o ? nil : r
        case .multiply: let (r, o) = x.multipliedReportingOverflow(by: k); return o ? nil : r
        case .remainder: return k > 0 ? x % k : nil
        default: return nil
        }
    }

    private func intConstant<O: IntConstantOperation>(_: O.Type, _ l: @escaping Eval, _ k: Int, slot: Int?,
                                                       at location: SourceLocation, leftWhat: String?) -> Eval {
        if let slot {
            return { interp, base in
                if case .int(let x) = base[slot], let result = O.apply(x, k) { return .int(result) }
                return try Operators.binary(O.op, try l(interp, base), .int(k), at: location, leftWhat: leftWhat)
            }
        }
        return { interp, base in
            let a = try l(interp, base)
            if case .int(let x) = a, let result = O.apply(x, k) { return .int(result) }
            return try Operators.binary(O.op, a, .int(k), at: location, leftWhat: leftWhat)
        }
    }

    func compileBinary(_ op: BinaryOperator, _ left: Expr, _ right: Expr, at location: SourceLocation) -> Eval {
        let l = compileExpression(left)
        let leftWhat = describe(left), rightWhat = describe(right)
        // `n - 1`, `i * 3`, `i % 1000`: an int constant on the right skips one closure call and the
        // general operator switch; a local on the left is read from its slot directly.
        if case .int(let k) = right.kind {
            // One closure per operator, so the operator is not switched on at run time.
            switch op {
            case .add: return intConstant(IntAdd.self, l, k, slot: localSlot(left), at: location, leftWhat: leftWhat)
            case .subtract: return intConstant(IntSubtract.self, l, k, slot: localSlot(left), at: location, leftWhat: leftWhat)
            case .multiply: return intConstant(IntMultiply.self, l, k, slot: localSlot(left), at: location, leftWhat: leftWhat)
            case .remainder: return intConstant(IntRemainder.self, l, k, slot: localSlot(left), at: location, leftWhat: leftWhat)
            default: break
            }
        }
        if case .int(let k) = right.kind, [.equal, .notEqual, .less, .lessEqual, .greater, .greaterEqual].contains(op) {
            // `y % 2 == 0`, `n < 2`: an int compared with a constant, without the general equality.
            return { interp, base in
                let a = try l(interp, base)
                if case .int(let x) = a { return .bool(Compiler.compare(op, x, k)) }
                return try Operators.binary(op, a, .int(k), at: location, leftWhat: leftWhat)
            }
        }
        let r = compileExpression(right)
        switch op {
        case .add:
            return { interp, base in
                let a = try l(interp, base), b = try r(interp, base)
                if case .int(let x) = a, case .int(let y) = b {
                    let (sum, overflow) = x.addingReportingOverflow(y)
                    if !overflow { return .int(sum) }
                }
                return try Operators.binary(op, a, b, at: location, leftWhat: leftWhat, rightWhat: rightWhat)
            }
        case .multiply:
            return { interp, base in
                let a = try l(interp, base), b = try r(interp, base)
                if case .int(let x) = a, case .int(let y) = b {
                    let (product, overflow) = x.multipliedReportingOverflow(by: y)
                    if !overflow { return .int(product) }
                }
                return try Operators.binary(op, a, b, at: location, leftWhat: leftWhat, rightWhat: rightWhat)
            }
        case .remainder:
            return { interp, base in
                let a = try l(interp, base), b = try r(interp, base)
                if case .int(let x) = a, case .int(let y) = b, y > 0 { return .int(x % y) }
                return try Operators.binary(op, a, b, at: location, leftWhat: leftWhat, rightWhat: rightWhat)
            }
        default:
            return { interp, base in
                try Operators.binary(op, try l(interp, base), try r(interp, base), at: location,
                                     leftWhat: leftWhat, rightWhat: rightWhat)
            }
        }
    }
}


/// An int operator with a constant right side, as a type: `intConstant` is specialised for each.
protocol IntConstantOperation {
    static var op: BinaryOperator { get }
}

extension IntConstantOperation {
    @inline(__always) static func apply(_ x: Int, _ k: Int) -> Int? { Compiler.intOperation(op, x, k) }
}

enum IntAdd: IntConstantOperation { static var op: BinaryOperator { .add } }
enum IntSubtract: IntConstantOperation { static var op: BinaryOperator { .subtract } }
enum IntMultiply: IntConstantOperation { static var op: BinaryOperator { .multiply } }
enum IntRemainder: IntConstantOperation { static var op: BinaryOperator { .remainder } }

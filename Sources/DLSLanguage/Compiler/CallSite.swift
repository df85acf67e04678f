/// One compiled call `f(a, b)`. Its state lives in a class rather than in the captures of the
/// call closure: a closure's forwarding thunk loads every capture on each call (8% of a
/// call-heavy run with a dozen of them), a method reads only the fields its path needs.
final class CallSite {
    let callee: Eval
    /// The namespace `globalIndex` is a slot of: a module's, or nil for the running interpreter's.
    let globals: Globals?
    let arguments: [EvalBox]
    let labels: [String?]
    let hasLabels: Bool
    /// The global slot of the callee when it is a global name, else -1.
    let globalIndex: Int
    let what: String
    let location: SourceLocation
    // The first arguments as plain closures: no array walk on the common short calls.
    let argCount: Int
    let a0: Eval
    let a1: Eval

    init(callee: @escaping Eval, arguments: [EvalBox], labels: [String?], globals: Globals?, globalIndex: Int,
         what: String, location: SourceLocation) {
        self.callee = callee
        self.globals = globals
        self.arguments = arguments
        self.labels = labels
        self.hasLabels = labels.contains { $0 != nil }
        self.globalIndex = globalIndex
        self.what = what
        self.location = location
        argCount = arguments.count
        let none: Eval = { _, _ in .null }
        a0 = arguments.count > 0 ? arguments[0].eval : none
        a1 = arguments.count > 1 ? arguments[1].eval : none
    }

    func call(_ interp: Interpreter, _ base: UnsafeMutablePointer<Value>) throws -> Value {
        if globalIndex >= 0, !hasLabels {
            // Two branches, not `self.globals ?? interp.globals`: that makes an owned reference, a
            // retain and a release on every call.
            if let own = globals {
                if let f = own.function(at: globalIndex) { return try callUser(f, interp, base) }
                if let n = own.native(at: globalIndex) { return try callNative(n, interp, base) }
            } else {
                if let f = interp.globals.function(at: globalIndex) { return try callUser(f, interp, base) }
                if let n = interp.globals.native(at: globalIndex) { return try callNative(n, interp, base) }
            }
        }
        let function = try callee(interp, base)
        switch function {
        case .function(let f):
            if hasLabels {
                var values: [Value] = []
                for a in arguments { values.append(try a.eval(interp, base)) }
                return try interp.callUser(f, try Compiler.order(values, labels, for: f.proto, at: location), at: location)
            }
            return try callUser(f, interp, base)
        case .native(let n):
            if !hasLabels { return try callNative(n, interp, base) }
            return try callNativeWithLabels(n, interp, base)
        default:
            throw RuntimeError("cannot call \(function.typeName) (\(what) is not a function)", at: location)
        }
    }

    /// Evaluates the arguments straight into the slots from `first` on (no copy of a value, no
    /// temporary to destroy); returns the slot after the last. On an error, pops the frame
    /// (only the slots filled so far) and rethrows.
    @inline(__always)
    private func fill(_ first: UnsafeMutablePointer<Value>, frame: UnsafeMutablePointer<Value>,
                      _ interp: Interpreter, _ base: UnsafeMutablePointer<Value>) throws -> UnsafeMutablePointer<Value> {
        var filled = first
        do {
            if argCount > 0 { filled.initialize(to: try a0(interp, base)); filled += 1 }
            if argCount > 1 { filled.initialize(to: try a1(interp, base)); filled += 1 }
            var i = 2
            while i < argCount { filled.initialize(to: try arguments[i].eval(interp, base)); filled += 1; i += 1 }
        } catch {
            interp.popFrame(frame, filled - frame)
            throw error
        }
        return filled
    }

    /// A user function call: the frame is reserved first and the arguments go straight into it.
    @inline(__always)
    private func callUser(_ f: FunctionObject, _ interp: Interpreter, _ base: UnsafeMutablePointer<Value>) throws -> Value {
        guard argCount == f.arity else {
            throw RuntimeError("fn \(f.proto.name) takes \(f.arity) argument\(f.arity == 1 ? "" : "s"), got \(argCount)", at: location)
        }
        try interp.tick(location)
        let size = f.slotCount
        let frame = try interp.reserveFrame(size, at: location)
        // Slot 0 gives nested closures the caller's captures; nil when there are none.
        frame.initialize(to: f.hasCaptures ? .function(f) : .null)
        var filled = try fill(frame + 1, frame: frame, interp, base)
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

    /// A builtin called with positional arguments.
    @inline(__always)
    private func callNative(_ n: NativeFunction, _ interp: Interpreter, _ base: UnsafeMutablePointer<Value>) throws -> Value {
        let frame = try interp.reserveFrame(argCount, at: location)
        _ = try fill(frame, frame: frame, interp, base)
        defer { interp.popFrame(frame, argCount) }
        if interp.appendedInline(n, frame, argCount) { return frame[0] }   // append returns its list
        return try interp.callNative(n, frame, argCount, nil, at: location)
    }

    private func callNativeWithLabels(_ n: NativeFunction, _ interp: Interpreter, _ base: UnsafeMutablePointer<Value>) throws -> Value {
        let frame = try interp.pushFrame(argCount, at: location)
        defer { interp.popFrame(frame, argCount) }
        var named: [String: Value] = [:]
        var positional = 0
        for i in 0..<argCount {
            let v = try arguments[i].eval(interp, base)
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
    }
}

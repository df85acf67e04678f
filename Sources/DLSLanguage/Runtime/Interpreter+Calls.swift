/// Calling functions from Swift (builtins like `map`, hosts) and dispatching commands.
extension Interpreter {
    /// Calls any dls function value with the given arguments.
    public func call(_ function: Value, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        switch function {
        case .function(let f):
            return try callUser(f, arguments, at: location)
        case .native(let n):
            let frame = try pushFrame(arguments.count, at: location)
            defer { popFrame(frame, arguments.count) }
            for (i, a) in arguments.enumerated() { frame[i] = a }
            return try callNative(n, frame, arguments.count, nil, at: location)
        default:
            throw RuntimeError("cannot call \(function.typeName)", at: location)
        }
    }

    func callUser(_ f: FunctionObject, _ arguments: [Value], at location: SourceLocation) throws -> Value {
        try checkArity(f, arguments.count, at: location)
        return try enter(f, at: location) { frame in
            for (i, a) in arguments.enumerated() { frame[i + 1] = a }
        }
    }

    /// Calls a dls function value with one argument. `map`, `filter` and `sort` call their function
    /// once per item; this way no argument array is allocated per call.
    public func call(_ function: Value, one argument: Value, at location: SourceLocation) throws -> Value {
        guard case .function(let f) = function else { return try call(function, [argument], at: location) }
        try checkArity(f, 1, at: location)
        return try enter(f, at: location) { frame in frame[1] = argument }
    }

    /// Calls `function` with each item as its one argument, handing `each` the item and the result:
    /// how `map`, `filter` and `sort` call their function. A user function runs in one frame pushed
    /// once and cleared between items, so each item costs no frame set-up; every call still ticks,
    /// and the first one meets the same arity and depth checks, in the same order, as a plain call.
    func callEach(_ function: Value, _ items: [Value], at location: SourceLocation,
                  _ each: (Value, Value) throws -> Void) throws {
        guard case .function(let f) = function, !items.isEmpty else {
            for item in items { try each(item, try call(function, one: item, at: location)) }
            return
        }
        try checkArity(f, 1, at: location)
        try tick(location)
        let slots = f.slotCount
        let frame = try pushFrame(slots, at: location)
        defer { popFrame(frame, slots) }
        frame[0] = .function(f)
        for (i, item) in items.enumerated() {
            if i > 0 { try tick(location) }
            frame[1] = item
            let result: Value
            do {
                if case .returned(let v) = try f.body(self, frame) { result = v } else { result = .null }
            } catch var error as RuntimeError {
                error.stack.append(.init(function: f.proto.name, callSite: location))
                throw error
            }
            // The next item starts from fresh locals, as in a new frame.
            var slot = frame + 1
            while slot < frame + slots {
                if case .null = slot.pointee {} else { slot.pointee = .null }
                slot += 1
            }
            try each(item, result)
        }
    }

    private func checkArity(_ f: FunctionObject, _ count: Int, at location: SourceLocation) throws {
        guard count == f.arity else {
            let proto = f.proto
            throw RuntimeError("fn \(proto.name) takes \(proto.parameters.count) argument\(proto.parameters.count == 1 ? "" : "s"), got \(count)", at: location)
        }
    }

    /// Runs `f` in a new frame: slot 0 is the function itself, `fill` puts the arguments after it.
    @inline(__always)
    private func enter(_ f: FunctionObject, at location: SourceLocation,
                       _ fill: (UnsafeMutablePointer<Value>) -> Void) throws -> Value {
        try tick(location)
        let slots = f.slotCount
        let frame = try pushFrame(slots, at: location)
        defer { popFrame(frame, slots) }
        frame[0] = .function(f)
        fill(frame)
        do {
            if case .returned(let v) = try f.body(self, frame) { return v }
            return .null
        } catch var error as RuntimeError {
            error.stack.append(.init(function: f.proto.name, callSite: location))
            throw error
        }
    }

    /// `append(list, x)` in a loop is the usual way to build a list: done by the call site, without
    /// the builtin's argument machinery. false for anything unusual (not a list, at the limit): the
    /// builtin itself runs then, and words the error.
    @inline(__always)
    func appendedInline(_ n: NativeFunction, _ frame: UnsafeMutablePointer<Value>, _ count: Int) -> Bool {
        guard n.intrinsic == .append, count == 2, case .list(let list) = frame[0],
              list.items.count < Limits.maxListItems else { return false }
        list.items.append((frame + 1).move())
        (frame + 1).initialize(to: .null)
        return true
    }

    func callNative(_ n: NativeFunction, _ frame: UnsafeMutablePointer<Value>, _ count: Int, _ named: [String: Value]?,
                    at location: SourceLocation) throws -> Value {
        guard n.arity.contains(count) else {
            let expected = n.arity.lowerBound == n.arity.upperBound ? "\(n.arity.lowerBound)"
                : n.arity.upperBound == Int.max ? "at least \(n.arity.lowerBound)" : "\(n.arity.lowerBound) to \(n.arity.upperBound)"
            throw RuntimeError("\(n.name)() takes \(expected) argument\(expected == "1" ? "" : "s"), got \(count)", at: location)
        }
        var arguments = Arguments(interpreter: self, base: frame, count: count, namedStorage: named, location: location, function: n)
        do {
            return try n.body(&arguments)
        } catch let error as RuntimeError {
            throw error
        } catch let failure as CommandFailure {
            throw RuntimeError(failure.message, at: location, errno: failure.errno, notes: failure.notes)
        } catch {
            throw RuntimeError("\(n.name)(): \(error)", at: location)
        }
    }

    func runCommand(_ command: CommandInvocation, display: Bool) throws -> Value {
        guard let host else {
            throw RuntimeError("no command host is attached to run '\(command.arguments.first?.text ?? "")'", at: command.location)
        }
        do {
            return try host.run(command, display: display, interpreter: self)
        } catch var error as RuntimeError {
            if error.location == nil { error.location = command.location }
            throw error
        } catch let failure as CommandFailure {
            var location = command.location
            if let i = failure.wordIndex, i < command.arguments.count { location = command.arguments[i].location }
            throw RuntimeError(failure.message, at: location, errno: failure.errno, notes: failure.notes)
        } catch {
            throw RuntimeError("\(error)", at: command.location)
        }
    }
}

import DLSLanguage
import DLSRepl

/// DLSLanguage's interpreter as a `ReplLanguage`: the parser decides incompleteness, chunks run
/// on a large-stack thread (deep recursion must hit the call-depth limit, not the stack), output
/// is flushed before the prompt comes back, failures are rendered with the interpreter's carets.
final class InterpreterLanguage: ReplLanguage, CompletionScope {
    public let interpreter: Interpreter
    /// Names defined before the REPL started (builtins): `:vars` leaves them out.
    private let builtinNames: Set<String>

    public init(_ interpreter: Interpreter) {
        self.interpreter = interpreter
        builtinNames = Set(interpreter.globalNames)
    }

    public func isIncomplete(_ source: String) -> Bool {
        interpreter.needsMoreInput(source)
    }

    public func run(_ source: String, name: String, echo: Bool) -> ReplOutcome {
        var outcome = ReplOutcome.success(display: nil)
        let interpreter = self.interpreter
        LargeStack.run {
            do throws(ScriptFailure) {
                try interpreter.run(source, file: name, echo: echo)  // echo prints values itself
            } catch {
                interpreter.output.flush()
                switch error {
                case .syntax: outcome = .syntaxError(message: interpreter.render(error))
                case .runtime(let e):
                    if case .exit(let status) = e.kind {
                        outcome = .exited(status: status, notes: interpreter.render(error))
                    } else {
                        outcome = .runtimeError(message: interpreter.render(error))
                    }
                }
            }
            interpreter.output.flush()
        }
        return outcome
    }

    public func interrupt() { interpreter.interrupt() }

    public func variables() -> [(name: String, value: String)] {
        interpreter.globalNames.compactMap { name in
            guard !builtinNames.contains(name), let value = interpreter.global(name) else { return nil }
            let text = InterpreterLanguage.unboxed(value).repr
            return (name, text.count > 100 ? String(text.prefix(97)) + "..." : text)
        }
    }

    public var completionScope: CompletionScope? { self }

    // MARK: CompletionScope

    public func globalNames() -> [ScopeName] {
        interpreter.globalNames.compactMap { name in
            guard let value = interpreter.global(name) else { return nil }
            switch InterpreterLanguage.unboxed(value) {
            case .function, .native: return ScopeName(name, .function)
            default: return ScopeName(name, .variable)
            }
        }
    }

    /// Reads fields without running user code: host objects' fields, string keys of maps,
    /// and the fields of an error value.
    public func fieldNames(of path: [String]) -> [String] {
        guard let first = path.first, var value = interpreter.global(first) else { return [] }
        for name in path.dropFirst() {
            guard let next = InterpreterLanguage.field(of: value, name) else { return [] }
            value = next
        }
        switch InterpreterLanguage.unboxed(value) {
        case .object(let o): return o.fieldNames
        case .map(let m): return m.entries.keys.compactMap { if case .string(let s) = $0 { s } else { nil } }
        case .error: return ["message", "errno", "value", "location"]
        default: return []
        }
    }

    private static func field(of value: Value, _ name: String) -> Value? {
        switch unboxed(value) {
        case .object(let o): return o.field(name)
        case .map(let m): return m.entries[.string(name)]
        case .error(let e) where name == "value": return e.value
        default: return nil
        }
    }

    private static func unboxed(_ value: Value) -> Value {
        if case .cell(let c) = value { return c.value }
        return value
    }
}

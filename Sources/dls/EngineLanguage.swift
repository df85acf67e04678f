import DLS
import DLSRepl

/// The embedding engine as the REPL's language: the parser decides incompleteness, chunks run on
/// the engine's large stack, failures come back rendered with carets, `:vars` and completion read
/// globals without running code.
final class EngineLanguage: ReplLanguage, CompletionScope {
    let engine: DLSEngine
    /// Names defined before the REPL started (builtins, `args`): `:vars` leaves them out.
    private let builtinNames: Set<String>

    init(_ engine: DLSEngine) {
        self.engine = engine
        builtinNames = Set(engine.globalNames)
    }

    func isIncomplete(_ source: String) -> Bool { engine.needsMoreInput(source) }

    func run(_ source: String, name: String, echo: Bool) -> ReplOutcome {
        do throws(DLSError) {
            try engine.run(source, file: name, echo: echo)  // echo prints values itself
            return .success(display: nil)
        } catch {
            switch error.kind {
            case .syntax: return .syntaxError(message: error.rendered)
            case .exit(let status): return .exited(status: status, notes: error.rendered)
            default: return .runtimeError(message: error.rendered)
            }
        }
    }

    func interrupt() { engine.cancel() }

    func variables() -> [(name: String, value: String)] {
        engine.globalNames.compactMap { name in
            guard !builtinNames.contains(name), let text = engine.describeGlobal(name) else { return nil }
            return (name, text.count > 100 ? String(text.prefix(97)) + "..." : text)
        }
    }

    var completionScope: CompletionScope? { self }

    func globalNames() -> [ScopeName] {
        engine.globalNames.compactMap { name in
            guard let value = engine.global(name) else { return nil }
            if case .function = value { return ScopeName(name, .function) }
            return ScopeName(name, .variable)
        }
    }

    func fieldNames(of path: [String]) -> [String] { engine.fieldNames(of: path) }
}

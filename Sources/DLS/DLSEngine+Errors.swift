import DLSLanguage

/// Turning the interpreter's failures into `DLSError` and back (for errors a host throws).
extension DLSEngine {
    /// Rendered syntax errors as a report shows them: the first 50, then how many more there are.
    public static func errorReport(_ rendered: [String]) -> [String] { Diagnostic.report(rendered) }

    static func error(_ failure: ScriptFailure, rendered: String, bridge: ValueBridge, interpreter: Interpreter) -> DLSError {
        switch failure {
        case .syntax(let list, let source):
            let all = list.map { diagnostic($0, source: source, interpreter: interpreter) }
            let first = all.first
            return DLSError(kind: .syntax, message: first?.message ?? "syntax error", location: first?.location,
                            diagnostics: all, rendered: rendered)
        case .runtime(let e):
            let kind: DLSError.Kind
            switch e.kind {
            case .error: kind = .runtime
            case .interrupted: kind = .cancelled
            case .limit: kind = .limit
            case .exit(let status): kind = .exit(status)
            }
            return DLSError(kind: kind, message: e.message, location: e.location,
                            errno: e.errno, notes: e.notes,
                            stack: e.stack,
                            value: e.value.map(bridge.swiftValue), rendered: rendered)
        }
    }

    /// `interpreter` has the sources of imported files, for errors inside them.
    static func diagnostic(_ d: Diagnostic, source: SourceText?, interpreter: Interpreter) -> DLSDiagnostic {
        DLSDiagnostic(message: d.message, location: d.location, atEndOfInput: d.atEndOfInput,
                      rendered: interpreter.render(d, source: source))
    }

    /// Checks `source` with `interpreter` (which follows its imports) and returns every error.
    static func check(_ source: String, file: String, with interpreter: Interpreter) -> [DLSDiagnostic] {
        let text = SourceText(name: file, text: source)
        return interpreter.check(source, file: file).map { diagnostic($0, source: text, interpreter: interpreter) }
    }

    private static func runtimeKind(_ kind: DLSError.Kind) -> RuntimeError.Kind {
        switch kind {
        case .cancelled: return .interrupted
        case .limit: return .limit
        case .exit(let status): return .exit(status)
        default: return .error
        }
    }

    /// An error a native function or command handler threw, as the interpreter raises it.
    static func runtimeError(_ error: Error, at location: SourceLocation, bridge: ValueBridge) -> Error {
        guard let e = error as? DLSError else { return error }
        var runtime = RuntimeError(e.message, at: e.location ?? location,
                                   errno: e.errno, notes: e.notes, value: e.value.map(bridge.scriptValue),
                                   kind: runtimeKind(e.kind))
        runtime.stack = e.stack
        return runtime
    }
}

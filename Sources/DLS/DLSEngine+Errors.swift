import DLSLanguage

/// Turning the interpreter's failures into `DLSError` and back (for errors a host throws).
extension DLSEngine {
    static func error(_ failure: ScriptFailure, rendered: String, bridge: ValueBridge) -> DLSError {
        switch failure {
        case .syntax(let list, let source):
            let all = list.map { diagnostic($0, source: source) }
            let first = all.first
            return DLSError(kind: .syntax, message: first?.message ?? "syntax error", location: first?.location,
                            diagnostics: all, rendered: rendered)
        case .runtime(let e):
            let kind: DLSError.Kind
            switch e.kind {
            case .error: kind = .runtime
            case .interrupted: kind = .cancelled
            case .limit: kind = .limit
            }
            return DLSError(kind: kind, message: e.message, location: e.location.map(ValueBridge.location),
                            errno: e.errno, notes: e.notes,
                            stack: e.stack.map { DLSStackFrame(function: $0.function, callSite: ValueBridge.location($0.callSite)) },
                            value: e.value.map(bridge.swiftValue), rendered: rendered)
        }
    }

    static func diagnostic(_ d: Diagnostic, source: SourceText?) -> DLSDiagnostic {
        DLSDiagnostic(message: d.message, location: ValueBridge.location(d.location), atEndOfInput: d.atEndOfInput,
                      rendered: d.rendered(source: source))
    }

    static func diagnostics(_ list: [Diagnostic], source: String, file: String) -> [DLSDiagnostic] {
        let text = SourceText(name: file, text: source)
        return list.map { diagnostic($0, source: text) }
    }

    /// An error a native function or command handler threw, as the interpreter raises it.
    static func runtimeError(_ error: Error, at location: SourceLocation, bridge: ValueBridge) -> Error {
        guard let e = error as? DLSError else { return error }
        var runtime = RuntimeError(e.message, at: e.location.map { SourceLocation(file: $0.file, line: $0.line, column: $0.column) } ?? location,
                                   errno: e.errno, notes: e.notes, value: e.value.map(bridge.scriptValue),
                                   kind: e.kind == .cancelled ? .interrupted : e.kind == .limit ? .limit : .error)
        runtime.stack = e.stack.map {
            .init(function: $0.function, callSite: SourceLocation(file: $0.callSite.file, line: $0.callSite.line, column: $0.callSite.column))
        }
        return runtime
    }
}

/// Evaluating one expression for a host (`DLSEngine.evaluate`): the value comes back instead of
/// being printed, and a bare command (`port show`) returns its objects.
extension Interpreter {
    /// Parses `source` as a single expression (or command line) and returns its value.
    public func evaluate(_ source: String, file: String) throws(ScriptFailure) -> Value {
        let (program, diagnostics) = Parser.parse(source, file: file, commandWords: host?.commandWords ?? [])
        sources[file] = program.source
        guard diagnostics.isEmpty else { throw .syntax(diagnostics, program.source) }
        guard program.statements.count == 1, let statement = program.statements.first else {
            let at = program.statements.dropFirst().first?.location ?? SourceLocation(file: file, line: 1, column: 1)
            let message = program.statements.isEmpty ? "expected an expression" : "expected a single expression"
            throw .syntax([Diagnostic(message, at: at)], program.source)
        }
        let expression: Expr
        switch statement.kind {
        case .expression(let e): expression = e
        case .command(let call): expression = Expr(kind: .command(call), location: statement.location)
        default:
            throw .syntax([Diagnostic("expected an expression, not a statement", at: statement.location)], program.source)
        }
        let returning = Stmt(kind: .return(expression), location: statement.location)
        return try execute([returning], source: program.source, echo: false)
    }
}

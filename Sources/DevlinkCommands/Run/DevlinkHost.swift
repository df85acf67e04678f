import DevlinkModel
import DLSLanguage

/// The language's command host: runs `dev ...` / `port ...` statements, prints bare ones exactly as
/// devlink does (text or `-j` JSON), returns objects for `let x = port show ...`, and reports failures
/// with devlink's own lines under the script location.
public final class DevlinkHost: CommandHost {
    public let runner: CommandRunner
    /// `transaction { }` support (see DevlinkHost+Transactions.swift); commands run through its session.
    public let transactions: SessionTransactions

    /// `undo` picks how transactions are undone: a snapshot where the session allows it, else a journal.
    public init(session: DeviceSession, table: CommandTable = .standard, options: OutputOptions = OutputOptions(),
                undo: UndoStrategy = .automatic) {
        transactions = undo.transactions(for: session)
        runner = CommandRunner(session: transactions.session, table: table, options: options)
    }

    public var commandWords: Set<String> { runner.table.commandWords }

    /// Attaches this host to an interpreter and defines the query builtins.
    public func install(in interpreter: Interpreter) {
        interpreter.host = self
        for function in QueryBuiltins.functions(runner) + LagValues.builtins(runner) + RouteValues.builtins(runner)
                            + RateSimulationValues.builtins(runner) + FaultBuiltins.functions(runner)
                            + ClockBuiltins.functions(runner) + LiveObjects.functions(runner)
                            + EventValue.builtins(runner) {
            function.help = QueryHelp.text[function.name]
            interpreter.define(function)
        }

        KernelBuiltins.functions(runner).forEach(interpreter.define)
        HealthBuiltins.functions(runner).forEach(interpreter.define)
        RdmaBuiltins.functions(runner).forEach(interpreter.define)
    }

    public func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value {
        let words = command.arguments.map { CommandWordInput(text: $0.text, value: $0.value.map(ValueBox.init)) }
        // `devlink -j port show`, `dev show -jp`: options for this line only (InlineOptions).
        guard let inline = InlineOptions.strip(words) else {
            return try run(words, positions: nil, display: display, interpreter: interpreter)
        }
        let saved = runner.options
        runner.options = inline.options.applied(to: saved)
        defer { runner.options = saved }
        return try run(inline.words, positions: inline.positions, display: display, interpreter: interpreter)
    }

    private func run(_ words: [CommandWordInput], positions: [Int]?, display: Bool, interpreter: Interpreter) throws -> Value {
        let result: CommandResult
        var streamed = false
        let context = runner.context
        if display {
            // monitor prints each notification as it arrives
            let output = interpreter.output, formatter = runner.textFormatter, json = runner.options.json, pretty = runner.options.pretty
            context.eventSink = { event in
                streamed = true
                if json {
                    var writer = IPJSONWriter(pretty: pretty)
                    MonitorFormat.json(event, into: &writer)
                    output.write(writer.finish())
                } else {
                    output.write(MonitorFormat.text(event, formatter))
                }
                output.flush()
            }
        }
        context.interrupted = { interpreter.isInterruptRequested }
        context.noteSink = { [output = interpreter.output] note in output.writeError(note + "\n") }
        defer {
            context.eventSink = nil
            context.interrupted = nil
            context.noteSink = nil
        }
        // Whatever the line did, objects read before it may be stale now (even a failed set may
        // have applied part of its change).
        defer { runner.live.invalidate() }
        // Messages of requests no command line made (a rollback, a desired-state apply) are not this
        // line's to show.
        _ = runner.session.drainWarnings()
        do {
            result = try runner.execute(words)
        } catch {
            // devlink prints a warning as its ACK arrives, so before a later request's error.
            showWarnings(on: interpreter.output)
            var report = error
            // The caret goes under the word as typed, options included.
            if let positions, let i = report.wordIndex, positions.indices.contains(i) { report.wordIndex = positions[i] }
            throw DevlinkHost.failure(report)
        }
        if display && !streamed { show(result, on: interpreter.output) }
        showWarnings(on: interpreter.output)
        runner.live.invalidate()
        return ValueConversion.value(result, formatter: runner.textFormatter, live: runner.live)
    }

    /// Prints a result as devlink would: usage on stderr, the rest on stdout.
    public func show(_ result: CommandResult, on output: OutputSink) {
        if case .usage(let lines) = result {
            output.writeError(lines.map { $0 + "\n" }.joined())
            return
        }
        if case .lag(.warning(let message)) = result {
            output.writeError(FailureReport.extackLine(message, isError: false) + "\n")
            return
        }
        let text = runner.options.json ? runner.jsonDocument(result) : runner.text(result)
        if !text.isEmpty { output.write(text) }
        if case .object(let o) = result, let note = o.content.note { output.writeError(note + "\n") }
        if case .object(let o) = result, let message = o.content.warning {
            output.writeError(FailureReport.extackLine(message, isError: false) + "\n")
        }
    }

    /// The kernel's messages on the line's successful requests (every netlink write: the session
    /// queues them), on stderr as devlink prints them, even when the result is not displayed.
    func showWarnings(on output: OutputSink) {
        for message in runner.session.drainWarnings() {
            output.writeError(FailureReport.extackLine(message, isError: false) + "\n")
        }
    }

    /// devlink's lines as a language error: first line is the message, the rest (and the dls hint) notes.
    static func failure(_ report: FailureReport) -> CommandFailure {
        var notes = Array(report.lines.dropFirst())
        if let hint = report.hint { notes.append("note: " + hint) }
        return CommandFailure(report.lines.first ?? "command failed", errno: report.errno.name, notes: notes,
                              wordIndex: report.wordIndex)
    }
}

import FoundationEssentials
import Glibc

/// The interactive loop: read (with continuation lines while the parser says the input is
/// unfinished), run, print, and meta commands. On a non-terminal the whole input runs as one script.
///
/// The CLI starts it with:
/// ```swift
/// let status = Repl.run(language: myLanguage, hooks: myHooks,
///                       banner: "dls 0.1 — emulator (built-in topology)")
/// exit(status)
/// ```
public final class Repl {
    public struct Prompts: Sendable {
        public var primary: String
        public var continuation: String
        public init(primary: String = "dls> ", continuation: String = "...> ") {
            self.primary = primary
            self.continuation = continuation
        }
    }

    let language: ReplLanguage
    let hooks: ReplHooks?
    let reader: LineReader
    let output: ReplOutput
    let prompts: Prompts
    /// Chunks that ran without error, in order: what `:save` writes.
    private(set) var accepted: [String] = []
    /// Lines of an unfinished chunk.
    private var pending: [String] = []
    /// Set when the code called `exit(status)`: the loop ends with it.
    private(set) var exitStatus: Int32?

    public init(language: ReplLanguage, hooks: ReplHooks? = nil, reader: LineReader,
                output: ReplOutput = .standard, prompts: Prompts = Prompts()) {
        self.language = language
        self.hooks = hooks
        self.reader = reader
        self.output = output
        self.prompts = prompts
        if let editor = reader as? EditLineReader {
            editor.completer = { [unowned self] before in self.complete(before) }
            if let hooks { editor.idle = { [unowned hooks] in hooks.idle() } }
        }
    }

    /// Picks the reader (libedit on a terminal, plain otherwise), runs, and returns the exit status.
    /// `banner` is shown only on a terminal.
    public static func run(language: ReplLanguage, hooks: ReplHooks? = nil, banner: String? = nil,
                           historyURL: URL? = HistoryLocation.url()) -> Int32 {
        let reader = LineReaders.standard(historyURL: historyURL)
        let repl = Repl(language: language, hooks: hooks, reader: reader)
        if reader.isInteractive {
            repl.output.line((banner.map { $0 + "\n" } ?? "") + "Type :help for help, Ctrl-D to quit.")
        }
        return repl.run()
    }

    /// Runs until end of input or `:quit`. Interactive: 0. Otherwise: the script's exit status.
    public func run() -> Int32 {
        guard reader.isInteractive else { return runScript() }
        Interrupts.install()
        defer { reader.saveHistory() }
        while true {
            switch reader.readLine(prompt: pending.isEmpty ? prompts.primary : prompts.continuation) {
            case .endOfInput:
                if !pending.isEmpty {
                    execute(pending.joined(separator: "\n"))  // reports what is missing
                    pending = []
                }
                return 0
            case .interrupted:
                pending = []
            case .line(let text):
                if case .quit = accept(text) { return 0 }
                if let exitStatus { return exitStatus }
            }
        }
    }

    enum Step { case more, done, quit }

    /// Takes one line typed at the prompt (a recalled block may hold several).
    @discardableResult
    func accept(_ text: String) -> Step {
        if pending.isEmpty, text.trimmedOfWhitespace.hasPrefix(":") {
            reader.addHistory(text)
            return runMeta(text) ? .quit : .done
        }
        // What python does for a bare `exit`: say how, rather than "undefined variable".
        if pending.isEmpty, ["exit", "quit"].contains(text.trimmedOfWhitespace) {
            reader.addHistory(text)
            output.line("Use exit() or Ctrl-D (or :quit) to leave.")
            return .done
        }
        pending.append(text)
        let source = pending.joined(separator: "\n")
        if source.trimmedOfWhitespace.isEmpty {
            pending = []
            return .done
        }
        if language.isIncomplete(source) { return .more }
        pending = []
        reader.addHistory(source)
        execute(source)
        return .done
    }

    /// Runs a chunk under the Ctrl-C watcher and shows its result.
    @discardableResult
    func execute(_ source: String, name: String = "<repl>", echo: Bool = true) -> ReplOutcome {
        let (outcome, interrupted) = InterruptWatcher.run(interrupting: language) {
            language.run(source, name: name, echo: echo)
        }
        // The terminal echoed `^C` where the cursor was; start the report on a line of its own.
        if interrupted, reader.isInteractive { output.err("\n") }
        switch outcome {
        case .success(let display):
            accepted.append(source)
            if let display, !display.isEmpty { output.line(display) }
        case .syntaxError(let message), .runtimeError(let message):
            output.error(message)
        case .interrupted:
            output.error("interrupted")
        case .exited(let status, let notes):
            if !notes.isEmpty { output.error(notes) }
            exitStatus = status
        }
        return outcome
    }

    /// Non-terminal input: read everything, run it as one script named `<stdin>`.
    private func runScript() -> Int32 {
        var lines: [String] = []
        while case .line(let text) = reader.readLine(prompt: "") { lines.append(text) }
        let source = lines.joined(separator: "\n")
        if source.trimmedOfWhitespace.isEmpty { return 0 }
        Interrupts.install()
        return execute(source, name: "<stdin>", echo: false).exitStatus
    }

    /// Completion for the editor: earlier lines of an open block are context for the current one.
    func complete(_ before: String) -> Completion {
        let engine = CompletionEngine(vocabulary: hooks?.completionVocabulary, scope: language.completionScope,
                                      metaCommands: MetaCommand.completionTable(helpTopics: helpTopics))
        let context = pending.isEmpty ? before : pending.joined(separator: "\n") + "\n" + before
        return engine.complete(context)
    }

    var helpTopics: [String] { ReplHelp.topics + (hooks?.helpTopics ?? []) }

    /// Accepted chunks as a script, for `:save`.
    var transcript: String {
        accepted.map { $0.hasSuffix("\n") ? $0 : $0 + "\n" }.joined()
    }
}

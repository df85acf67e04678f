import DLSRepl
import Synchronization

/// Input lines fed to the REPL, with what it prompted and stored in history.
final class ScriptedReader: LineReader {
    var inputs: [LineInput]
    let isInteractive: Bool
    private(set) var prompts: [String] = []
    private(set) var history: [String] = []
    private(set) var saved = false

    init(_ inputs: [LineInput], interactive: Bool = true) {
        self.inputs = inputs
        self.isInteractive = interactive
    }

    func readLine(prompt: String) -> LineInput {
        prompts.append(prompt)
        return inputs.isEmpty ? .endOfInput : inputs.removeFirst()
    }

    func addHistory(_ entry: String) { history.append(entry) }
    func saveHistory() { saved = true }
}

/// Brace counting for "incomplete"; `boom` fails at run time, `(((` is a syntax error;
/// `let NAME = VALUE` defines a variable; anything else echoes itself.
final class FakeLanguage: ReplLanguage {
    private(set) var runs: [(source: String, name: String, echo: Bool)] = []
    private(set) var vars: [(name: String, value: String)] = []
    let interrupts = Atomic<Int>(0)

    func isIncomplete(_ source: String) -> Bool {
        source.filter { $0 == "{" }.count > source.filter { $0 == "}" }.count || source.hasSuffix("\\")
    }

    func run(_ source: String, name: String, echo: Bool) -> ReplOutcome {
        runs.append((source, name, echo))
        if isIncomplete(source) { return .syntaxError(message: "\(name):1:1: error: unexpected end of input") }
        if source.contains("(((") { return .syntaxError(message: "error: bad syntax\n(((\n^") }
        if source.contains("boom") { return .runtimeError(message: "error: boom") }
        if source.hasPrefix("let ") {
            let parts = source.dropFirst(4).split(separator: "=", maxSplits: 1)
                .map { $0.trimmingCharacters(in: .whitespaces) }
            if parts.count == 2 { vars.append((parts[0], parts[1])) }
            return .success(display: nil)
        }
        return .success(display: echo ? "=> \(source)" : nil)
    }

    func interrupt() { interrupts.add(1, ordering: .relaxed) }
    func variables() -> [(name: String, value: String)] { vars }
    var completionScope: CompletionScope? { FakeScope() }
}

final class FakeHooks: ReplHooks {
    private(set) var json: Bool?
    private(set) var resets = 0
    func backendDescription() -> String { "emulator: built-in topology (2 devices)" }
    func reset() throws -> String { resets += 1; return "fresh emulator" }
    func setJSONOutput(_ on: Bool) throws { json = on }
    func help(topic: String) -> String? { topic == "port" ? "port show|set|add|del ..." : nil }
    var helpTopics: [String] { ["port"] }
    var completionVocabulary: CompletionVocabulary? { FakeDevlinkVocabulary() }
}

/// Collects what the REPL prints.
final class Captured: Sendable {
    private let state = Mutex<(out: String, err: String)>(("", ""))
    var out: String { state.withLock { $0.out } }
    var err: String { state.withLock { $0.err } }
    var output: ReplOutput {
        ReplOutput(out: { s in self.state.withLock { $0.out += s } },
                   err: { s in self.state.withLock { $0.err += s } })
    }
}

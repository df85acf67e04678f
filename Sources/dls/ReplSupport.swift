import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import DLSRepl

/// What the REPL needs from the CLI: meta commands that depend on the backend, help for command
/// objects, and completion from the command table and the live session.
final class DevlinkReplHooks: ReplHooks {
    let runner: CommandRunner
    let backend: Backend
    let completion: DevlinkCompletion
    /// The emulator's state at start, for `:reset`.
    private let initialState: EmulatorState?

    init(runner: CommandRunner, backend: Backend) {
        self.runner = runner
        self.backend = backend
        self.completion = DevlinkCompletion(table: runner.table, runner: runner)
        self.initialState = (runner.session as? EmulatedSession)?.snapshot()
    }

    func backendDescription() -> String { backend.summary }

    func reset() throws -> String {
        guard let emulator = runner.session as? EmulatedSession, let initialState else {
            throw ReplHookError(":reset only applies to the emulator; the kernel backend keeps its state")
        }
        emulator.restore(initialState)
        return "emulator reset to its initial topology (variables are kept)"
    }

    func setJSONOutput(_ on: Bool) throws { runner.options.json = on }

    func help(topic: String) -> String? {
        var node = runner.table.root
        for word in topic.split(separator: " ").map(String.init) {
            guard let child = node.child(named: word) ?? node.children.first(where: { Keyword.matches(word, $0.word) }) else { return nil }
            node = child
        }
        guard !node.usage.isEmpty else { return nil }
        return node.usage.joined(separator: "\n")
    }

    var helpTopics: [String] { runner.table.root.children.map(\.word) }

    var completionVocabulary: CompletionVocabulary? { completion }
}

extension ScriptRunner {
    /// `dls` on a terminal: the REPL on the chosen backend.
    static func repl(config: RunConfiguration, stepLimit: Int?) -> Int32 {
        let interpreter: Interpreter
        do throws(Backend.OpenError) {
            interpreter = try makeInterpreter(output: StandardOutput(), config: config)
        } catch {
            FileHandleless.writeError("dls: \(error.message)\n")
            return 1
        }
        interpreter.stepLimit = stepLimit
        interpreter.setGlobal("args", .list(ListObject()))
        guard let host = interpreter.host as? DevlinkHost else { return 1 }
        let hooks = DevlinkReplHooks(runner: host.runner, backend: config.backend)
        return Repl.run(language: InterpreterLanguage(interpreter), hooks: hooks,
                        banner: "dls \(dlsVersion) — \(config.backend.summary)")
    }
}

extension Backend {
    /// One line for the REPL banner and `:backend`.
    var summary: String {
        switch self {
        case .emulator(let name):
            let what = name.hasSuffix(".json") ? "topology \(name)" : "built-in topology \(name)"
            return "emulator (\(what))"
        case .netlink:
            return "netlink (the running kernel)"
        }
    }
}

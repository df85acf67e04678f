import DLS
import DLSRepl

/// What the REPL needs from the CLI: meta commands that depend on the backend, help for command
/// objects, and completion from the command table and the live session, all through the engine.
final class DevlinkReplHooks: ReplHooks {
    let engine: DLSEngine
    let backend: Backend
    let completion: DevlinkCompletion

    init(engine: DLSEngine, backend: Backend) {
        self.engine = engine
        self.backend = backend
        self.completion = DevlinkCompletion(engine: engine)
    }

    /// The backend, then the kernel it talks to and its devlink features (KernelFeatures.summary).
    func backendDescription() -> String {
        guard let kernel = engine.session.kernelFeatures else { return backend.summary }
        return backend.summary + "\n" + kernel.summary
    }

    func reset() throws -> String {
        do throws(DLSError) {
            try engine.reset()
        } catch {
            throw ReplHookError(":reset only applies to the emulator; the kernel backend keeps its state")
        }
        return "emulator reset to its initial topology (variables are kept)"
    }

    func setJSONOutput(_ on: Bool) throws { engine.format.json = on }

    /// devlink's usage for a command object, the builtins (`builtins`, or one by name).
    func help(topic: String) -> String? {
        if topic == "builtins" { return engine.functionHelpIndex }
        return engine.commandHelp(topic) ?? engine.functionHelp(topic)
    }

    var helpTopics: [String] { engine.commandObjects + ["builtins"] }

    var completionVocabulary: CompletionVocabulary? { completion }

    /// The emulator's driver work that fell due while the user was idle runs now (on the wall clock).
    func idle() { engine.runDueWork() }
}

extension ScriptRunner {
    /// `dls` on a terminal: the REPL on the chosen backend.
    static func repl(config: RunConfiguration, stepLimit: Int?) -> Int32 {
        let engine: DLSEngine
        do throws(Backend.OpenError) {
            engine = try makeEngine(output: DLSStandardOutput(), config: config)
        } catch {
            FileHandleless.writeError("dls: \(error.message)\n")
            return 1
        }
        engine.stepLimit = stepLimit
        let hooks = DevlinkReplHooks(engine: engine, backend: config.backend)
        return Repl.run(language: EngineLanguage(engine), hooks: hooks,
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

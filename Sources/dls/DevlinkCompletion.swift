import DLS
import DLSRepl

/// The REPL's view of the devlink command table and the live session, through the engine:
/// keywords, option names and values come from the table (the same data that parses commands),
/// handles from the session.
final class DevlinkCompletion: CompletionVocabulary {
    let engine: DLSEngine

    init(engine: DLSEngine) {
        self.engine = engine
    }

    /// The table's words, and `help` with its topics (the same registry `help` answers from).
    func subcommands(after path: [String]) -> [String] {
        guard let first = path.first else { return engine.subcommands(after: []) + ["help"] }
        guard first == "help" else { return engine.subcommands(after: path) }
        return path.count == 1 ? engine.helpTopics : engine.subcommands(after: Array(path.dropFirst()))
    }

    /// The command's syntax in the command table's own kinds: nothing to translate.
    func syntax(of path: [String]) -> CommandSyntax? {
        guard let spec = engine.commandSyntax(path) else { return nil }
        var positionals: [CommandSyntax.Positional] = []
        if let handle = spec.handle {
            positionals.append(.init(.handle(handle.kind), optional: handle.optional))
        }
        // `lag slave add BOND SLAVE`: the extra words name interfaces.
        positionals += spec.positionals.map { _ in .init(.handle(.netdev)) }
        return CommandSyntax(positionals: positionals, options: spec.options.map { .init($0.name, $0.kind) })
    }

    func handles(_ kind: DLSHandleKind, command: [String]) -> [String] {
        engine.liveHandles(kind, command: command)
    }
}

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

    func syntax(of path: [String]) -> CommandSyntax? {
        guard let spec = engine.commandSyntax(path) else { return nil }
        var positionals: [CommandSyntax.Positional] = []
        if let handle = spec.handle {
            positionals.append(.init(.handle(handleKind(handle.kind)), optional: handle.optional))
        }
        // `lag slave add BOND SLAVE`: the extra words name interfaces.
        positionals += spec.positionals.map { _ in .init(.handle(.netdev)) }
        let options = spec.options.map { option in
            CommandSyntax.Option(option.name, valueKind(option), repeatable: false)
        }
        return CommandSyntax(positionals: positionals, options: options)
    }

    func handles(_ kind: DLSRepl.HandleKind, command: [String]) -> [String] {
        switch kind {
        case .device: return engine.liveHandles(.device)
        case .port: return engine.liveHandles(.port)
        case .rate: return engine.liveHandles(.rate)
        // Node names of the device named earlier in the command (`pci/0000:06:00.0/...`).
        case .rateNode: return engine.liveHandles(.rateNode, command: command)
        case .netdev: return engine.liveHandles(.netdev)
        case .bond: return engine.liveHandles(.bond)
        case .other: return []
        }
    }

    private func handleKind(_ kind: DLSHandleKind) -> DLSRepl.HandleKind {
        switch kind {
        case .device: return .device
        case .port, .deviceOrPort: return .port
        case .rate, .rateNode: return .rate
        case .netdev: return .netdev
        case .bond: return .bond
        }
    }

    private func valueKind(_ option: DLSCommandSyntax.Option) -> DLSRepl.ValueKind {
        switch option.kind {
        case .flag: return .flag
        case .choice, .bool: return .choice(option.choices)
        case .rate: return .quantity(units: ["bit", "kbit", "mbit", "gbit", "tbit", "bps", "kbps", "mbps", "gbps"])
        case .mac: return .text(hint: "a hardware address like 00:11:22:33:44:55")
        case .text where option.name == "parent": return .handle(.rateNode)
        case .demand: return .handle(.port)
        default: return .text(hint: option.expectation)
        }
    }
}

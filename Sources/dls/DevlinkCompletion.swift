import DevlinkCommands
import DevlinkModel
import DLSRepl

/// The REPL's view of the devlink command table and the live session: keywords, option names and
/// values come from the table (the same data that parses commands), handles from the session.
final class DevlinkCompletion: CompletionVocabulary {
    let table: CommandTable
    let runner: CommandRunner

    init(table: CommandTable, runner: CommandRunner) {
        self.table = table
        self.runner = runner
    }

    private func node(at path: [String]) -> CommandNode? {
        var node = table.root
        for word in path {
            guard let child = node.child(named: word) ?? node.children.first(where: { Keyword.matches(word, $0.word) }) else { return nil }
            node = child
        }
        return node
    }

    func subcommands(after path: [String]) -> [String] {
        guard let node = node(at: path), node.command == nil else { return [] }
        return node.children.map(\.word)
    }

    func syntax(of path: [String]) -> CommandSyntax? {
        guard let spec = node(at: path)?.command else { return nil }
        var positionals: [CommandSyntax.Positional] = []
        if let handle = spec.handle {
            positionals.append(.init(.handle(handleKind(handle)), optional: spec.handleOptional))
        }
        // `lag slave add BOND SLAVE`: the extra words name interfaces.
        positionals += spec.positionals.map { _ in .init(.handle(.netdev)) }
        let options = spec.options.map { option in
            CommandSyntax.Option(option.name, valueKind(option.kind, option: option.name), repeatable: false)
        }
        return CommandSyntax(positionals: positionals, options: options)
    }

    func handles(_ kind: DLSRepl.HandleKind, command: [String]) -> [String] {
        let session = runner.session
        switch kind {
        case .device:
            return ((try? session.devices()) ?? []).map(\.description)
        case .port:
            let ports = (try? session.ports(of: nil)) ?? []
            return ports.map(\.handle.description) + ports.compactMap(\.netdev)
        case .rate:
            return ((try? session.rates(of: nil)) ?? []).map(\.handle.description)
        case .rateNode:
            // Node names of the device named earlier in the command (`pci/0000:06:00.0/...`).
            let device = command.lazy.compactMap { try? DeviceHandle(parsing: Self.devicePart(of: $0)) }.first
            let rates = (try? session.rates(of: device)) ?? []
            return rates.compactMap(\.nodeName)
        case .netdev:
            if let links = session as? LinkSession, let interfaces = try? links.interfaces() {
                return interfaces.map(\.name)
            }
            return ((try? session.ports(of: nil)) ?? []).compactMap(\.netdev)
        case .bond:
            guard let links = session as? LinkSession else { return [] }
            return ((try? links.bonds()) ?? []).map(\.name)
        case .other:
            return []
        }
    }

    /// `pci/0000:06:00.0/32768` → `pci/0000:06:00.0`.
    static func devicePart(of word: String) -> String {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return word }
        return parts[0] + "/" + parts[1]
    }

    private func handleKind(_ kind: DevlinkCommands.HandleKind) -> DLSRepl.HandleKind {
        switch kind {
        case .device: return .device
        case .port, .deviceOrPort: return .port
        case .rate: return .rate
        case .rateNode: return .rate
        case .netdev: return .netdev
        }
    }

    private func valueKind(_ kind: DevlinkCommands.ValueKind, option: String) -> DLSRepl.ValueKind {
        switch kind {
        case .flag: return .flag
        case .choice, .bool: return .choice(kind.choices)
        case .rate: return .quantity(units: ["bit", "kbit", "mbit", "gbit", "tbit", "bps", "kbps", "mbps", "gbps"])
        case .mac: return .text(hint: "a hardware address like 00:11:22:33:44:55")
        case .text where option == "parent": return .handle(.rateNode)
        default: return .text(hint: kind.expectation)
        }
    }
}

import DevlinkCommands

/// The devlink command vocabulary and the live session's handles, for a host's help and Tab
/// completion (the `dls` REPL is built on these), and devlink batch files.
extension DLSEngine {
    private var table: CommandTable { host.devlink.runner.table }

    /// The command objects (`dev`, `port`, `lag`, `link`), for help topics.
    public var commandObjects: [String] { table.root.children.map(\.word) }

    /// The words that may follow `path` (`["port"]` → `show`, `add`, `function`, ...); empty when
    /// `path` is a complete command or names nothing. Prefixes are accepted (`["port", "func"]`).
    public func subcommands(after path: [String]) -> [String] {
        guard let node = node(at: path), node.command == nil else { return [] }
        return node.children.map(\.word)
    }

    /// The syntax of the command `path` names (`["port", "function", "set"]`), or nil.
    public func commandSyntax(_ path: [String]) -> DLSCommandSyntax? {
        guard let spec = node(at: path)?.command else { return nil }
        return DLSCommandSyntax(
            handle: spec.handle.map { DLSCommandSyntax.Handle(kind: $0, optional: spec.handleOptional) },
            positionals: spec.positionals,
            options: spec.options.map {
                DLSCommandSyntax.Option(name: $0.name, kind: $0.kind, choices: $0.kind.choices, expectation: $0.kind.expectation)
            })
    }

    /// devlink's usage text for a topic (`port`, `port function rate`), or nil when there is none.
    public func commandHelp(_ topic: String) -> String? {
        guard let node = node(at: topic.split(separator: " ").map(String.init)), !node.usage.isEmpty else { return nil }
        return node.usage.joined(separator: "\n")
    }

    /// Handles of `kind` that exist now in the session. For `.nodeName`, `command` (the words typed
    /// so far) names the device whose nodes are listed. Failures read as no handles.
    public func liveHandles(_ kind: DLSHandleKind, command: [String] = []) -> [String] {
        switch kind {
        case .device:
            return ((try? session.devices()) ?? []).map(\.description)
        // A device is a valid word for the two mixed kinds too; Tab offers the ports, the usual target.
        case .port, .deviceOrPort, .portOrDevice:
            let ports = (try? session.ports(of: nil)) ?? []
            return ports.map(\.handle.description) + ports.compactMap(\.netdev)
        case .rate:
            return ((try? session.rates(of: nil)) ?? []).map(\.handle.description)
        case .rateNode:
            return ((try? session.rates(of: nil)) ?? []).filter { $0.nodeName != nil }.map(\.handle.description)
        case .nodeName:
            let device = command.lazy.compactMap { try? DeviceHandle(parsing: DLSEngine.devicePart(of: $0)) }.first
            return ((try? session.rates(of: device)) ?? []).compactMap(\.nodeName)
        case .netdev:
            if let links = session.linkSession, let interfaces = try? links.interfaces() {
                return interfaces.map(\.name)
            }
            return ((try? session.ports(of: nil)) ?? []).compactMap(\.netdev)
        case .bond:
            guard let links = session.linkSession else { return [] }
            return ((try? links.bonds()) ?? []).map(\.name)
        }
    }

    /// Runs a devlink batch file (`devlink -b`): devlink's command lines only, no dls language,
    /// stopping at the first failure unless `force`. Errors go to `output.writeError` as devlink
    /// prints them. Returns true when every line succeeded.
    public func runDevlinkBatch(_ text: String, name: String, force: Bool = false) -> Bool {
        let status = BatchRunner(runner: host.devlink.runner, output: output, force: force).run(text: text, name: name)
        output.flush()
        return status == 0
    }

    // MARK: table walking

    private func node(at path: [String]) -> CommandNode? {
        var node = table.root
        for word in path {
            guard let child = node.child(named: word) ?? node.children.first(where: { Keyword.matches(word, $0.word) }) else { return nil }
            node = child
        }
        return node
    }

    /// `pci/0000:06:00.0/32768` → `pci/0000:06:00.0`.
    static func devicePart(of word: String) -> String {
        let parts = word.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count >= 2 else { return word }
        return parts[0] + "/" + parts[1]
    }
}

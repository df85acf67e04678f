import DLSRepl

/// A devlink-shaped vocabulary for pty tests (the real one comes from DevlinkCommands).
final class DemoVocabulary: CompletionVocabulary {
    private let tree: [[String]: [String]] = [
        []: ["dev", "port", "lag"],
        ["dev"]: ["show", "eswitch"],
        ["dev", "eswitch"]: ["show", "set"],
        ["port"]: ["show", "set", "add", "del", "function"],
        ["port", "function"]: ["set", "rate"],
        ["port", "function", "rate"]: ["show", "set", "add", "del"],
        ["lag"]: ["show"],
    ]

    func subcommands(after path: [String]) -> [String] { tree[path] ?? [] }

    func syntax(of path: [String]) -> CommandSyntax? {
        switch path {
        case ["port", "show"]: return CommandSyntax(positionals: [.init(.handle(.port), optional: true)])
        case ["dev", "show"]: return CommandSyntax(positionals: [.init(.handle(.device), optional: true)])
        case ["dev", "eswitch", "set"]:
            return CommandSyntax(positionals: [.init(.handle(.device))],
                                 options: [.init("mode", .choice(["legacy", "switchdev"]))])
        case ["port", "function", "set"]:
            return CommandSyntax(positionals: [.init(.handle(.port))], options: [
                .init("hw_addr", .text(hint: "MAC")), .init("state", .choice(["active", "inactive"])),
            ])
        default: return nil
        }
    }

    func handles(_ kind: HandleKind, command: [String]) -> [String] {
        switch kind {
        case .device: return ["pci/0000:06:00.0", "pci/0000:06:00.1"]
        case .port: return ["pci/0000:06:00.0/65535", "pci/0000:06:00.0/32768", "pci/0000:06:00.1/131071"]
        default: return []
        }
    }
}

final class DemoHooks: ReplHooks {
    func backendDescription() -> String { "emulator (pty test driver)" }
    var completionVocabulary: CompletionVocabulary? { DemoVocabulary() }
}

import DevlinkModel
import DLSRepl

/// A small devlink-shaped command table with a live-looking session: two PFs of one card,
/// an uplink and an SF port on the first, rate nodes tenant1 and tenant2.
final class FakeDevlinkVocabulary: CompletionVocabulary {
    let devices = ["pci/0000:06:00.0", "pci/0000:06:00.1"]
    let ports = ["pci/0000:06:00.0/65535", "pci/0000:06:00.0/32768", "pci/0000:06:00.1/131071"]
    let nodes = ["pci/0000:06:00.0": ["tenant1", "tenant2"]]
    let rates = ["pci/0000:06:00.0/32768", "pci/0000:06:00.0/tenant1", "pci/0000:06:00.0/tenant2"]

    private let tree: [[String]: [String]] = [
        []: ["dev", "port", "lag"],
        ["dev"]: ["show", "eswitch", "info", "reload"],
        ["dev", "eswitch"]: ["show", "set"],
        ["port"]: ["show", "set", "add", "del", "split", "unsplit", "function"],
        ["port", "function"]: ["set", "rate"],
        ["port", "function", "rate"]: ["show", "set", "add", "del"],
        ["lag"]: ["show"],
    ]

    func subcommands(after path: [String]) -> [String] { tree[path] ?? [] }

    func syntax(of path: [String]) -> CommandSyntax? {
        let rateOptions: [CommandSyntax.Option] = [
            .init("tx_share", .rate), .init("tx_max", .rate),
            .init("tx_priority", .u32), .init("tx_weight", .u32),
            .init("parent", .handle(.nodeName)), .init("noparent", .flag),
        ]
        switch path {
        case ["dev", "show"], ["dev", "info"], ["dev", "eswitch", "show"]:
            return CommandSyntax(positionals: [.init(.handle(.device), optional: true)])
        case ["dev", "eswitch", "set"]:
            return CommandSyntax(positionals: [.init(.handle(.device))], options: [
                .init("mode", .choice(["legacy", "switchdev"])),
                .init("inline-mode", .choice(["none", "link", "network", "transport"])),
                .init("encap-mode", .choice(["none", "basic"])),
            ])
        case ["port", "show"]:
            return CommandSyntax(positionals: [.init(.handle(.port), optional: true)])
        case ["port", "add"]:
            return CommandSyntax(positionals: [.init(.handle(.device))], options: [
                .init("flavour", .choice(["pcipf", "pcivf", "pcisf"])),
                .init("pfnum", .u32), .init("sfnum", .u32),
                .init("controller", .u32),
            ])
        case ["port", "del"]:
            return CommandSyntax(positionals: [.init(.handle(.port))])
        case ["port", "function", "set"]:
            return CommandSyntax(positionals: [.init(.handle(.port))], options: [
                .init("hw_addr", .mac), .init("state", .choice(["active", "inactive"])),
                .init("roce", .choice(["enable", "disable"])),
                .init("migratable", .choice(["enable", "disable"])),
            ])
        case ["port", "function", "rate", "show"]:
            return CommandSyntax(positionals: [.init(.handle(.rate), optional: true)])
        case ["port", "function", "rate", "set"], ["port", "function", "rate", "add"]:
            return CommandSyntax(positionals: [.init(.handle(.rate))], options: rateOptions)
        case ["lag", "show"]:
            return CommandSyntax(positionals: [.init(.handle(.bond), optional: true)])
        default:
            return nil
        }
    }

    func handles(_ kind: HandleKind, command: [String]) -> [String] {
        switch kind {
        case .device: return devices
        case .port, .deviceOrPort, .portOrDevice: return ports
        case .rate: return rates
        case .rateNode: return rates.filter { !$0.hasSuffix("/32768") }
        case .bond: return ["bond0"]
        case .netdev: return ["eth0", "eth1"]
        case .nodeName:
            // Node names of the device the command names (first word that starts with a device handle).
            let dev = devices.first { d in command.contains { $0.hasPrefix(d + "/") || $0 == d } }
            return dev.flatMap { nodes[$0] } ?? []
        }
    }
}

/// Globals `dev`, `sf`, `ports_of` and a port-object shape for field completion.
final class FakeScope: CompletionScope {
    func globalNames() -> [ScopeName] {
        [ScopeName("dev", .variable), ScopeName("sf", .variable), ScopeName("sfs", .variable),
         ScopeName("print", .function), ScopeName("ports", .function)]
    }

    func fieldNames(of path: [String]) -> [String] {
        switch path {
        case ["sf"]: return ["index", "handle", "netdev", "flavour", "function"]
        case ["sf", "function"]: return ["hw_addr", "state", "opstate"]
        default: return []
        }
    }
}

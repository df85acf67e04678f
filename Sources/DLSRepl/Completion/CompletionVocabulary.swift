/// What the command layer tells the completion engine about devlink-style commands. The engine walks
/// the typed words itself (keyword prefixes like `port sh` resolve as devlink does); the vocabulary
/// only describes the grammar and names the live objects of the session.
///
/// A command is a keyword path (`port`, `port function rate`, then a verb: `port function rate set`),
/// followed by the verb's positional arguments and `name value` options.
public protocol CompletionVocabulary: AnyObject {
    /// Keywords that may follow `path`. `[]` gives the command words (`dev`, `port`, `lag`, `link`);
    /// `["port"]` gives `show set add del split unsplit function ...`; a verb gives `[]`.
    func subcommands(after path: [String]) -> [String]

    /// The syntax of a complete keyword path (a verb), or nil if `path` is not a command.
    func syntax(of path: [String]) -> CommandSyntax?

    /// Live handles of a kind, from the session. `command` is every word typed so far in this
    /// command (with interpolations left as typed), so a kind can depend on an earlier argument:
    /// `rateNode` lists the node names of the device named in `command`.
    func handles(_ kind: HandleKind, command: [String]) -> [String]

    /// Words that may precede a command word without changing it (devlink's own name).
    var commandPrefixes: [String] { get }
}

extension CompletionVocabulary {
    public var commandWords: [String] { subcommands(after: []) }
    public var commandPrefixes: [String] { ["devlink"] }
}

/// A verb's arguments.
public struct CommandSyntax: Equatable, Sendable {
    public var positionals: [Positional]
    public var options: [Option]

    public init(positionals: [Positional] = [], options: [Option] = []) {
        self.positionals = positionals
        self.options = options
    }

    public struct Positional: Equatable, Sendable {
        public var value: ValueKind
        public var isOptional: Bool

        public init(_ value: ValueKind, optional: Bool = false) {
            self.value = value
            self.isOptional = optional
        }
    }

    public struct Option: Equatable, Sendable {
        public var name: String
        /// `.flag` takes no value.
        public var value: ValueKind
        /// Whether it may appear more than once (else it leaves the list once used).
        public var isRepeatable: Bool

        public init(_ name: String, _ value: ValueKind, repeatable: Bool = false) {
            self.name = name
            self.value = value
            self.isRepeatable = repeatable
        }
    }
}

/// What an argument or option value is, for completion.
public enum ValueKind: Equatable, Sendable {
    /// An option with no value (`-f`-style switches, `nested`).
    case flag
    /// One of fixed words: `state active|inactive`, `flavour pcisf|pcivf|...`, `mode switchdev|legacy`.
    case choice([String])
    /// A handle or name that exists in the session.
    case handle(HandleKind)
    /// A number with unit suffixes: `tx_max 10<Tab>` offers `10gbit`, `10mbps`, ...
    case quantity(units: [String])
    /// Free text (a MAC address, a number): nothing to offer; `hint` is for help texts.
    case text(hint: String)
}

/// Kinds of live objects the session can list.
public enum HandleKind: Hashable, Sendable {
    /// `pci/0000:06:00.0`
    case device
    /// `pci/0000:06:00.0/32768`
    case port
    /// Rate objects by handle: leaves `pci/0000:06:00.0/1` and nodes `pci/0000:06:00.0/tenant1`.
    case rate
    /// Rate node names alone (`parent tenant1`), for the device named earlier in the command.
    case rateNode
    /// `eth0`, `enp6s0f0np0`
    case netdev
    /// `bond0`
    case bond
    /// Anything else a command table defines.
    case other(String)
}

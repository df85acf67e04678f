import DevlinkModel

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
    /// `nodeName` lists the node names of the device named in `command`.
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

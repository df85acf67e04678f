/// One level of the command tree (`port`, `port function`, `port function rate`). Children are kept
/// in devlink's matching order, because an ambiguous prefix picks the first child that matches
/// (`port s` is `port show`).
public struct CommandNode: Sendable {
    public let word: String
    /// Other spellings (`list` for `show`).
    public let aliases: [String]
    public var children: [CommandNode]
    /// Set on leaves: what runs.
    public let command: CommandSpec?
    /// The usage lines `help` prints at this level (devlink's own text).
    public let usage: [String]
    /// The child that runs when no word follows (`dev` = `dev show`); nil means print usage.
    public let defaultChild: String?

    public init(_ word: String, aliases: [String] = [], usage: [String] = [], defaultChild: String? = nil,
                children: [CommandNode]) {
        self.word = word
        self.aliases = aliases
        self.children = children
        self.command = nil
        self.usage = usage
        self.defaultChild = defaultChild
    }

    public init(_ word: String, aliases: [String] = [], usage: [String] = [], command: CommandSpec) {
        self.word = word
        self.aliases = aliases
        self.children = []
        self.command = command
        self.usage = usage
        self.defaultChild = nil
    }

    public var isLeaf: Bool { command != nil }

    func matches(_ typed: String) -> Bool {
        Keyword.matches(typed, word) || aliases.contains { Keyword.matches(typed, $0) }
    }

    /// The first child a typed word selects, as devlink's if/else chain does. `help` is handled by
    /// the caller, before children, exactly like devlink tests it first.
    func child(matching typed: String) -> CommandNode? {
        children.first { $0.matches(typed) }
    }

    public func child(named name: String) -> CommandNode? { children.first { $0.word == name } }
}

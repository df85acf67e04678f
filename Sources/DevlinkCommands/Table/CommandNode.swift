/// One level of the command tree (`port`, `port function`, `port function rate`). Children are kept
/// in devlink's matching order, because an ambiguous prefix picks the first child that matches
/// (`port s` is `port show`).
public struct CommandNode: Sendable, Spelled {
    public let word: String
    var spelling: String { word }
    /// Other spellings (`list` for `show`).
    public let aliases: [String]
    public var children: [CommandNode]
    /// Set on leaves: what runs.
    public let command: CommandSpec?
    /// The usage lines `help` prints at this level (devlink's own text).
    public let usage: [String]
    /// The child that runs when no word follows (`dev` = `dev show`); nil means print usage.
    public let defaultChild: String?

}

// The initializers are in an extension so that the struct keeps its memberwise one.
extension CommandNode {
    public init(_ word: String, aliases: [String] = [], usage: [String] = [], defaultChild: String? = nil,
                children: [CommandNode]) {
        self.init(word: word, aliases: aliases, children: children, command: nil, usage: usage, defaultChild: defaultChild)
    }

    public init(_ word: String, aliases: [String] = [], usage: [String] = [], command: CommandSpec) {
        self.init(word: word, aliases: aliases, children: [], command: command, usage: usage, defaultChild: nil)
    }

    /// An object's node (`port`, `dev param`): its `show`, also spelled `list`, runs when no word follows.
    public init(_ word: String, usage: [String] = [], show: CommandSpec, _ others: [CommandNode]) {
        self.init(word, usage: usage, defaultChild: "show",
                  children: [CommandNode("show", aliases: ["list"], command: show)] + others)
    }

    public var isLeaf: Bool { command != nil }

    /// The first child a typed word selects, as devlink's if/else chain does. `help` is handled by
    /// the caller, before children, exactly like devlink tests it first.
    func child(matching typed: String) -> CommandNode? {
        children.first { $0.matches(typed) }
    }

    public func child(named name: String) -> CommandNode? { children.first { $0.word == name } }
}

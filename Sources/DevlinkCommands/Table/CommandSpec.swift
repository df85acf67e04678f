import DevlinkModel

/// A runnable command: its handle, options and what it does. Pure data plus the action closure;
/// the closure talks to the session and returns a `CommandResult` (it never formats). Immutable; a
/// class so that passing it along each command line is one reference, not a copy of every field.
public final class CommandSpec: Sendable {
    /// The words leading to it (`["port", "function", "rate", "set"]`).
    public let path: [String]
    public let handle: HandleKind?
    /// When true the handle may be left out (`port show` dumps everything).
    public let handleOptional: Bool
    /// In devlink's matching order: the first option a typed prefix matches wins.
    public let options: [OptionSpec]
    /// A lone `help` word after the command prints this level's usage (`dev info help`).
    public let acceptsHelpWord: Bool
    /// Runs with no words after the command word prints usage (`port function set`).
    public let helpWhenEmpty: Bool
    /// Required plain words after the handle, stored as word options under these keys
    /// (`lag slave add BOND IFNAME`: `IFNAME` is the positional `slave`).
    public let positionals: [String]
    /// The command parses its own words (`route add PREFIX nexthop ...`, whose repeated groups are
    /// not options): they reach the action as `ParsedCommand.rawWords`, unparsed.
    public let rawWords: Bool
    public let action: @Sendable (CommandContext, ParsedCommand) throws -> CommandResult

    public init(path: [String], handle: HandleKind?, handleOptional: Bool = false, options: [OptionSpec] = [],
                acceptsHelpWord: Bool = false, helpWhenEmpty: Bool = false, positionals: [String] = [],
                rawWords: Bool = false, action: @escaping @Sendable (CommandContext, ParsedCommand) throws -> CommandResult) {
        self.path = path
        self.handle = handle
        self.handleOptional = handleOptional
        self.options = options
        self.acceptsHelpWord = acceptsHelpWord
        self.helpWhenEmpty = helpWhenEmpty
        self.positionals = positionals
        self.rawWords = rawWords
        self.action = action
    }

    public func option(named name: String) -> OptionSpec? { options.first { $0.name == name } }
}

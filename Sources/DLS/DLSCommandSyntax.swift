/// What a devlink command line looks like, for completion and help in a host's own UI: which
/// handle it takes, which extra words, which options.
public struct DLSCommandSyntax: Sendable, Equatable {
    /// The handle the command takes first.
    public struct Handle: Sendable, Equatable {
        /// What kind of handle.
        public var kind: DLSHandleKind
        /// True when it may be left out (`port show` lists everything).
        public var optional: Bool
    }

    /// One option (`hw_addr`, `state`, `tx_max`).
    public struct Option: Sendable, Equatable {
        /// The option word.
        public var name: String
        /// What its value looks like.
        public var kind: DLSOptionKind
        /// Words a completer can offer for the value (choices, `true`/`false`, ...).
        public var choices: [String]
        /// How help describes the value (`a hardware address like 00:11:22:33:44:55`).
        public var expectation: String
    }

    /// The handle, if the command takes one.
    public var handle: Handle?
    /// Names of required plain words after the handle (`lag slave add BOND IFNAME`: `slave`).
    public var positionals: [String]
    /// The options, in devlink's matching order.
    public var options: [Option]
}

/// The kinds of handles commands take and a session can list: the command table's own
/// (`device`, `port`, `rateNode`, ...), so a host's completion and the parser never disagree.
public typealias DLSHandleKind = HandleKind

/// What an option's value looks like: the command table's own kinds (`.mac`, `.rate`,
/// `.choice(words)`, `.u32`, ...).
public typealias DLSOptionKind = ValueKind

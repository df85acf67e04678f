/// What the `dls` executable supplies to the REPL: the backend-specific meta commands, extra help,
/// and the command vocabulary for completion. Every member has a default, so a host implements
/// only what it has.
public protocol ReplHooks: AnyObject {
    /// `:backend` — which backend and what it runs on (emulator + topology, or the kernel).
    func backendDescription() -> String
    /// `:reset` — a fresh emulator from the same topology. Returns a line to show; throws to refuse
    /// (e.g. on the kernel backend) with an error whose description is shown.
    func reset() throws -> String
    /// `:json on|off` — command results as devlink JSON or text from now on.
    func setJSONOutput(_ on: Bool) throws
    /// `:help TOPIC` for topics the REPL does not know itself (command objects: `port`, `rate`).
    func help(topic: String) -> String?
    /// Topics offered by `:help` and its completion.
    var helpTopics: [String] { get }
    /// Command grammar and live handles for Tab completion; nil means none.
    var completionVocabulary: CompletionVocabulary? { get }
    /// Called every 50 ms while the prompt waits for a key (dls: the emulator's due driver work runs,
    /// so an SF attaches while the user reads). Must not print: the line being edited stays intact.
    func idle()
}

extension ReplHooks {
    public func backendDescription() -> String { "backend: unknown" }
    public func reset() throws -> String { throw ReplHookError("reset is not available in this session") }
    public func setJSONOutput(_ on: Bool) throws { throw ReplHookError("JSON output is not available in this session") }
    public func help(topic: String) -> String? { nil }
    public var helpTopics: [String] { [] }
    public var completionVocabulary: CompletionVocabulary? { nil }
    public func idle() {}
}

/// A refusal from a hook, shown as `error: <message>`.
public struct ReplHookError: Error, CustomStringConvertible, Sendable {
    public var description: String
    public init(_ message: String) { description = message }
}

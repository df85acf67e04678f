/// The language as the REPL sees it. `dls` adapts its embedding engine (EngineLanguage); tests and
/// the pty driver supply their own. Everything language-specific (parsing, value printing,
/// diagnostics with carets) stays behind this protocol.
public protocol ReplLanguage: AnyObject {
    /// True when `source` only fails because it ends too early (an open `{`, `(`, string, or a
    /// trailing `\`): the REPL then reads another line with the continuation prompt.
    func isIncomplete(_ source: String) -> Bool

    /// Runs one accepted chunk with persistent globals. `name` labels diagnostics (`<repl>`, a file).
    /// `echo`: at the prompt, an expression statement's value is returned for display; a script
    /// (`:load`, piped input) only prints what its commands and `print` print.
    func run(_ source: String, name: String, echo: Bool) -> ReplOutcome

    /// Asks a running `run` to stop soon (called from another thread on Ctrl-C).
    func interrupt()

    /// Global variables for `:vars`, as `(name, short value text)`, in definition order.
    func variables() -> [(name: String, value: String)]

    /// Names and fields for Tab completion.
    var completionScope: CompletionScope? { get }
}

/// How a chunk went.
public enum ReplOutcome: Equatable, Sendable {
    /// Ran; `display` is what to echo (an expression's value, a command's devlink output), if any.
    case success(display: String?)
    /// A syntax error: `message` is fully rendered (location, source line, caret).
    case syntaxError(message: String)
    /// A runtime or command error, rendered likewise.
    case runtimeError(message: String)
    /// Stopped by Ctrl-C.
    case interrupted
    /// The code called `exit(status)`: the REPL ends with that status. `notes` (what was rolled
    /// back on the way out) may be empty.
    case exited(status: Int32, notes: String)

    /// The exit status a script ending this way gets (DESIGN: 0 ok, 1 runtime, 2 syntax).
    public var exitStatus: Int32 {
        switch self {
        case .success: return 0
        case .syntaxError: return 2
        case .runtimeError, .interrupted: return 1
        case .exited(let status, _): return status
        }
    }
}

import DLSLanguage

/// Where a script's output goes. The library never prints on its own: everything a script or a
/// command prints, and every warning or usage text, goes to the sink the host gives the engine.
/// It is the interpreter's own sink protocol, so the engine hands the host's sink to it as it is:
/// - `write(_:)`: standard output text: `print`, bare commands' devlink output, REPL echoes;
/// - `writeError(_:)`: diagnostic text: command usage (`port help`), warnings, and error reports when
///   the engine's `reportsErrors` is on;
/// - `flush()`: called when a run ends (and before diagnostics) so buffered output can be pushed out;
///   by default it does nothing.
public typealias DLSOutput = OutputSink

/// Collects output in memory: `text` for standard output, `errors` for diagnostics.
public final class DLSCapturedOutput: DLSOutput {
    /// Everything written to standard output so far.
    public private(set) var text = ""
    /// Everything written as diagnostics so far.
    public private(set) var errors = ""

    /// An empty capture.
    public init() {}

    /// Appends to `text`.
    public func write(_ text: String) { self.text += text }

    /// Appends to `errors`.
    public func writeError(_ text: String) { errors += text }

    /// Empties both buffers.
    public func clear() {
        text = ""
        errors = ""
    }
}

/// The process's stdout and stderr (what the `dls` CLI uses), buffered; stdout is flushed before
/// anything is written to stderr so the two stay in order on a terminal.
public typealias DLSStandardOutput = StandardOutput

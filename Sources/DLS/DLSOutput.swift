import DLSLanguage

/// Where a script's output goes. The library never prints on its own: everything a script or a
/// command prints, and every warning or usage text, goes to the sink the host gives the engine.
public protocol DLSOutput: AnyObject {
    /// Standard output text: `print`, bare commands' devlink output, REPL echoes.
    func write(_ text: String)
    /// Diagnostic text: command usage (`port help`), warnings, and error reports when the engine's
    /// `reportsErrors` is on.
    func writeError(_ text: String)
    /// Called when a run ends (and before diagnostics) so buffered output can be pushed out.
    func flush()
}

extension DLSOutput {
    /// Nothing to flush by default.
    public func flush() {}
}

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
public final class DLSStandardOutput: DLSOutput {
    private let standard = StandardOutput()

    /// A sink on file descriptors 1 and 2.
    public init() {}

    /// Buffers text for stdout.
    public func write(_ text: String) { standard.write(text) }

    /// Flushes stdout, then writes to stderr.
    public func writeError(_ text: String) { standard.writeError(text) }

    /// Writes buffered stdout text.
    public func flush() { standard.flush() }
}

/// The interpreter's view of a host sink.
final class SinkAdapter: OutputSink {
    let sink: DLSOutput
    init(_ sink: DLSOutput) { self.sink = sink }
    func write(_ text: String) { sink.write(text) }
    func writeError(_ text: String) { sink.writeError(text) }
    func flush() { sink.flush() }
}

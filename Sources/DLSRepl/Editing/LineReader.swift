/// What one read from the user gives.
public enum LineInput: Equatable, Sendable {
    /// A line without its trailing newline. From libedit it may hold newlines (a recalled block).
    case line(String)
    /// Ctrl-C while editing: the caller drops the line and any open block.
    case interrupted
    /// Ctrl-D on an empty line, or end of piped input.
    case endOfInput
}

/// A source of input lines: libedit on a terminal, plain reads otherwise, a script in tests.
public protocol LineReader: AnyObject {
    /// Whether prompts, banners and result echoes belong on screen (a terminal on both ends).
    var isInteractive: Bool { get }
    /// Reads one line; `prompt` is the primary or continuation prompt (ignored when not interactive).
    func readLine(prompt: String) -> LineInput
    /// Records an accepted input (a whole multi-line block is one entry).
    func addHistory(_ entry: String)
    /// Persists history; called on exit.
    func saveHistory()
}

extension LineReader {
    public func addHistory(_ entry: String) {}
    public func saveHistory() {}
}

/// Reads stdin line by line with no prompt, editing or history: for piped or redirected input,
/// and for a terminal on stdin whose stdout is piped (libedit would then echo Tab literally).
public final class PlainLineReader: LineReader {
    public var isInteractive: Bool { false }

    public init() {}

    public func readLine(prompt: String) -> LineInput {
        guard let line = Swift.readLine(strippingNewline: true) else { return .endOfInput }
        return .line(line)
    }
}

import DevlinkModel

/// A failure detected before anything is sent: devlink's exact stderr lines, its errno, the word at
/// fault, and for dls scripts an extra hint (what the option expects).
public struct ClientError: Error, Sendable {
    /// What devlink prints, one line each (usually one).
    public var lines: [String]
    public var errno: Errno
    /// Index of the word at fault among the command's words (0 = the first word).
    public var wordIndex: Int?
    /// A dls-only explanation shown after devlink's lines in scripts (never in batch mode).
    public var hint: String?

    public init(_ lines: String..., errno: Errno = .EINVAL, word: Int? = nil, hint: String? = nil) {
        self.lines = lines
        self.errno = errno
        self.wordIndex = word
        self.hint = hint
    }
}

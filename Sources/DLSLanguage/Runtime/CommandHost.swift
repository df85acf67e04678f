/// The bridge between the language and a command vocabulary (devlink's `dev`, `port`, `lag`, ...).
/// The language only knows which words start a command line; everything else is the host's.
public protocol CommandHost: AnyObject {
    /// Words that start a command statement when they begin a line (`port show`, `dev eswitch ...`).
    var commandWords: Set<String> { get }
    /// Runs one command line. With `display` the host prints the result in its own format
    /// (a bare command statement); otherwise it only returns it (`let p = port show ...`).
    func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value
}

/// One evaluated command line.
public struct CommandInvocation {
    public var arguments: [CommandArgument]
    public var location: SourceLocation
}

/// One word after interpolation: its text, and the value when the whole word was one `$x`
/// (so a port object can be passed where a handle is expected).
public struct CommandArgument {
    public var text: String
    public var value: Value?
    public var location: SourceLocation
}

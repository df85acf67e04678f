import DLSLanguage
import OrderedCollections

/// A place in a script: `file` (the name the source was run under: a path, `<string>`, `<repl>`),
/// 1-based `line` and 1-based `column` (counted in UTF-8 bytes); its description is
/// `file:line:column`. It is the language's own location, so errors carry it as they are.
public typealias DLSLocation = SourceLocation

/// One syntax error found by `DLSEngine.check` or a failed run.
public struct DLSDiagnostic: Sendable, Equatable, CustomStringConvertible {
    /// What is wrong (`expected '}'`).
    public var message: String
    /// Where.
    public var location: DLSLocation
    /// True when the source only ends too early (an open block): more input could fix it.
    public var atEndOfInput: Bool
    /// `file:line:col: error: message`, the source line and a caret, as the CLI prints it.
    public var rendered: String

    /// The rendered report.
    public var description: String { rendered }
}

/// A failed run, evaluation or engine setup, as a Swift error. Native functions and command
/// handlers may throw one too (`throw DLSError("no such tenant", errno: "ENOENT")`): the script
/// sees it like a failed devlink command and can `catch` it.
public struct DLSError: Error, Sendable, Equatable, CustomStringConvertible {
    /// What kind of failure.
    public enum Kind: Sendable, Equatable {
        /// The source did not parse (or compile); `diagnostics` lists every error.
        case syntax
        /// An error raised while running: a failed command, a builtin, `throw`, `assert`.
        case runtime
        /// Stopped by `DLSCancelHandle.cancel()` (or the REPL's Ctrl-C).
        case cancelled
        /// The step limit or call-depth limit was reached.
        case limit
        /// A script file could not be read.
        case io
        /// The backend could not be opened (bad topology, no devlink in the kernel, ...).
        case backend
        /// Not a failure: the script called `exit(status)`. `notes` say what was undone on the way
        /// out (a `transaction` it was inside is rolled back).
        case exit(Int32)
    }

    /// What kind of failure.
    public var kind: Kind
    /// The message: the first line of the report without location (devlink's `Error: ...` line
    /// for a failed command).
    public var message: String
    /// Where in the script it happened, if it happened in a script.
    public var location: DLSLocation?
    /// The errno name (`EEXIST`) when a device command failed or a host error carried one.
    public var errno: String?
    /// Further lines of the report (devlink's `kernel answers: File exists`, hints).
    public var notes: [String]
    /// The `fn` calls the error passed through, innermost first.
    public var stack: [DLSStackFrame]
    /// For `.syntax`: every error found (the first one is `message`/`location`).
    public var diagnostics: [DLSDiagnostic]
    /// The value given to a script's `throw`, if any.
    public var value: DLSValue?
    /// The full report exactly as the `dls` CLI prints it: location, message, the source line with
    /// a caret, notes and the call stack.
    public var rendered: String

    /// An error for a native function or command handler to throw.
    public init(_ message: String, errno: String? = nil, notes: [String] = []) {
        self.kind = .runtime
        self.message = message
        self.location = nil
        self.errno = errno
        self.notes = notes
        self.stack = []
        self.diagnostics = []
        self.value = nil
        self.rendered = "error: " + message
    }

    init(kind: Kind, message: String, location: DLSLocation? = nil, errno: String? = nil, notes: [String] = [],
         stack: [DLSStackFrame] = [], diagnostics: [DLSDiagnostic] = [], value: DLSValue? = nil, rendered: String) {
        self.kind = kind
        self.message = message
        self.location = location
        self.errno = errno
        self.notes = notes
        self.stack = stack
        self.diagnostics = diagnostics
        self.value = value
        self.rendered = rendered
    }

    /// The errno as a number and strerror text, when `errno` names a Linux errno.
    public var errnoCode: Errno? { errno.flatMap { Errno(name: $0) } }

    /// The rendered report.
    public var description: String { rendered }

    /// The fields a script's `catch e` sees: message, errno, value, location.
    public var fields: OrderedDictionary<String, DLSValue> {
        [
            "message": .string(message),
            "errno": errno.map { .string($0) } ?? .null,
            "value": value ?? .null,
            "location": location.map { .string($0.description) } ?? .null,
        ]
    }
}

/// One `fn` call an error passed through: the `function`'s name and its `callSite`; the language's
/// own stack entry.
public typealias DLSStackFrame = RuntimeError.StackEntry

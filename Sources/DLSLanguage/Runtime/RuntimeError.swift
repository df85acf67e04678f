/// An error raised while running: from the interpreter, a builtin, a command or `throw`.
/// It carries where it happened and the chain of `fn` calls that led there.
public struct RuntimeError: Error, @unchecked Sendable {
    public enum Kind: Sendable, Equatable {
        case error, interrupted, limit
        /// `exit(N)`: not a failure; ends the script with status N (`try` does not catch it).
        case exit(Int32)
    }

    public var message: String
    public var location: SourceLocation?
    /// errno name (`EEXIST`) when a device command failed.
    public var errno: String?
    /// Lines printed after the message, e.g. devlink's `kernel answers: File exists`.
    public var notes: [String]
    /// The value given to `throw`, if any.
    public var value: Value?
    public var kind: Kind
    /// `fn` frames the error passed through, innermost first.
    public var stack: [StackEntry] = []

    public struct StackEntry: Sendable, Equatable {
        public var function: String
        public var callSite: SourceLocation

        public init(function: String, callSite: SourceLocation) {
            self.function = function
            self.callSite = callSite
        }
    }

    public init(_ message: String, at location: SourceLocation?, errno: String? = nil, notes: [String] = [],
                value: Value? = nil, kind: Kind = .error) {
        self.message = message
        self.location = location
        self.errno = errno
        self.notes = notes
        self.value = value
        self.kind = kind
    }

    /// The full report: location, message, source line with caret, notes, then the call stack.
    /// After `exit(N)` only the notes (what was rolled back on the way out): exiting is no error.
    public func rendered(sources: [String: SourceText]) -> String {
        if case .exit = kind { return notes.joined(separator: "\n") }
        var out: String
        // devlink's own lines (`Error: mlx5_core: ...`) already say what they are.
        let kind = message.hasPrefix("Error: ") || message.hasPrefix("Warning: ") ? nil : "error"
        if let location {
            out = DiagnosticRenderer.render(kind: kind, message: message, at: location, source: sources[location.file])
        } else {
            out = "error: \(message)"
        }
        for note in notes { out += "\n\(note)" }
        if !stack.isEmpty {
            out += "\nstack traceback:"
            for line in tracebackLines() { out += "\n    " + line }
        }
        return out
    }

    /// The call stack, short enough to read after runaway recursion: a run of identical calls shows
    /// three times and a count, and past 30 lines only the innermost 20 and outermost 10 remain.
    func tracebackLines() -> [String] {
        var lines: [String] = []
        var i = 0
        while i < stack.count {
            let text = "in fn \(stack[i].function), called at \(stack[i].callSite)"
            var run = 1
            while i + run < stack.count, stack[i + run] == stack[i] { run += 1 }
            lines += Array(repeating: text, count: min(run, 3))
            if run > 3 { lines.append("... the call above repeated \(run - 3) more times") }
            i += run
        }
        guard lines.count > 30 else { return lines }
        return lines.prefix(20) + ["... \(lines.count - 30) more calls ..."] + lines.suffix(10)
    }

    /// What `catch e` binds: an error value with message, errno, value and location fields.
    var errorObject: ErrorObject {
        ErrorObject(message: message, errno: errno, value: value, location: location, notes: notes)
    }
}

/// What a CommandHost throws when a command fails; the interpreter adds the script location.
public struct CommandFailure: Error, @unchecked Sendable {
    public var message: String
    public var errno: String?
    public var notes: [String]
    /// Index of the command word at fault (0 = the command word), to point the caret at it.
    public var wordIndex: Int?

    public init(_ message: String, errno: String? = nil, notes: [String] = [], wordIndex: Int? = nil) {
        self.message = message
        self.errno = errno
        self.notes = notes
        self.wordIndex = wordIndex
    }
}

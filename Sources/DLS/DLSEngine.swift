import DevlinkCommands
import DevlinkEmulator
import DLSLanguage

/// A dls interpreter with its device session: the one entry point for embedding dls.
///
/// ```swift
/// let output = DLSCapturedOutput()
/// let engine = try DLSEngine(backend: .defaultEmulator, output: output)
/// try engine.run("dev eswitch set pci/0000:06:00.0 mode switchdev")
/// let ports = try engine.evaluate("ports(\"pci/0000:06:00.0\")").decode([Port].self)
/// ```
///
/// Globals persist from one run to the next (like a REPL session). Every run happens on a large
/// stack of its own, switched to on the calling thread, so deep script recursion ends in a clear
/// error instead of a crash, and native functions run on the thread (and actor) that called `run`.
/// An engine is not thread-safe: use it from one thread at a time; only `cancelHandle` may be used
/// from others.
public final class DLSEngine {
    /// Output switches for command results, as devlink's `-j`, `-p` and `-i` set them.
    public struct Format: Sendable, Equatable {
        /// Bare commands print devlink's JSON instead of its text.
        public var json: Bool
        /// Pretty-printed JSON (with `json`).
        public var pretty: Bool
        /// IEC units (`Kibit`) for rates in text output.
        public var iec: Bool
        /// `-s`: `dev show` prints the reload statistics.
        public var statistics: Bool
        /// ANSI colour in dls's own tables (`qos simulate`); devlink's output never has any.
        public var color: Bool

        /// Text output with SI units unless told otherwise.
        public init(json: Bool = false, pretty: Bool = false, iec: Bool = false, statistics: Bool = false, color: Bool = false) {
            (self.json, self.pretty, self.iec, self.statistics, self.color) = (json, pretty, iec, statistics, color)
        }

        /// Colour on a terminal unless NO_COLOR is set to anything non-empty (no-color.org).
        public static func colorWanted(terminal: Bool, environment noColor: String?) -> Bool {
            terminal && (noColor ?? "").isEmpty
        }
    }

    /// Where everything the engine prints goes.
    public let output: DLSOutput
    /// What device commands talk to (for `.session`, the host's own session).
    public let backend: DLSBackend
    /// The session commands run against.
    public let session: any DeviceSession
    /// Stops a running script from another thread.
    public let cancelHandle: DLSCancelHandle
    /// When true, a failed run also writes its report (`DLSError.rendered`) to `output.writeError`
    /// before throwing, as the `dls` CLI does. Off by default: the host decides what to show.
    public var reportsErrors = false

    let interpreter: Interpreter
    let host: EngineCommandHost
    var bridge: ValueBridge { ValueBridge(formatter: host.devlink.runner.textFormatter) }
    /// The emulator's state when the engine was made, for `reset()`.
    private let initialState: EmulatorState?
    /// True while a run is on its way (native functions calling back into the engine).
    var isRunning = false
    /// Set by `skip()` (see `defineSkip`) while `runTest` runs.
    var skipReason: String?
    private let stack = EngineStack()

    /// An engine on `backend`, printing to `output`. Throws a `.backend` error when the backend
    /// cannot be opened (an unknown topology, a kernel without devlink). `eventsFromOpen`: when
    /// `monitor` starts seeing notifications (see `DLSBackend.open`).
    public convenience init(backend: DLSBackend = .defaultEmulator, output: DLSOutput, format: Format = Format(),
                            eventsFromOpen: Bool = true) throws(DLSError) {
        self.init(backend: backend, session: try backend.open(eventsFromOpen: eventsFromOpen), output: output, format: format)
    }

    /// An engine on a session the host wrote.
    public convenience init(session: any DeviceSession, output: DLSOutput, format: Format = Format()) {
        self.init(backend: .session(session), session: session, output: output, format: format)
    }

    private init(backend: DLSBackend, session: any DeviceSession, output: DLSOutput, format: Format) {
        self.backend = backend
        self.session = session
        self.output = output
        let options = OutputOptions(json: format.json, pretty: format.pretty, iec: format.iec, color: format.color,
                                    statistics: format.statistics)
        let devlink = DevlinkHost(session: session, options: options)
        interpreter = Interpreter(output: output)
        devlink.install(in: interpreter)
        host = EngineCommandHost(devlink: devlink)
        interpreter.host = host
        cancelHandle = DLSCancelHandle(interpreter)
        initialState = (session as? EmulatedSession)?.snapshot()
        interpreter.setGlobal("args", .list(ListObject()))
        host.engine = self
        installDesiredStateBuiltins()
        defineHelp()
    }

    // MARK: limits and format

    /// Loop iterations plus calls allowed per run before it fails with a `.limit` error (nil: no limit).
    public var stepLimit: Int? {
        get { interpreter.stepLimit }
        set { interpreter.stepLimit = newValue }
    }

    /// Deepest nesting of `fn` calls; deeper recursion fails with a `.limit` error.
    public var maxCallDepth: Int {
        get { interpreter.maxCallDepth }
        set { interpreter.maxCallDepth = newValue }
    }

    /// How bare command statements print their results (devlink text or JSON).
    public var format: Format {
        get {
            let o = host.devlink.runner.options
            return Format(json: o.json, pretty: o.pretty, iec: o.iec, statistics: o.statistics)
        }
        set {
            host.devlink.runner.options.json = newValue.json
            host.devlink.runner.options.pretty = newValue.pretty
            host.devlink.runner.options.iec = newValue.iec
            host.devlink.runner.options.statistics = newValue.statistics
        }
    }

    /// Stops the running script (same as `cancelHandle.cancel()`).
    public func cancel() { cancelHandle.cancel() }

    // MARK: running

    /// Runs dls source. Returns the value of a top-level `return`, else `.null`. With `echo`, the
    /// value of each top-level expression is printed as the REPL does.
    @discardableResult
    public func run(_ source: String, file: String = "<string>", echo: Bool = false) throws(DLSError) -> DLSValue {
        try onLargeStack { (interpreter: Interpreter) throws(ScriptFailure) -> Value in try interpreter.run(source, file: file, echo: echo) }
    }

    /// Reads and runs a script file; `.io` error when it cannot be read.
    @discardableResult
    public func runFile(_ path: String) throws(DLSError) -> DLSValue {
        try run(try DLSSourceFile.read(path), file: path)
    }

    /// Evaluates one expression (`len(ports())`, `sf.function.state`, or a command line such as
    /// `port show`, which returns its objects without printing) and returns its value.
    public func evaluate(_ expression: String, file: String = "<expression>") throws(DLSError) -> DLSValue {
        try onLargeStack { (interpreter: Interpreter) throws(ScriptFailure) -> Value in try interpreter.evaluate(expression, file: file) }
    }

    /// Calls a dls function (a global such as `engine.global("provision")`, or a callback a script
    /// handed to a native function) with Swift arguments.
    @discardableResult
    public func call(_ function: DLSValue, _ arguments: [DLSValue] = []) throws(DLSError) -> DLSValue {
        guard case .function(let f) = function else {
            throw DLSError("cannot call \(function.typeName)")
        }
        let bridge = self.bridge
        let values = arguments.map(bridge.scriptValue)
        let location = SourceLocation(file: "<host>", line: 1, column: 1)
        let body = { (interpreter: Interpreter) throws(ScriptFailure) -> Value in
            do {
                return try interpreter.call(f.value, values, at: location)
            } catch let error as RuntimeError {
                throw .runtime(error)
            } catch {
                throw .runtime(RuntimeError("\(error)", at: location))
            }
        }
        // Re-entered from a native function: already on the engine's stack and thread.
        if isRunning { return try convert { () throws(ScriptFailure) in try body(interpreter) } }
        return try onLargeStack(body)
    }

    /// Parses without running and returns every syntax error (empty when the source is fine).
    public func check(_ source: String, file: String = "<string>") -> [DLSDiagnostic] {
        DLSEngine.check(source, file: file, with: interpreter)
    }

    /// Parses without a backend (what `dls check` does): only command words are known.
    /// `commandWords` adds words registered with `defineCommand` in the real engine.
    public static func check(_ source: String, file: String = "<string>", commandWords: Set<String> = []) -> [DLSDiagnostic] {
        let interpreter = Interpreter(output: CapturedOutput())
        interpreter.host = CommandWordsOnly(words: CommandTable.standard.commandWords.union(commandWords))
        return check(source, file: file, with: interpreter)
    }

    /// True when `source` ends too early (an open `{`, a trailing operator or `\`): a REPL reads
    /// another line before running it.
    public func needsMoreInput(_ source: String) -> Bool {
        interpreter.needsMoreInput(source)
    }

    // MARK: the emulator

    /// Puts the emulator back in the state it had when the engine was made (globals are kept).
    /// Throws for the netlink and host-session backends, which cannot be reset.
    public func reset() throws(DLSError) {
        guard let emulator = session as? EmulatedSession, let initialState else {
            throw DLSError("reset only applies to the emulator")
        }
        emulator.restore(initialState)
    }

    // MARK: plumbing

    /// Runs `body` on the engine's large stack (on this thread) and turns failures into `DLSError`.
    func onLargeStack(_ body: (Interpreter) throws(ScriptFailure) -> Value) throws(DLSError) -> DLSValue {
        guard !isRunning else {
            throw DLSError("the engine is already running a script; from a native function use DLSCall.call")
        }
        var result: Result<Value, ScriptFailure> = .success(.null)
        let interpreter = self.interpreter
        isRunning = true
        stack.run {
            do throws(ScriptFailure) {
                result = .success(try body(interpreter))
            } catch {
                result = .failure(error)
            }
            interpreter.output.flush()
        }
        isRunning = false
        return try convert { () throws(ScriptFailure) in try result.get() }
    }

    /// The value in Swift terms, or the failure as a `DLSError` (reported when `reportsErrors`).
    private func convert(_ body: () throws(ScriptFailure) -> Value) throws(DLSError) -> DLSValue {
        do throws(ScriptFailure) {
            return bridge.swiftValue(try body())
        } catch {
            let converted = DLSEngine.error(error, rendered: interpreter.render(error), bridge: bridge, interpreter: interpreter)
            if reportsErrors {
                output.flush()
                if !converted.rendered.isEmpty { output.writeError(converted.rendered + "\n") }
            }
            throw converted
        }
    }
}

/// A host that knows the command words but runs nothing (for `DLSEngine.check`).
final class CommandWordsOnly: CommandHost {
    let commandWords: Set<String>

    init(words: Set<String>) { commandWords = words }

    func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value {
        throw CommandFailure("commands do not run in check mode")
    }
}

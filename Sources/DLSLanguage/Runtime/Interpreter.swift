import Synchronization

typealias Eval = (Interpreter, UnsafeMutablePointer<Value>) throws -> Value
typealias Exec = (Interpreter, UnsafeMutablePointer<Value>) throws -> Flow

/// How a statement finished: fell through, or left via break/continue/return.
enum Flow {
    case next
    case breakLoop
    case continueLoop
    case returned(Value)
}

/// Why a run failed: the source did not parse, or it raised an error while running.
public enum ScriptFailure: Error, @unchecked Sendable {
    case syntax([Diagnostic], SourceText)
    case runtime(RuntimeError)
}

/// Runs dls source. Globals persist between runs (the REPL feeds one input at a time).
/// Frames live on one preallocated value stack; variables are resolved to slots at compile time.
/// Its stored properties (and those of Globals, lists, maps and cells) are read and written on every
/// step, where a dynamic exclusivity check costs more than the step: they are @exclusivity(unchecked).
public final class Interpreter {
    public let output: OutputSink
    @exclusivity(unchecked) public var host: CommandHost?
    /// Deepest allowed nesting of `fn` calls; deeper recursion is an error, never a crash.
    @exclusivity(unchecked) public var maxCallDepth = 10_000
    /// Loop iterations + calls allowed per run (nil = unlimited).
    @exclusivity(unchecked) public var stepLimit: Int?
    /// Polled during long runs; returning true stops the run as interrupted (e.g. Ctrl-C).
    @exclusivity(unchecked) public var interruptPoll: (() -> Bool)?
    /// Arguments visible to scripts as `args`.
    public internal(set) var sources: [String: SourceText] = [:]

    /// `test` blocks registered by the code run so far, in source order.
    public internal(set) var tests: [RegisteredTest] = []
    /// `setup` blocks, run before each test.
    public internal(set) var setups: [Value] = []
    /// The file named by a `topology "..."` statement, if one ran.
    public internal(set) var topologyFile: String?

    let globals = Globals()
    /// Functions given to `define` (builtins and the host's): every module sees them.
    var builtins: [String: NativeFunction] = Dictionary(minimumCapacity: 128)
    /// The files imported by the current run.
    var modules = ModuleTable()
    /// Every module any run loaded. A module's functions keep its globals, which keep its functions,
    /// and a module and its value keep each other: `deinit` breaks both cycles to let them go.
    var everyModule: [Module] = []
    let stack: UnsafeMutablePointer<Value>
    let stackCapacity: Int
    @exclusivity(unchecked) var stackTop: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) var depth = 0
    @exclusivity(unchecked) var steps = 0
    @exclusivity(unchecked) var nextCheck = 4096
    /// Raised by `interrupt()` or a cancel handle from any thread; checked every few thousand steps.
    public let interruptSignal = InterruptSignal()

    /// `stackCapacity`: value slots for all frames of nested calls (locals and temporaries).
    public init(host: CommandHost? = nil, output: OutputSink = StandardOutput(), stackCapacity: Int = 1 << 20) {
        self.host = host
        self.output = output
        self.stackCapacity = max(stackCapacity, 64)
        // Reserved, not touched: the OS commits pages only as frames reach them.
        stack = UnsafeMutablePointer<Value>.allocate(capacity: self.stackCapacity)
        stackTop = stack
        Builtins.install(in: self)
    }

    deinit {
        for module in everyModule {
            module.globals.removeAllValues()
            module.object = nil
        }
        stack.deallocate()
    }

    // MARK: running

    /// Parses without running; the diagnostics of every error found.
    public func check(_ source: String, file: String) -> [Diagnostic] {
        let (program, diagnostics) = Parser.parse(source, file: file, commandWords: host?.commandWords ?? [])
        guard diagnostics.isEmpty else { return diagnostics }
        // Compile in a scratch interpreter: finds misplaced break/test without touching these globals.
        // Compiling follows imports; their sources are kept here to render their errors.
        let scratch = Interpreter(host: host, output: CapturedOutput())
        let compiler = Compiler(interpreter: scratch)
        _ = scratch.compileRun(program.statements, file: file, echo: false, compiler: compiler)
        sources.merge(scratch.sources) { _, imported in imported }
        return compiler.diagnostics
    }

    /// True when `source` is an incomplete input (an open block, a dangling operator).
    public func needsMoreInput(_ source: String) -> Bool {
        Parser.needsMoreInput(source, commandWords: host?.commandWords ?? [])
    }

    /// Parses and runs `source`. With `echo`, top-level expression values are printed (REPL).
    @discardableResult
    public func run(_ source: String, file: String, echo: Bool = false) throws(ScriptFailure) -> Value {
        let (program, diagnostics, stopped) = Parser.parse(source, file: file, commandWords: host?.commandWords ?? [],
                                                           shouldStop: { [unowned self] in isInterruptRequested })
        if stopped {
            interruptSignal.clear()
            throw .runtime(RuntimeError("interrupted", at: SourceLocation(file: file, line: 1, column: 1), kind: .interrupted))
        }
        sources[file] = program.source
        guard diagnostics.isEmpty else { throw .syntax(diagnostics, program.source) }
        return try execute(program.statements, source: program.source, echo: echo)
    }

    /// Compiles and runs parsed statements (the part of `run` after parsing).
    func execute(_ statements: [Stmt], source: SourceText, echo: Bool) throws(ScriptFailure) -> Value {
        let file = source.name
        let compiler = Compiler(interpreter: self)
        let (chunk, slotCount) = compileRun(statements, file: file, echo: echo, compiler: compiler)
        guard compiler.diagnostics.isEmpty else { throw .syntax(compiler.diagnostics, source) }
        interruptSignal.clear()
        steps = 0
        nextCheck = min(4096, stepLimit ?? 4096)
        do {
            let frame = try pushFrame(slotCount, at: SourceLocation(file: file, line: 1, column: 1))
            defer { popFrame(frame, slotCount) }
            switch try chunk(self, frame) {
            case .returned(let v): return v
            default: return .null
            }
        } catch let error as RuntimeError {
            throw .runtime(error)
        } catch {
            throw .runtime(RuntimeError("\(error)", at: nil))
        }
    }

    /// Compiles the top level of a run. Each run loads its imports afresh (a REPL line that imports a
    /// file again sees its changes); the file itself heads the import chain, so a module that
    /// imports it back is a cycle.
    func compileRun(_ statements: [Stmt], file: String, echo: Bool, compiler: Compiler) -> (Exec, Int) {
        modules = ModuleTable()
        if let key = try? TextFile.realPath(file) { modules.compiling = [(key, file)] }
        defer { modules.compiling = [] }
        return compiler.compileChunk(statements, echo: echo)
    }

    /// Renders a failure the way the CLI prints it (all diagnostics, or the runtime report).
    public func render(_ failure: ScriptFailure) -> String {
        switch failure {
        case .syntax(let diagnostics, let source):
            let shown = diagnostics.prefix(Diagnostic.reportLimit + 1).map { render($0, source: source) }
            var lines = Diagnostic.report(shown)
            if diagnostics.count > Diagnostic.reportLimit {
                lines[lines.count - 1] = "... and \(diagnostics.count - Diagnostic.reportLimit) more errors"
            }
            return lines.joined(separator: "\n")
        case .runtime(let error):
            return error.rendered(sources: sources)
        }
    }

    /// Whether a stop was asked for (by `interrupt()` or the poll), for hosts that wait in a loop
    /// (`monitor`, `wait`). It does not clear the request: the interpreter reports it at its next check.
    public var isInterruptRequested: Bool {
        interruptSignal.isRaised || interruptPoll?() == true
    }

    /// Asks a running script to stop; safe from any thread or a signal-polling loop.
    public func interrupt() {
        interruptSignal.raise()
    }

    /// One diagnostic with its source line: from `source`, or from the imported file it is in.
    public func render(_ diagnostic: Diagnostic, source: SourceText?) -> String {
        let file = diagnostic.location.file
        return diagnostic.rendered(source: source?.name == file ? source : sources[file] ?? source)
    }

    // MARK: globals

    public var globalNames: [String] { globals.definedNames }

    public func global(_ name: String) -> Value? {
        guard let index = globals.index[name] else { return nil }
        return globals[index]
    }

    public func setGlobal(_ name: String, _ value: Value) {
        globals[globals.slot(for: name)] = value
    }

    public func define(_ function: NativeFunction) {
        setGlobal(function.name, .native(function))
        builtins[function.name] = function
    }

    // MARK: frames and limits

    @inline(__always)
    func pushFrame(_ size: Int, at location: SourceLocation) throws -> UnsafeMutablePointer<Value> {
        if depth >= maxCallDepth {
            throw RuntimeError("call depth limit reached (\(maxCallDepth) nested calls): runaway recursion?", at: location, kind: .limit)
        }
        if stackTop + size > stack + stackCapacity {
            throw RuntimeError("value stack exhausted (too many nested calls)", at: location, kind: .limit)
        }
        let frame = stackTop
        // Element-wise: the bulk initialize/deinitialize calls go through the generic runtime.
        var slot = frame
        while slot < frame + size { slot.initialize(to: .null); slot += 1 }
        stackTop += size
        depth += 1
        return frame
    }

    /// Reserves a frame whose slots the caller initializes itself, in order. If an argument throws
    /// first, the caller pops only the slots it filled (`popFrame(frame, filled - frame)`).
    @inline(__always)
    func reserveFrame(_ size: Int, at location: SourceLocation) throws -> UnsafeMutablePointer<Value> {
        if depth >= maxCallDepth {
            throw RuntimeError("call depth limit reached (\(maxCallDepth) nested calls): runaway recursion?", at: location, kind: .limit)
        }
        if stackTop + size > stack + stackCapacity {
            throw RuntimeError("value stack exhausted (too many nested calls)", at: location, kind: .limit)
        }
        let frame = stackTop
        stackTop += size
        depth += 1
        return frame
    }

    @inline(__always)
    func popFrame(_ frame: UnsafeMutablePointer<Value>, _ size: Int) {
        var slot = frame
        while slot < frame + size {
            // Scalars need no destruction: skip the outlined destroy call for them.
            switch slot.pointee {
            case .null, .bool, .int, .float, .rate: break
            default: slot.deinitialize(count: 1)
            }
            slot += 1
        }
        stackTop = frame
        depth -= 1
    }

    /// Counts a loop iteration or call; every few thousand, checks interrupts and the step limit.
    @inline(__always)
    func tick(_ location: SourceLocation) throws {
        steps &+= 1
        if steps >= nextCheck { try slowCheck(location) }
    }

    func slowCheck(_ location: SourceLocation) throws {
        if interruptSignal.isRaised || interruptPoll?() == true {
            interruptSignal.clear()
            throw RuntimeError("interrupted", at: location, kind: .interrupted)
        }
        if let limit = stepLimit, steps >= limit {
            throw RuntimeError("step limit reached (\(limit) loop iterations and calls)", at: location, kind: .limit)
        }
        nextCheck = steps + min(4096, max(1, (stepLimit ?? Int.max) - steps))
    }

    /// Checks for an interrupt right now (for builtins that wait, like `sleep`).
    public func checkInterrupt(at location: SourceLocation) throws {
        if interruptSignal.isRaised || interruptPoll?() == true {
            interruptSignal.clear()
            throw RuntimeError("interrupted", at: location, kind: .interrupted)
        }
    }
}

/// Global variables: a name → index table fixed at compile time, values in a flat buffer (a raw
/// buffer, not an Array, so reading a global does not retain and release the array's storage).
/// Names referenced before assignment hold a marker cell and are reported as undefined.
final class Globals {
    @exclusivity(unchecked) var index: [String: Int] = [:]
    @exclusivity(unchecked) var names: [String] = []
    @exclusivity(unchecked) private var storage: UnsafeMutablePointer<Value>
    @exclusivity(unchecked) private var capacity: Int
    /// Stored in slots that were named but never assigned (globals never hold cells otherwise),
    /// so a read checks one tag instead of an Optional around the value.
    private let undefined = Cell(.null)

    init() {
        capacity = 256
        storage = .allocate(capacity: capacity)
        // Every start defines the built-ins here: room for them up front, not rehashed as they come.
        index.reserveCapacity(capacity)
        names.reserveCapacity(capacity)
    }

    deinit {
        storage.deinitialize(count: names.count)
        storage.deallocate()
    }

    subscript(_ i: Int) -> Value? {
        @inline(__always) get {
            let value = storage[i]
            if case .cell(let c) = value, c === undefined { return nil }
            return value
        }
        @inline(__always) set { storage[i] = newValue ?? .cell(undefined) }
    }

    /// Every slot back to undefined (drops the values, and with them any cycle through them).
    func removeAllValues() {
        for i in 0..<names.count { storage[i] = .cell(undefined) }
    }

    /// The user function in the slot, if that is what it holds: one retain, no copy of the Value.
    @inline(__always) func function(at i: Int) -> FunctionObject? {
        if case .function(let f) = storage[i] { return f }
        return nil
    }

    /// The same for a builtin.
    @inline(__always) func native(at i: Int) -> NativeFunction? {
        if case .native(let n) = storage[i] { return n }
        return nil
    }

    func slot(for name: String) -> Int {
        if let i = index[name] { return i }
        let i = names.count
        if i == capacity {
            let larger = UnsafeMutablePointer<Value>.allocate(capacity: capacity * 2)
            larger.moveInitialize(from: storage, count: i)
            storage.deallocate()
            storage = larger
            capacity *= 2
        }
        (storage + i).initialize(to: .cell(undefined))
        index[name] = i
        names.append(name)
        return i
    }

    var definedNames: [String] { names.indices.filter { !self[$0].isAbsent }.map { names[$0] } }
}

extension Optional where Wrapped == Value {
    var isAbsent: Bool { if case .none = self { return true } else { return false } }
}

/// A stop request that another thread can raise without touching (or retaining) the interpreter.
public final class InterruptSignal: Sendable {
    private let requested = Atomic<Bool>(false)

    public init() {}

    /// Asks the interpreter that owns this signal to stop at its next check.
    public func raise() { requested.store(true, ordering: .relaxed) }

    var isRaised: Bool { requested.load(ordering: .relaxed) }

    func clear() { requested.store(false, ordering: .relaxed) }
}

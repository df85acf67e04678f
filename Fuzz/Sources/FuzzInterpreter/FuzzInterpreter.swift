import FuzzSupport
import DevlinkCommands
import DevlinkEmulator
import DLSLanguage

/// Parses and runs arbitrary text as a script against a fresh emulator, with a step limit so loops
/// end, on a large stack as `dls` runs scripts. Any input must end in a value or a clean error.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzInterpreter(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let source = text(data, size)
    FuzzLimits.install()
    if LargeStackFlag.active { run(source) } else { LargeStack.run(stackSize: stackSize) { run(source) } }
    return 0
}

/// Smaller than dls's stacks, with a lower call depth limit to match: under ASan every allocation
/// is poisoned and unpoisoned, and the default 24 MB value stack per input cost more than the run.
private let stackSize = 256 << 20

private func run(_ source: String) {
    let output = CapturedOutput()
    let interpreter = Interpreter(output: output, stackCapacity: 1 << 16)
    let session = EmulatedSession(state: defaultState)
    session.settlesImmediately = true
    DevlinkHost(session: session).install(in: interpreter)
    // Real waiting would only slow the fuzzer down: these return at once.
    interpreter.define(NativeFunction("sleep", arity: 1...1) { _ in .null })
    interpreter.define(NativeFunction("wait", arity: 1...2) { _ in .bool(true) })
    // Fuzzed scripts run as the fuzzing user: they may read files, never replace them.
    interpreter.define(NativeFunction("write_file", arity: 2...2) { _ in .null })
    interpreter.stepLimit = 20_000
    interpreter.maxCallDepth = 2_000
    do throws(ScriptFailure) {
        try interpreter.run(source, file: "fuzz.dls")
    } catch {
        _ = interpreter.render(error)
    }
}

/// The default emulator, built once: each input starts from a copy of it.
private let defaultState: EmulatorState = {
    do { return try EmulatedSession().state } catch { fatalError("the built-in topology does not load: \(error)") }
}()

/// `main` in debug builds (see FuzzSupport.runFuzzer).
@_cdecl("FuzzInterpreter_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzerOnLargeStack(argc, argv, stackSize: stackSize, fuzzInterpreter)
}


import FuzzSupport
import DevlinkCommands
import DevlinkEmulator

/// devlink command lines (split as `devlink -b` splits them) parsed against the command table and
/// run on a fresh emulator; every result is rendered as text and JSON. Failures are fine, traps not.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzCommandLine(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let batch = text(data, size)
    let session = EmulatedSession(state: defaultState)
    let runner = CommandRunner(session: session)
    var reader = BatchReader(batch)
    var lines = 0
    while lines < 64, let line = try? reader.nextLine() {
        lines += 1
        do throws(FailureReport) {
            let result = try runner.execute(line.words.map { CommandWordInput(text: $0) })
            _ = runner.text(result)
            _ = runner.jsonDocument(result)
        } catch {
            _ = error.lines
        }
        _ = try? session.settle()
    }
    return 0
}

/// The default emulator, built once: each input starts from a copy of it.
private let defaultState: EmulatorState = {
    do { return try EmulatedSession().state } catch { fatalError("the built-in topology does not load: \(error)") }
}()

/// `main` in debug builds (see FuzzSupport.runFuzzer).
@_cdecl("FuzzCommandLine_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzCommandLine)
}

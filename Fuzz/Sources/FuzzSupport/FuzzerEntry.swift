import CFuzzerDriver
import DLSLanguage

/// The signature libFuzzer calls for each input.
public typealias FuzzTarget = @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32

/// Starts libFuzzer with `target`. Each fuzz executable exports `<Target>_main` calling this:
/// SwiftPM's debug builds link an executable's `main` to that symbol (for testable executables),
/// which would otherwise bypass libFuzzer's own `main`. Release builds use libFuzzer's `main`
/// and the exported `LLVMFuzzerTestOneInput` directly; both paths run the same target.
public func runFuzzer(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                      _ target: FuzzTarget) -> Int32 {
    var count = argc
    var arguments = argv
    return LLVMFuzzerRunDriver(&count, &arguments, target)
}

/// Like `runFuzzer`, with the whole fuzzing loop on one big-stack thread (as dls runs scripts):
/// a thread per input costs more than the input itself under ASan.
public func runFuzzerOnLargeStack(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?,
                                  stackSize: Int, _ target: FuzzTarget) -> Int32 {
    nonisolated(unsafe) var status: Int32 = 0
    nonisolated(unsafe) let arguments = argv
    LargeStack.run(stackSize: stackSize) {
        LargeStackFlag.active = true
        status = runFuzzer(argc, arguments, target)
    }
    return status
}

/// Whether inputs already run on a big stack (set by `runFuzzerOnLargeStack`). libFuzzer's own
/// `main` (release builds) runs them on the main thread; targets then start a thread per input.
public enum LargeStackFlag {
    nonisolated(unsafe) public static var active = false
}

/// The input as text (invalid UTF-8 repaired, as dls reads files).
public func text(_ data: UnsafePointer<UInt8>?, _ size: Int) -> String {
    String(decoding: UnsafeBufferPointer(start: data, count: size), as: UTF8.self)
}

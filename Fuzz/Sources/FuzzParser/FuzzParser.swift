import FuzzSupport
import DevlinkCommands
import DLSLanguage

/// Lexer + parser on arbitrary text: any bytes must give a program or diagnostics, never a trap.
/// Diagnostics are rendered too (caret lines index into the source by column).
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzParser(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let source = text(data, size)
    let (program, diagnostics) = Parser.parse(source, file: "fuzz.dls", commandWords: commandWords)
    for diagnostic in diagnostics { _ = diagnostic.rendered(source: program.source) }
    _ = Parser.needsMoreInput(source, commandWords: commandWords)
    return 0
}

private let commandWords = CommandTable.standard.commandWords

/// `main` in debug builds (see FuzzSupport.runFuzzer).
@_cdecl("FuzzParser_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzParser)
}

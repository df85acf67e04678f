import FuzzSupport
import DevlinkCommands
import DevlinkEmulator
import Foundation

/// The topology loader on arbitrary JSON: decode, build the emulator from it, then list what it
/// built (text and JSON) so values that passed validation are also rendered.
@_cdecl("LLVMFuzzerTestOneInput")
public func fuzzTopology(_ data: UnsafePointer<UInt8>?, _ size: Int) -> Int32 {
    let json = Data(UnsafeBufferPointer(start: data, count: size))
    guard let topology = try? Topology.decode(json: json) else { return 0 }
    guard let session = try? EmulatedSession(topology: topology) else { return 0 }
    let runner = CommandRunner(session: session)
    for line in ["dev show", "port show", "dev eswitch show", "port function rate show", "dev info"] {
        let words = line.split(separator: " ").map { CommandWordInput(text: String($0)) }
        guard let result = try? runner.execute(words) else { continue }
        _ = runner.text(result)
        _ = runner.jsonDocument(result)
    }
    return 0
}

/// `main` in debug builds (see FuzzSupport.runFuzzer).
@_cdecl("FuzzTopology_main")
public func entry(_ argc: Int32, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?) -> Int32 {
    runFuzzer(argc, argv, fuzzTopology)
}

import DLS
import Foundation
import Testing

/// An imported module as a host sees it: a `module` object whose fields the REPL completes.
@Suite struct ModuleHostTests {
    @Test func aModuleIsAnObjectWithItsNamesAsFields() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-host-module-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let module = dir.appendingPathComponent("common.dls").path
        try "let limit = 4\nfn sf_mac(n) { return n }\n".write(toFile: module, atomically: true, encoding: .utf8)
        let engine = try DLSEngine(backend: .defaultEmulator, output: DLSCapturedOutput())
        try engine.run("import \"\(module)\" as common")
        #expect(engine.fieldNames(of: ["common"]) == ["limit", "sf_mac"])
        #expect(engine.describeGlobal("common") == "<module \(module)>")
        guard case .object(let object)? = engine.global("common") else {
            Issue.record("not an object: \(String(describing: engine.global("common")))")
            return
        }
        #expect(object.typeName == "module")
        #expect(object.fields["limit"] == .int(4))
        #expect(try engine.evaluate("common.sf_mac(7) + common.limit") == .int(11))
    }
}

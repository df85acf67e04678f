import Foundation
import Testing
@testable import DLSRepl

/// Tab in `import "...`: file names, then the rest of the statement.
@Suite struct ImportCompletionTests {
    @Test func tabCompletesTheFileOfAnImport() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-repl-complete-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "".write(to: dir.appendingPathComponent("lib/sf.dls"), atomically: true, encoding: .utf8)
        let engine = CompletionEngine()
        let folder = engine.complete("import \"\(dir.path)/l")
        #expect(folder.candidates == [Candidate("\(dir.path)/lib/", terminator: "")])
        let file = engine.complete("let a = 1\nimport \"\(dir.path)/lib/s")
        #expect(file.candidates == [Candidate("\(dir.path)/lib/sf.dls", terminator: "\" as ")])
        #expect(engine.complete("import \"x.dls\" as m\nprint(\"\(dir.path)/l").candidates.isEmpty)
        #expect(engine.complete("imp").candidates.contains(Candidate("import")))
    }
}

import DLS
import DLSRepl
import Foundation
import Synchronization
import Testing
@testable import dls

/// `:load`, `import` and `exit` at the dls REPL (the engine as the REPL's language).
@Suite(.serialized) struct ReplModuleTests {
    final class Lines: LineReader {
        var inputs: [String]
        let isInteractive: Bool
        init(_ inputs: [String], interactive: Bool = true) {
            self.inputs = inputs
            self.isInteractive = interactive
        }
        func readLine(prompt: String) -> LineInput { inputs.isEmpty ? .endOfInput : .line(inputs.removeFirst()) }
    }

    final class Errors: Sendable {
        private let text = Mutex("")
        var value: String { text.withLock { $0 } }
        var output: ReplOutput { ReplOutput(out: { _ in }, err: { s in self.text.withLock { $0 += s } }) }
    }

    /// Runs the lines in a REPL on a fresh emulator: the exit status, what was printed, the errors.
    func repl(_ lines: [String], interactive: Bool = true) throws -> (status: Int32, printed: String, errors: String) {
        let printed = DLSCapturedOutput()
        let engine = try DLSEngine(backend: .defaultEmulator, output: printed)
        let errors = Errors()
        let repl = Repl(language: EngineLanguage(engine), reader: Lines(lines, interactive: interactive), output: errors.output)
        let status = repl.run()
        return (status, printed.text, errors.value)
    }

    @Test func loadAndImportCoexistAndExitLeavesWithItsStatus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-repl-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "let greeting = \"hi\"\nfn greet(n) { return \"${greeting} ${n}\" }\n"
            .write(to: dir.appendingPathComponent("lib/helper.dls"), atomically: true, encoding: .utf8)
        // Loaded with :load, main.dls finds its helper next to itself, not in the current directory.
        try "import \"lib/helper.dls\" as helper\nlet from_main = helper.greet(\"load\")\n"
            .write(to: dir.appendingPathComponent("main.dls"), atomically: true, encoding: .utf8)
        let r = try repl([
            ":load \(dir.path)/main.dls",
            "print(from_main)",
            "import \"\(dir.path)/lib/helper.dls\" as h2",
            "print(h2.greet(\"prompt\"), type(helper))",
            "print(greeting)",
            "exit(7)",
            "print(\"after exit\")",
        ])
        #expect(r.status == 7)
        #expect(r.printed == "hi load\nhi prompt module\n")
        #expect(r.errors.contains("undefined variable 'greeting'"))
        #expect(!r.errors.contains("exit"))
    }

    @Test func loadRefusesWhatIsNotUTF8Text() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dls-repl-latin1-\(UUID().uuidString).dls")
        try Data("print(\"caf".utf8 + [0xe9] + "\")\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let r = try repl([":load \(file.path)"])
        #expect(r.status == 0)
        #expect(r.printed.isEmpty)
        #expect(r.errors == "error: cannot read \(file.path): not UTF-8 text (byte 0xE9 at line 1, column 11)\n")
    }

    @Test func pipedScriptsExitWithTheirStatus() throws {
        let r = try repl(["print(1)", "exit(4)", "print(2)"], interactive: false)
        #expect(r.status == 4)
        #expect(r.printed == "1\n")
    }
}

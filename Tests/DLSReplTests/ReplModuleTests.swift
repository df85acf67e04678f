import DLSLanguage
import Foundation
import Testing
@testable import DLSRepl

/// `:load`, `import` and `exit` at the prompt, on the real interpreter.
@Suite(.serialized) struct ReplModuleTests {
    @Test func loadAndImportCoexistAndExitLeavesWithItsStatus() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-repl-import-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir.appendingPathComponent("lib"), withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "let greeting = \"hi\"\nfn greet(n) { return \"${greeting} ${n}\" }\n"
            .write(to: dir.appendingPathComponent("lib/helper.dls"), atomically: true, encoding: .utf8)
        // Loaded with :load, main.dls finds its helper next to itself, not in the current directory.
        try "import \"lib/helper.dls\" as helper\nlet from_main = helper.greet(\"load\")\n"
            .write(to: dir.appendingPathComponent("main.dls"), atomically: true, encoding: .utf8)
        let printed = CapturedOutput()
        let reader = ScriptedReader([
            .line(":load \(dir.path)/main.dls"),
            .line("print(from_main)"),
            .line("import \"\(dir.path)/lib/helper.dls\" as h2"),
            .line("print(h2.greet(\"prompt\"), type(helper))"),
            .line("print(greeting)"),
            .line("exit(7)"),
            .line("print(\"after exit\")"),
        ])
        let captured = Captured()
        let repl = Repl(language: InterpreterLanguage(Interpreter(output: printed)), reader: reader, output: captured.output)
        #expect(repl.run() == 7)
        #expect(printed.text == "hi load\nhi prompt module\n")
        #expect(captured.err.contains("undefined variable 'greeting'"))
        #expect(!captured.err.contains("exit"))
    }

    @Test func loadRefusesWhatIsNotUTF8Text() throws {
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("dls-repl-latin1-\(UUID().uuidString).dls")
        try Data("print(\"caf".utf8 + [0xe9] + "\")\n".utf8).write(to: file)
        defer { try? FileManager.default.removeItem(at: file) }
        let printed = CapturedOutput()
        let captured = Captured()
        let repl = Repl(language: InterpreterLanguage(Interpreter(output: printed)), reader: ScriptedReader([.line(":load \(file.path)")]),
                        output: captured.output)
        #expect(repl.run() == 0)
        #expect(printed.text.isEmpty)
        #expect(captured.err == "error: cannot read \(file.path): not UTF-8 text (byte 0xE9 at line 1, column 11)\n")
    }

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

    @Test func pipedScriptsExitWithTheirStatus() {
        let reader = ScriptedReader([.line("print(1)"), .line("exit(4)"), .line("print(2)")], interactive: false)
        let printed = CapturedOutput()
        let repl = Repl(language: InterpreterLanguage(Interpreter(output: printed)), reader: reader, output: Captured().output)
        #expect(repl.run() == 4)
        #expect(printed.text == "1\n")
    }
}

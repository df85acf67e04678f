import Foundation
import Testing
@testable import DLSLanguage

/// A directory of script files for one test, removed when the test ends.
final class ScriptDirectory {
    let url: URL

    init(_ files: [String: String]) throws {
        url = FileManager.default.temporaryDirectory.appendingPathComponent("dls-import-\(UUID().uuidString)")
        for (name, text) in files { try write(name, text) }
    }

    deinit { try? FileManager.default.removeItem(at: url) }

    func write(_ name: String, _ text: String) throws {
        let file = url.appendingPathComponent(name)
        try FileManager.default.createDirectory(at: file.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: file, atomically: true, encoding: .utf8)
    }

    func path(_ name: String) -> String { url.appendingPathComponent(name).path }

    /// Runs one of the files as the main script: what it printed, and the rendered error if any.
    func run(_ name: String, interpreter: Interpreter? = nil) -> (output: String, error: String?) {
        let output = CapturedOutput()
        let interpreter = interpreter ?? Interpreter(output: output)
        var rendered: String?
        let file = path(name)
        let source = (try? String(contentsOfFile: file, encoding: .utf8)) ?? ""
        LargeStack.run {
            do throws(ScriptFailure) {
                try interpreter.run(source, file: file)
            } catch {
                rendered = interpreter.render(error)
            }
        }
        return ((interpreter.output as? CapturedOutput)?.text ?? output.text, rendered)
    }
}

@Suite struct ImportTests {
    @Test func namesOfAModuleAreReachedThroughItsName() throws {
        let dir = try ScriptDirectory([
            "lib/common.dls": "let base = 80\nfn sf_mac(n) { return \"00:00:00:00:88:${base + n}\" }\nfn twice(n) { return helper(n) * 2 }\nfn helper(n) { return n }\n",
            "main.dls": "import \"lib/common.dls\" as common\nprint(common.sf_mac(7), common.twice(21), type(common))\n",
        ])
        let (out, error) = dir.run("main.dls")
        #expect(error == nil)
        #expect(out == "00:00:00:00:88:87 42 module\n")
    }

    @Test func aModuleHasItsOwnScope() throws {
        let dir = try ScriptDirectory([
            "m.dls": "let x = \"module x\"\nfn show() { return x }\nfn peek() { return secret }\nlet len = fn(v) { return -1 }\n",
            "main.dls": """
                let x = "main x"
                let secret = 42
                import "m.dls" as m
                print(m.show(), x, len([1, 2]), m.len([1, 2]))
                try { m.peek() } catch e { print(e.message) }
                try { m.x = 1 } catch e { print(e.message) }
                try { m.secret } catch e { print(e.message) }
                """,
        ])
        let (out, error) = dir.run("main.dls")
        #expect(error == nil)
        #expect(out.split(separator: "\n").map(String.init) == [
            "module x main x 2 -1",
            "undefined variable 'secret'",
            "module \(dir.path("m.dls")) is read-only: assign its names from inside it (call one of its functions)",
            "module has no field 'secret' (variable 'm'); fields: len, x, show, peek",
        ])
    }

    @Test func theSameModuleImportedByTwoFilesIsLoadedOnce() throws {
        let dir = try ScriptDirectory([
            "shared.dls": "print(\"loading shared\")\nlet state = {count: 0}\nfn bump() { state.count += 1; return state.count }\n",
            "a.dls": "import \"shared.dls\" as shared\nlet first = shared.bump()\n",
            "sub/b.dls": "import \"../shared.dls\" as shared\nlet second = shared.bump()\n",
            "main.dls": "import \"a.dls\" as a\nimport \"sub/b.dls\" as b\nimport \"./shared.dls\" as s\nprint(a.first, b.second, s.bump(), a.shared == s)\n",
        ])
        let (out, error) = dir.run("main.dls")
        #expect(error == nil)
        #expect(out == "loading shared\n1 2 3 true\n")
    }

    @Test func aCycleOfThreeFilesIsAnErrorNamingThem() throws {
        let dir = try ScriptDirectory([
            "a.dls": "print(\"a ran\")\nimport \"b.dls\" as b\n",
            "b.dls": "import \"c.dls\" as c\n",
            "c.dls": "let x = 1\nimport \"a.dls\" as a\n",
        ])
        let (out, error) = dir.run("a.dls")
        #expect(out.isEmpty, "nothing runs when an import fails")
        let (a, b, c) = (dir.path("a.dls"), dir.path("b.dls"), dir.path("c.dls"))
        #expect(error == "\(c):2:8: error: import cycle: \(a) imports \(b) imports \(c) imports \(a)\n    import \"a.dls\" as a\n           ^")
        let selfImport = try ScriptDirectory(["me.dls": "import \"me.dls\" as me\n"])
        #expect(selfImport.run("me.dls").error?.contains("import cycle: \(selfImport.path("me.dls")) imports \(selfImport.path("me.dls"))") == true)
    }

    @Test func aMissingFileIsReportedAtItsImportWithThePathAsWritten() throws {
        let dir = try ScriptDirectory(["main.dls": "let y = 2\n\nimport \"nope/missing.dls\" as m\n"])
        let (out, error) = dir.run("main.dls")
        #expect(out.isEmpty)
        #expect(error == "\(dir.path("main.dls")):3:8: error: cannot import \"nope/missing.dls\": No such file or directory\n    import \"nope/missing.dls\" as m\n           ^")
    }

    @Test func errorsInsideAModuleAreReportedWhereTheyAre() throws {
        let dir = try ScriptDirectory([
            "bad.dls": "let ok = 1\nlet y = (\n",
            "fails.dls": "let a = 1\nlet b = a + nil\n",
            "uses-bad.dls": "import \"bad.dls\" as bad\n",
            "uses-fails.dls": "print(\"before\")\nimport \"fails.dls\" as f\nprint(\"after\")\n",
        ])
        #expect(dir.run("uses-bad.dls").error == "\(dir.path("bad.dls")):2:10: error: expression expected, found end of input\n    let y = (\n             ^")
        let (out, error) = dir.run("uses-fails.dls")
        #expect(out == "before\n")
        #expect(error == """
            \(dir.path("fails.dls")):2:11: error: cannot add int and nil (left: variable 'a')
                let b = a + nil
                          ^
            stack traceback:
                in fn import "fails.dls", called at \(dir.path("uses-fails.dls")):2:1
            """)
    }

    @Test func checkFollowsImports() throws {
        let dir = try ScriptDirectory([
            "lib/bad.dls": "fn f() {\n    break\n}\n",
            "main.dls": "import \"lib/bad.dls\" as bad\nimport \"missing.dls\" as gone\nprint(\"not run\")\n",
        ])
        let interpreter = Interpreter(output: CapturedOutput())
        let source = try String(contentsOfFile: dir.path("main.dls"), encoding: .utf8)
        let diagnostics = interpreter.check(source, file: dir.path("main.dls"))
        #expect(diagnostics.map { "\($0.location): \($0.message)" } == [
            "\(dir.path("lib/bad.dls")):2:5: 'break' outside a loop",
            "\(dir.path("main.dls")):2:8: cannot import \"missing.dls\": No such file or directory",
        ])
        #expect(interpreter.render(diagnostics[0], source: nil).hasSuffix("\n        break\n        ^"))
    }

    @Test func testsAndSetupInAModuleAreNotRegisteredByItsImporter() throws {
        let dir = try ScriptDirectory([
            "helpers.dls": "setup { print(\"helper setup\") }\ntest \"helper test\" { }\ntopology \"x.json\"\nfn ok() { return true }\n",
            "main.dls": "import \"helpers.dls\" as h\ntest \"main test\" { assert h.ok() }\n",
        ])
        let interpreter = Interpreter(output: CapturedOutput())
        #expect(dir.run("main.dls", interpreter: interpreter).error == nil)
        #expect(interpreter.tests.map(\.name) == ["main test"])
        #expect(interpreter.setups.isEmpty)
        #expect(interpreter.topologyFile == nil)
        let alone = Interpreter(output: CapturedOutput())
        #expect(dir.run("helpers.dls", interpreter: alone).error == nil)
        #expect(alone.tests.map(\.name) == ["helper test"])
    }

    @Test func importBelongsAtTheTopLevel() throws {
        let dir = try ScriptDirectory(["m.dls": "", "main.dls": "if true { import \"m.dls\" as m }\n"])
        #expect(dir.run("main.dls").error?.contains("2:0") != true)
        #expect(dir.run("main.dls").error?.contains("error: 'import' belongs at the top level of a file") == true)
    }

    @Test func eachRunLoadsItsImportsAfresh() throws {
        let dir = try ScriptDirectory(["m.dls": "let v = 1\n"])
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        let main = "import \"\(dir.path("m.dls"))\" as m\nprint(m.v)\n"
        try interpreter.run(main, file: "<repl>")
        try dir.write("m.dls", "let v = 2\n")
        try interpreter.run(main, file: "<repl>")
        #expect(output.text == "1\n2\n")
    }

    /// Reads through an import name are resolved when compiling; they must still follow the variable
    /// when it is rebound, and read the module's current values.
    @Test func moduleNamesFollowRebindingAndLiveValues() throws {
        let dir = try ScriptDirectory([
            "a.dls": "let v = \"a\"\nlet count = 0\nfn bump() { count += 1 }\n",
            "b.dls": "let v = \"b\"\n",
            "main.dls": """
                import "a.dls" as m
                fn get() { return m.v }
                m.bump()
                m.bump()
                print(get(), m.count, m.len)
                """,
            "rebind.dls": """
                import "a.dls" as m
                fn get() { return m.v }
                print(get())
                import "b.dls" as m
                print(get(), m.v)
                m = {v: "map"}
                print(get())
                """,
        ])
        #expect(dir.run("main.dls").error?.contains("module has no field 'len' (variable 'm'); fields: v, count, bump") == true)
        #expect(dir.run("main.dls").output == "")
        let (out, error) = dir.run("rebind.dls")
        #expect(error == nil)
        #expect(out == "a\nb b\nmap\n")
        try dir.write("main.dls", "import \"a.dls\" as m\nm.bump()\nm.bump()\nprint(m.count)\n")
        #expect(dir.run("main.dls").output == "2\n")
    }

    @Test func aChainOfImportsEndsAtTheDepthLimit() throws {
        let limit = Compiler.maxImportDepth
        var files: [String: String] = [:]
        for i in 0...limit { files["m\(i).dls"] = "import \"m\(i + 1).dls\" as next\n" }
        files["m\(limit + 1).dls"] = "let end = 1\n"
        let dir = try ScriptDirectory(files)
        #expect(dir.run("m0.dls").error?.hasPrefix("\(dir.path("m\(limit - 1).dls")):1:8: error: imports nested too deeply (limit \(limit) files)") == true)
        #expect(dir.run("m2.dls").error == nil)
    }

    @Test func aBinaryModuleIsAnError() throws {
        let dir = try ScriptDirectory(["main.dls": "import \"blob.dls\" as blob\n"])
        try Data([0x6c, 0x65, 0x74, 0xff, 0x0a]).write(to: URL(fileURLWithPath: dir.path("blob.dls")))
        #expect(dir.run("main.dls").error?.hasPrefix("\(dir.path("main.dls")):1:8: error: cannot import \"blob.dls\": not UTF-8 text (byte 0xFF at line 1, column 4)") == true)
    }
}

import DLS
import Testing

@Suite struct RunTests {
    let output = DLSCapturedOutput()

    func engine() throws -> DLSEngine { try DLSEngine(backend: .defaultEmulator, output: output) }

    @Test func printAndCommandOutputGoToTheSink() throws {
        let engine = try engine()
        try engine.run("""
            print("hello")
            dev show
            """)
        #expect(output.text == "hello\npci/0000:06:00.0\npci/0000:06:00.1\n")
        #expect(output.errors == "")
    }

    @Test("snapshot() is the desired-state document and snapshot(x) freezes a live object, in one engine")
    func snapshotWithAndWithoutAValue() throws {
        let engine = try engine()
        try engine.run("""
            let e = dev eswitch show pci/0000:06:00.0
            let frozen = snapshot(e)
            dev eswitch set pci/0000:06:00.0 mode switchdev
            print(e.mode, frozen.mode, type(snapshot()))
            """)
        #expect(output.errors == "")
        #expect(output.text == "switchdev legacy map\n")
    }

    @Test func topLevelReturnIsTheRunsValue() throws {
        let engine = try engine()
        #expect(try engine.run("let x = 20\nreturn x + 1") == .int(21))
        #expect(try engine.run("let y = 1") == .null)
    }

    @Test func globalsPersistBetweenRuns() throws {
        let engine = try engine()
        try engine.run("let count = 3")
        try engine.run("count = count * 2")
        #expect(engine.global("count") == .int(6))
    }

    @Test func runFileReadsAndNamesTheFile() throws {
        let engine = try engine()
        let error = #expect(throws: DLSError.self) { try engine.runFile("/nonexistent/x.dls") }
        #expect(error?.kind == .io)
        #expect(error?.message == "cannot read '/nonexistent/x.dls': No such file or directory")
    }

    @Test func echoPrintsExpressionValuesLikeTheRepl() throws {
        let engine = try engine()
        try engine.run("1 + 2\n\"a\"", file: "<repl>", echo: true)
        #expect(output.text == "3\n\"a\"\n")
    }

    @Test func evaluateReturnsValues() throws {
        let engine = try engine()
        #expect(try engine.evaluate("1 + 2 * 3") == .int(7))
        #expect(try engine.evaluate("\"a\" + \"b\"") == .string("ab"))
        #expect(try engine.evaluate("10gbit") == .rate(DLSRate(bytesPerSecond: 1_250_000_000)))
        #expect(try engine.evaluate("[1, 2.5, nil, true]") == [1, 2.5, .null, true])
        #expect(try engine.evaluate("({\"a\": 1, 2: \"b\"})") == ["a": 1, 2: "b"])
    }

    @Test func evaluatedCommandsReturnObjectsWithoutPrinting() throws {
        let engine = try engine()
        let ports = try engine.evaluate("port show").decode([Port].self)
        #expect(ports.count == 2)
        #expect(ports.allSatisfy { $0.flavour == .physical })
        #expect(output.text == "")
    }

    @Test func evaluateRejectsStatements() throws {
        let engine = try engine()
        let error = #expect(throws: DLSError.self) { try engine.evaluate("let x = 1") }
        #expect(error?.kind == .syntax)
        #expect(error?.message == "expected an expression, not a statement")
        #expect(throws: DLSError.self) { try engine.evaluate("1\n2") }
    }

    @Test func checkListsEverySyntaxError() throws {
        let engine = try engine()
        #expect(engine.check("let x = 1").isEmpty)
        let diagnostics = engine.check("let = 1\nlet y = (", file: "bad.dls")
        #expect(diagnostics.count >= 1)
        #expect(diagnostics.first?.location == DLSLocation(file: "bad.dls", line: 1, column: 5))
        #expect(DLSEngine.check("port show\nfoo bar", file: "x").count == 1)
    }

    @Test func needsMoreInputForOpenBlocks() throws {
        let engine = try engine()
        #expect(engine.needsMoreInput("if true {"))
        #expect(!engine.needsMoreInput("if true { }"))
    }

    @Test func jsonFormatForBareCommands() throws {
        let engine = try DLSEngine(backend: .defaultEmulator, output: output, format: .init(json: true))
        try engine.run("dev show")
        #expect(output.text == "{\"dev\":{\"pci/0000:06:00.0\":{},\"pci/0000:06:00.1\":{}}}\n")
        engine.format = .init()
        output.clear()
        try engine.run("dev show pci/0000:06:00.0")
        #expect(output.text == "pci/0000:06:00.0\n")
    }

    @Test func resetRestoresTheEmulator() throws {
        let engine = try engine()
        try engine.run("dev eswitch set pci/0000:06:00.0 mode switchdev\nport add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88")
        #expect(try engine.evaluate("len(ports(\"pci/0000:06:00.0\"))") == 2)
        try engine.reset()
        #expect(try engine.evaluate("len(ports(\"pci/0000:06:00.0\"))") == 1)
    }

    @Test func backendsThatCannotOpenSayWhy() {
        let error = #expect(throws: DLSError.self) { try DLSEngine(backend: .builtinEmulator("nope"), output: output) }
        #expect(error?.kind == .backend)
        #expect(error?.message.hasPrefix("no built-in topology named \"nope\"") == true)
        let file = #expect(throws: DLSError.self) { try DLSEngine(backend: .emulator("/nonexistent.json"), output: output) }
        #expect(file?.kind == .backend)
    }

    @Test func devlinkBatchFiles() throws {
        let engine = try engine()
        #expect(engine.runDevlinkBatch("dev show pci/0000:06:00.0\n", name: "b"))
        #expect(output.text == "pci/0000:06:00.0\n")
        #expect(!engine.runDevlinkBatch("dev show pci/0000:09:00.0\n", name: "b"))
        #expect(output.errors != "")
    }
}

import DLS
import Testing

/// Running a file's `test` blocks through the API, as `dls test` does.
@Suite struct TestRunnerTests {
    let output = DLSCapturedOutput()
    let file = """
        let dev = "pci/0000:06:00.0"
        let made = []
        setup {
            dev eswitch set $dev mode switchdev
            append(made, "setup")
        }
        fn check_count(n) { assert len(ports(dev, flavour: "pcisf")) == n, "SF count" }
        test "adds an SF" {
            port add $dev flavour pcisf pfnum 0 sfnum 88
            check_count(1)
        }
        test "fails" {
            assert 1 == 2, "one is not two"
        }
        test "fails in a function" {
            check_count(5)
        }
        test "skips" {
            skip("needs a kernel")
        }
        """

    func loaded() throws -> DLSEngine {
        let engine = try DLSEngine(output: output)
        engine.defineSkip()
        try engine.run(file, file: "t.dls")
        return engine
    }

    @Test func runningAFileRegistersItsTestsWithoutRunningThem() throws {
        let engine = try loaded()
        #expect(engine.tests.map(\.name) == ["adds an SF", "fails", "fails in a function", "skips"])
        #expect(engine.tests.first?.location == DLSLocation(file: "t.dls", line: 8, column: 1))
        #expect(try engine.evaluate("made") == [])
        #expect(try engine.evaluate("len(ports(dev))") == 1)
    }

    @Test func runTestRunsTheSetupBlocksFirst() throws {
        let engine = try loaded()
        #expect(try engine.runTest(engine.tests[0]) == .passed)
        #expect(try engine.evaluate("made") == ["setup"])
        #expect(try engine.evaluate("eswitch(dev).mode") == "switchdev")
    }

    @Test func aFailureLeavesOutTheTestBlocksOwnFrame() throws {
        let engine = try loaded()
        let error = #expect(throws: DLSError.self) { try engine.runTest(engine.tests[1]) }
        #expect(error?.kind == .runtime)
        #expect(error?.location == DLSLocation(file: "t.dls", line: 13, column: 5))
        #expect(error?.stack == [])
        #expect(error?.rendered == """
            t.dls:13:5: error: one is not two (left: 1, right: 2, expected left == right)
                    assert 1 == 2, "one is not two"
                    ^
            """)
    }

    @Test func framesOfFunctionsTheTestCalledStay() throws {
        let engine = try loaded()
        let error = #expect(throws: DLSError.self) { try engine.runTest(engine.tests[2]) }
        #expect(error?.stack == [DLSStackFrame(function: "check_count", callSite: DLSLocation(file: "t.dls", line: 16, column: 16))])
        #expect(error?.rendered.hasSuffix("\nstack traceback:\n    in fn check_count, called at t.dls:16:16") == true,
                "\(error?.rendered ?? "")")
    }

    @Test func skipEndsTheTestAsSkipped() throws {
        let engine = try loaded()
        #expect(try engine.runTest(engine.tests[3]) == .skipped(reason: "needs a kernel"))
        // Skipping is remembered per run: the next test passes or fails on its own.
        #expect(try engine.runTest(engine.tests[0]) == .passed)
    }

    @Test func skipWithoutAReasonAndOutsideATest() throws {
        let engine = try DLSEngine(output: output)
        engine.defineSkip()
        try engine.run("test \"t\" { skip() }")
        #expect(try engine.runTest(engine.tests[0]) == .skipped(reason: "skipped"))
        let error = #expect(throws: DLSError.self) { try engine.run("skip(\"top\")", file: "top.dls") }
        #expect(error?.message == "skip(): test skipped: top")
    }

    @Test func aSkipTheTestCaughtCountsOnlyIfTheTestFails() throws {
        let engine = try DLSEngine(output: output)
        engine.defineSkip()
        try engine.run("""
            test "survives" { try { skip("r") } catch e { } }
            test "fails later" { try { skip("r") } catch e { } assert false }
            """)
        #expect(try engine.runTest(engine.tests[0]) == .passed)
        #expect(try engine.runTest(engine.tests[1]) == .skipped(reason: "r"))
    }

    @Test func skipIsOnlyThereWhenDefined() throws {
        let engine = try DLSEngine(output: output)
        #expect(engine.global("skip") == nil)
        try engine.run("test \"t\" { skip() }")
        let error = #expect(throws: DLSError.self) { try engine.runTest(engine.tests[0]) }
        #expect(error?.message == "undefined variable 'skip'")
    }

    @Test func aTestOfAnotherEngineIsRefused() throws {
        let engine = try loaded()
        let other = try DLSEngine(output: output)
        try other.run("test \"elsewhere\" { }")
        let error = #expect(throws: DLSError.self) { try engine.runTest(other.tests[0]) }
        #expect(error?.message == "no test \"elsewhere\" is registered in this engine")
    }

    @Test func declaredTopologyIsFoundWithoutRunning() {
        #expect(DLSEngine.declaredTopology(in: "topology \"netdevsim\"\ntest \"t\" { }") == "netdevsim")
        #expect(DLSEngine.declaredTopology(in: "dev show\nlet x = 1") == nil)
        #expect(DLSEngine.declaredTopology(in: "frob pci/0\ntopology \"x.json\"", commandWords: ["frob"]) == "x.json")
    }

    @Test func enginesSharingASessionRollBackPerTest() throws {
        let session = try DLSBackend.defaultEmulator.open()
        for _ in 0..<2 {
            let engine = DLSEngine(session: session, output: output)
            let transaction = try engine.beginTransaction()
            engine.defineSkip()
            try engine.run(file, file: "t.dls")
            #expect(try engine.runTest(engine.tests[0]) == .passed)
            #expect(transaction.rollBack() == [])
        }
        let after = DLSEngine(session: session, output: output)
        #expect(try after.evaluate("len(ports(\"pci/0000:06:00.0\"))") == 1)
        #expect(try after.evaluate("eswitch(\"pci/0000:06:00.0\").mode") == "legacy")
    }
}

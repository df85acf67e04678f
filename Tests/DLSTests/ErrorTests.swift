import DLS
import Testing
import TestSupport

@Suite struct ErrorTests {
    let output = DLSCapturedOutput()

    @Test func failedCommandsCarryErrnoLocationAndDevlinksLines() throws {
        let engine = try DLSEngine(output: output)
        let source = """
            dev eswitch set pci/0000:06:00.0 mode switchdev
            port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
            port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
            """
        let error = #expect(throws: DLSError.self) { try engine.run(source, file: "sf.dls") }
        #expect(error?.kind == .runtime)
        #expect(error?.errno == "EEXIST")
        #expect(error?.location == DLSLocation(file: "sf.dls", line: 3, column: 1))
        #expect(error?.message == "Error: mlx5_core: SF already exist. Choose different sfnum.")
        #expect(error?.notes.contains("kernel answers: File exists") == true)
        #expect(error?.rendered.hasPrefix("sf.dls:3:1: Error: mlx5_core: SF already exist.") == true)
    }

    @Test func syntaxErrorsListDiagnostics() throws {
        let engine = try DLSEngine(output: output)
        let error = #expect(throws: DLSError.self) { try engine.run("let x = (1 +\nprint(x)", file: "s.dls") }
        #expect(error?.kind == .syntax)
        #expect(error?.diagnostics.isEmpty == false)
        #expect(error?.location?.file == "s.dls")
        #expect(error?.rendered.contains("s.dls:") == true)
    }

    @Test func runtimeErrorsHaveAStack() throws {
        let engine = try DLSEngine(output: output)
        let error = #expect(throws: DLSError.self) {
            try engine.run("fn f(x) { return x.nope }\nf(1)", file: "st.dls")
        }
        #expect(error?.location?.line == 1)
        #expect(error?.stack == [DLSStackFrame(function: "f", callSite: DLSLocation(file: "st.dls", line: 2, column: 2))])
        #expect(error?.rendered.contains("stack traceback:") == true)
    }

    @Test func thrownValuesComeBack() throws {
        let engine = try DLSEngine(output: output)
        let error = #expect(throws: DLSError.self) { try engine.run("throw {\"code\": 7}") }
        #expect(error?.value?["code"] == 7)
    }

    @Test func reportsErrorsWritesTheReportToTheSink() throws {
        let engine = try DLSEngine(output: output)
        engine.reportsErrors = true
        #expect(throws: DLSError.self) { try engine.run("print(1)\nassert false, \"boom\"", file: "r.dls") }
        #expect(output.text == "1\n")
        #expect(output.errors == "r.dls:2:1: error: boom\n    assert false, \"boom\"\n    ^\n")
    }

    @Test func errorsAreSilentByDefault() throws {
        let engine = try DLSEngine(output: output)
        #expect(throws: DLSError.self) { try engine.run("nosuch()") }
        #expect(output.errors == "")
    }

    @Test func stepLimitStopsRunawayLoops() throws {
        let engine = try DLSEngine(output: output)
        engine.stepLimit = 10_000
        let error = #expect(throws: DLSError.self) { try engine.run("while true { }") }
        #expect(error?.kind == .limit)
        engine.stepLimit = nil
        #expect(try engine.evaluate("1") == 1)
    }

    @Test(.disabled(if: threadSanitizerIsActive, "the default depth of 10,000 calls overflows TSan's shadow call stack"))
    func deepRecursionIsAnErrorNotACrash() throws {
        let engine = try DLSEngine(output: output)
        let error = #expect(throws: DLSError.self) { try engine.run("fn f(n) { return f(n + 1) }\nf(0)") }
        #expect(error?.kind == .limit)
    }
}

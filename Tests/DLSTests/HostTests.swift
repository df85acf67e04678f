import DLS
import Testing

@Suite struct NativeFunctionTests {
    let output = DLSCapturedOutput()

    @Test func scriptsCallSwift() throws {
        let engine = try DLSEngine(output: output)
        engine.define("double", arity: 1) { call in .int(try call.argument(0, as: Int.self) * 2) }
        engine.define("greet", arity: 0...1, labels: ["punct"]) { call in
            let name = call.arguments.isEmpty ? "world" : try call.argument(0, as: String.self)
            return .string("hello \(name)\(call.named["punct"]?.stringValue ?? "")")
        }
        #expect(try engine.evaluate("double(21)") == 42)
        #expect(try engine.evaluate("greet()") == "hello world")
        #expect(try engine.evaluate("greet(\"dls\", punct: \"!\")") == "hello dls!")
    }

    @Test func argumentsAreChecked() throws {
        let engine = try DLSEngine(output: output)
        engine.define("double", arity: 1) { call in .int(try call.argument(0, as: Int.self) * 2) }
        let wrongType = #expect(throws: DLSError.self) { try engine.run("double(\"x\")", file: "t.dls") }
        #expect(wrongType?.message == "double(): argument 1 must be Int, got string")
        #expect(wrongType?.location == DLSLocation(file: "t.dls", line: 1, column: 7))
        let arity = #expect(throws: DLSError.self) { try engine.run("double(1, 2)") }
        #expect(arity?.message == "double() takes 1 argument, got 2")
    }

    @Test func hostErrorsAreCatchableWithErrno() throws {
        let engine = try DLSEngine(output: output)
        engine.define("tenant", arity: 1) { call in
            throw DLSError("no tenant named \(try call.argument(0, as: String.self))", errno: "ENOENT")
        }
        try engine.run("""
            try { tenant("blue") } catch e { print(e.errno, e.message) }
            expect_error ENOENT { tenant("red") }
            """)
        #expect(output.text == "ENOENT no tenant named blue\n")
        let error = #expect(throws: DLSError.self) { try engine.run("\n  tenant(\"x\")", file: "f.dls") }
        #expect(error?.errno == "ENOENT")
        #expect(error?.errnoCode?.number == 2)
        #expect(error?.location == DLSLocation(file: "f.dls", line: 2, column: 9))
    }

    @Test func nativeFunctionsCallBackIntoTheScript() throws {
        let engine = try DLSEngine(output: output)
        engine.define("twice", arity: 2) { call in
            let once = try call.call(call[0], [call[1]])
            return try call.call(call[0], [once])
        }
        #expect(try engine.evaluate("twice(fn(x) { x * 3 }, 2)") == 18)
        // A script error inside the callback keeps its own location.
        let error = #expect(throws: DLSError.self) { try engine.run("twice(fn(x) { x + nil }, 2)", file: "cb.dls") }
        #expect(error?.location?.column == 17)
    }

    @Test func reentrantRunsAreRefused() throws {
        let engine = try DLSEngine(output: output)
        engine.define("nested", arity: 0) { _ in try engine.evaluate("1") }
        let error = #expect(throws: DLSError.self) { try engine.run("nested()") }
        #expect(error?.message.contains("already running") == true)
    }
}

@Suite struct CommandWordTests {
    let output = DLSCapturedOutput()

    @Test func hostCommandWordsRunSwift() throws {
        let engine = try DLSEngine(output: output)
        var seen: [[String]] = []
        engine.defineCommand("vendor") { command in
            seen.append(command.words)
            if command.display { command.output.write("vendor: \(command.words.dropFirst().joined(separator: " "))\n") }
            return .map(["words": .int(command.words.count), "port": command.values.last.flatMap { $0 } ?? .null])
        }
        #expect(engine.commandWords.contains("vendor"))
        try engine.run("""
            vendor fw-reset pci/0000:06:00.0
            let p = port show pci/0000:06:00.0/65535
            let r = vendor status $p
            print(r.words, r.port.flavour)
            """)
        #expect(seen == [["vendor", "fw-reset", "pci/0000:06:00.0"], ["vendor", "status", "pci/0000:06:00.0/65535"]])
        #expect(output.text == "vendor: fw-reset pci/0000:06:00.0\n3 physical\n")
    }

    @Test func commandFailuresPointAtTheLine() throws {
        let engine = try DLSEngine(output: output)
        engine.defineCommand("vendor") { _ in throw DLSError("Error: vendor: not today", errno: "EBUSY", notes: ["kernel answers: Device or resource busy"]) }
        let error = #expect(throws: DLSError.self) { try engine.run("let x = 1\n  vendor poke", file: "v.dls") }
        #expect(error?.location == DLSLocation(file: "v.dls", line: 2, column: 3))
        #expect(error?.errno == "EBUSY")
        #expect(error?.rendered == """
            v.dls:2:3: Error: vendor: not today
                  vendor poke
                  ^
            kernel answers: Device or resource busy
            """)
    }

    @Test func checkKnowsHostWords() {
        #expect(DLSEngine.check("vendor poke", commandWords: ["vendor"]).isEmpty)
        #expect(!DLSEngine.check("vendor poke").isEmpty)
    }
}

@Suite struct CustomSessionTests {
    @Test func commandsRunOnTheHostsSession() throws {
        let session = FakeSession()
        let output = DLSCapturedOutput()
        let engine = DLSEngine(session: session, output: output)
        try engine.run("""
            port show
            port function set fake/nic0/1 hw_addr 00:11:22:33:44:55
            print(port("fake/nic0/1").function.hw_addr)
            """)
        #expect(output.text == """
            fake/nic0/0: type eth netdev fake0 flavour physical port 0 splittable false
              function:
                hw_addr 00:00:00:00:00:00
            fake/nic0/1: type eth netdev fake1 flavour physical port 1 splittable false
              function:
                hw_addr 00:00:00:00:00:00
            00:11:22:33:44:55\n
            """)
        #expect(session.calls == ["set function fake/nic0/1"])
        #expect(engine.backend.summary == "session (FakeSession)")
        let error = #expect(throws: DLSError.self) { try engine.run("port del fake/nic0/1") }
        #expect(error?.errno == "EOPNOTSUPP")
        #expect(throws: DLSError.self) { try engine.reset() }
    }

    /// A session without fault injection (the kernel, a host's own): inject_fault says what it needs.
    @Test func faultInjectionNeedsTheEmulator() throws {
        let engine = DLSEngine(session: FakeSession(), output: DLSCapturedOutput())
        let error = #expect(throws: DLSError.self) { try engine.run(#"inject_fault("portAdd", "EIO")"#) }
        #expect(error?.message.contains("fault injection needs the emulator") == true, "\(String(describing: error))")
    }
}

/// A host's own sink, written against the DLS product alone: prints and diagnostics reach it, and
/// `flush` may be left out.
private final class LineCollector: DLSOutput {
    var lines: [String] = []
    var diagnostics: [String] = []
    func write(_ text: String) { lines.append(text) }
    func writeError(_ text: String) { diagnostics.append(text) }
}

@Suite struct HostOutputTests {
    @Test func aHostSinkReceivesPrintsAndDiagnostics() throws {
        let sink = LineCollector()
        let engine = try DLSEngine(output: sink)
        _ = try engine.run("print(\"a\")\nprint(1, 2)")
        #expect(sink.lines.joined() == "a\n1 2\n")
        engine.reportsErrors = true
        #expect(throws: DLSError.self) { try engine.run("assert false, \"boom\"", file: "r.dls") }
        #expect(sink.diagnostics.joined() == "r.dls:1:1: error: boom\n    assert false, \"boom\"\n    ^\n")
    }
}

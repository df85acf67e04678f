import DLS
import Testing

/// `exit(N)` seen from a host: a `.exit(N)` error that reports nothing, after rolling back the
/// transactions it leaves, on a real emulator session.
@Suite struct ExitTests {
    let output = DLSCapturedOutput()

    @Test func exitInsideAFunctionInsideATransactionRollsTheDeviceBack() throws {
        let engine = try DLSEngine(backend: .defaultEmulator, output: output)
        engine.reportsErrors = true
        let error = #expect(throws: DLSError.self) {
            try engine.run("""
                let dev = "pci/0000:06:00.0"
                dev eswitch set $dev mode switchdev
                port function rate add $dev/kept tx_max 1gbit
                fn give_up() { print("giving up"); exit(3) }
                transaction {
                    port function rate add $dev/undone tx_max 2gbit
                    give_up()
                }
                print("not reached")
                """)
        }
        #expect(error?.kind == .exit(3))
        #expect(error?.notes == ["transaction rolled back: no changes were kept"])
        #expect(output.text == "giving up\n")
        #expect(output.errors == "transaction rolled back: no changes were kept\n")
        #expect(try engine.evaluate("map(rates(\"pci/0000:06:00.0\"), fn(r) { r.handle })") == .list([.string("pci/0000:06:00.0/kept")]))
    }

    @Test func aPlainExitReportsNothing() throws {
        let engine = try DLSEngine(backend: .defaultEmulator, output: output)
        engine.reportsErrors = true
        let error = #expect(throws: DLSError.self) { try engine.run("print(1)\nexit(0)\nprint(2)") }
        #expect(error?.kind == .exit(0))
        #expect(error?.rendered == "")
        #expect(output.text == "1\n")
        #expect(output.errors == "")
    }

    @Test func builtinsHaveHelpTexts() throws {
        let engine = try DLSEngine(backend: .defaultEmulator, output: output)
        #expect(engine.functionHelp("json_parse")?.hasPrefix("json_parse(TEXT): ") == true)
        #expect(engine.functionHelp("dev") == nil)
        #expect(engine.functionHelpIndex.contains("\nexit([STATUS]): ends the script"))
        engine.defineSkip()
        for name in engine.globalNames {
            guard case .function? = engine.global(name) else { continue }
            #expect(engine.functionHelp(name)?.hasPrefix("\(name)(") == true, "\(name) has no help text")
        }
    }
}

import DLS
import Testing

/// `help` as a statement and devlink's global options on a command line (issue 17: `help` was an
/// undefined variable, `devlink -j port show` failed with `Object "-j" not found`).
@Suite struct HelpCommandTests {
    let output = DLSCapturedOutput()

    func engine() throws -> DLSEngine { try DLSEngine(backend: .defaultEmulator, output: output) }

    @Test func helpListsTheWaysToAsk() throws {
        try engine().run("help")
        #expect(output.text.hasPrefix("dls runs devlink's commands as typed"))
        #expect(output.text.contains("Commands: dev port monitor resource lag link qos route"))
        #expect(output.text.contains(" settle ") && output.text.contains(" wait\n"))
    }

    @Test func helpNameShowsTheSignature() throws {
        let e = try engine()
        try e.run("help wait")
        #expect(output.text.hasPrefix("wait(FN[, SECONDS]): "))
        #expect(try e.run("return help settle") == .string(e.functionHelp("settle") ?? ""))
    }

    @Test func helpBuiltinsIsOneLinePerBuiltin() throws {
        try engine().run("help builtins")
        let lines = output.text.split(separator: "\n")
        #expect(lines.count > 40)
        #expect(lines.allSatisfy { $0.contains("(") && $0.contains("): ") })
    }

    @Test func helpOfACommandIsDevlinksUsage() throws {
        try engine().run("help port function rate")
        #expect(output.text.hasPrefix("Usage: devlink port function rate help\n"))
        output.clear()
        try engine().run("help devlink")
        #expect(output.text == """
            Usage: devlink [ OPTIONS ] OBJECT { COMMAND | help }
            where  OBJECT := { dev | port | monitor | resource | lag | link | qos | route }
                   OPTIONS := { -j[son] | -p[retty] | -i[ec] | -n[o-nice-names] | -s[tatistics] | -v[erbose] }

            """)
    }

    @Test func helpOnNothingKnownIsAnError() throws {
        let error = #expect(throws: DLSError.self) { try engine().run("help nosuch") }
        #expect(error?.message == "no help on 'nosuch' (try help, help builtins, help port or help wait)")
        #expect(error?.errno == "ENOENT")
    }

    @Test func leadingOptionsAfterDevlink() throws {
        try engine().run("devlink -j port show pci/0000:06:00.0/65535")
        #expect(output.text == #"{"port":{"pci/0000:06:00.0/65535":{"type":"eth","netdev":"enp6s0f0np0","flavour":"physical","port":0,"splittable":false}}}"# + "\n")
        output.clear()
        // For that line only: the next one prints text again.
        try engine().run("devlink -jp dev show\ndev show")
        #expect(output.text == """
            {
                "dev": {
                    "pci/0000:06:00.0": {},
                    "pci/0000:06:00.1": {}
                }
            }
            pci/0000:06:00.0
            pci/0000:06:00.1

            """)
    }

    @Test func trailingAndLongOptions() throws {
        try engine().run("dev show -j\ndevlink --json -s -v dev show")
        #expect(output.text == #"{"dev":{"pci/0000:06:00.0":{},"pci/0000:06:00.1":{}}}"# + "\n"
                + #"{"dev":{"pci/0000:06:00.0":{},"pci/0000:06:00.1":{}}}"# + "\n")
    }

    @Test func anUnknownOptionIsStillAnObjectError() throws {
        let error = #expect(throws: DLSError.self) { try engine().run("devlink -x port show") }
        #expect(error?.message == #"Object "-x" not found"#)
        #expect(error?.location?.column == 9)
    }

    @Test func errorsPointAtTheWordAsTyped() throws {
        let error = #expect(throws: DLSError.self) { try engine().run("devlink -j port shw") }
        #expect(error?.message == #"Command "shw" not found"#)
        #expect(error?.location?.column == 17)
    }
}

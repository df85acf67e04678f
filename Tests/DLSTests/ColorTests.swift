import DLS
import Testing

/// Colour in dls's own tables: only on a terminal, and never with NO_COLOR set (no-color.org: any
/// non-empty value).
@Suite struct ColorTests {
    @Test func colourOnlyOnATerminalWithoutNoColor() {
        #expect(DLSEngine.Format.colorWanted(terminal: true, environment: nil))
        #expect(DLSEngine.Format.colorWanted(terminal: true, environment: ""))
        #expect(!DLSEngine.Format.colorWanted(terminal: true, environment: "1"))
        #expect(!DLSEngine.Format.colorWanted(terminal: false, environment: nil))
    }

    @Test func qosTablesFollowTheFormat() throws {
        let script = """
            dev sriov set pci/0000:06:00.0 numvfs 1
            dev eswitch set pci/0000:06:00.0 mode switchdev
            qos simulate pci/0000:06:00.0 demand 1 1gbit
            """
        let plain = DLSCapturedOutput()
        try DLSEngine(backend: .defaultEmulator, output: plain).run(script)
        #expect(plain.text.contains("demand  ████") && !plain.text.contains("\u{1B}["))
        let coloured = DLSCapturedOutput()
        try DLSEngine(backend: .defaultEmulator, output: coloured, format: DLSEngine.Format(color: true)).run(script)
        #expect(coloured.text.contains("\u{1B}[32m████"))
    }
}

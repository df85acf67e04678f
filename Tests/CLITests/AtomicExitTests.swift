import DLS
import Testing
@testable import dls

/// `dls --atomic` when the script calls `exit(N)`: 0 keeps the changes, anything else rolls them
/// back. The emulator's state does not outlive a CLI process, so this looks at it in-process.
@Suite struct AtomicExitTests {
    func run(_ source: String) throws -> (status: Int32, report: String, mode: DLSValue) {
        let engine = try DLSEngine(backend: .defaultEmulator, output: DLSCapturedOutput())
        let transaction = try engine.beginTransaction()
        var outcome: (status: Int32, report: String) = (-1, "no error")
        do throws(DLSError) {
            try engine.run(source)
        } catch {
            outcome = ScriptRunner.conclude(error, transaction: transaction)
        }
        return (outcome.status, outcome.report, try engine.evaluate("eswitch(\"pci/0000:06:00.0\").mode"))
    }

    @Test func exitZeroKeepsTheChanges() throws {
        let r = try run("dev eswitch set pci/0000:06:00.0 mode switchdev\nexit(0)")
        #expect(r.status == 0)
        #expect(r.report == "")
        #expect(r.mode == .string("switchdev"))
    }

    @Test func anyOtherStatusRollsThemBack() throws {
        let r = try run("dev eswitch set pci/0000:06:00.0 mode switchdev\nexit(4)")
        #expect(r.status == 4)
        #expect(r.report == "--atomic: rolled back, no changes were kept\n")
        #expect(r.mode == .string("legacy"))
    }
}

import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// `health set` inside `transaction { }`: the journal sets back the attributes the request named.
@Suite struct HealthJournalTests {
    static let device = DeviceHandle(bus: "netdevsim", name: "netdevsim1")


    @Test(arguments: [UndoStrategy.journal, .automatic], ["6.12", "6.18"])
    func rollbackRestoresReporterSettings(undo: UndoStrategy, kernel: String) throws {
        let session = try EmulatedSession(builtin: "netdevsim@\(kernel)")
        try session.perform(SetHealthReporter(Self.device, name: "dummy", gracePeriod: 7))
        let before = try session.perform(ListHealthReporters(of: Self.device))
        let burst = kernel == "6.18" ? " burst_period 3" : ""
        let failure = runJournaled("""
            let dev = "netdevsim/netdevsim1"
            transaction {
                health set $dev reporter dummy grace_period 100\(burst) auto_dump false
                health set $dev reporter dummy auto_recover false
                health set $dev reporter empty auto_dump false
                port function rate del $dev/no_such_node
            }
            """, on: session, undo: undo)
        #expect(failure?.contains("transaction rolled back: no changes were kept") == true, "\(failure ?? "no failure")")
        #expect(try session.perform(ListHealthReporters(of: Self.device)) == before)
    }
}

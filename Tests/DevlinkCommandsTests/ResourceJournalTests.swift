import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// `resource set` inside `transaction { }`: the journal sets the old pending size back.
@Suite struct ResourceJournalTests {
    static let device = DeviceHandle(bus: "netdevsim", name: "netdevsim1")


    @Test(arguments: [UndoStrategy.journal, .automatic])
    func rollbackRestoresPendingSizes(undo: UndoStrategy) throws {
        let session = try EmulatedSession(builtin: "netdevsim")
        try session.perform(SetResourceSize(Self.device, id: 5, size: 500))
        let before = try session.perform(ListResources(Self.device))
        let failure = runJournaled("""
            let dev = "netdevsim/netdevsim1"
            transaction {
                resource set $dev path /IPv4/fib size 96
                resource set $dev path /IPv6/fib size 700
                resource set $dev path /IPv4 size 10
                port function rate del $dev/no_such_node
            }
            """, on: session, undo: undo)
        #expect(failure?.contains("transaction rolled back: no changes were kept") == true, "\(failure ?? "no failure")")
        #expect(try session.perform(ListResources(Self.device)) == before)
    }
}

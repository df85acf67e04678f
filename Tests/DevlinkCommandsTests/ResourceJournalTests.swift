import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// `resource set` inside `transaction { }`: the journal sets the old pending size back.
@Suite struct ResourceJournalTests {
    static let device = DeviceHandle(bus: "netdevsim", name: "netdevsim1")

    func run(_ source: String, on session: EmulatedSession, undo: UndoStrategy) -> String? {
        let interpreter = Interpreter(output: CapturedOutput())
        DevlinkHost(session: session, undo: undo).install(in: interpreter)
        do {
            try interpreter.run(source, file: "t.dls")
            return nil
        } catch {
            return interpreter.render(error)
        }
    }

    @Test(arguments: [UndoStrategy.journal, .automatic])
    func rollbackRestoresPendingSizes(undo: UndoStrategy) throws {
        let session = try EmulatedSession(builtin: "netdevsim")
        try session.perform(SetResourceSize(Self.device, id: 5, size: 500))
        let before = try session.perform(ListResources(Self.device))
        let failure = run("""
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

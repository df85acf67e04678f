import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// A kernel message on a successful request (an extack with error 0) is printed for every command as
/// devlink prints it (`Warning: MSG.` on stderr, iproute2's print_ext_ack_msg), not only for the
/// replies that carry their own (reload, enslave): the session queues them, the host prints them.
@Suite struct SuccessWarningTests {
    /// The emulator, with the note a driver might attach to every write.
    final class NotingSession: DeviceSession {
        let inner: EmulatedSession
        var queued: [String] = []

        init() throws { inner = try EmulatedSession(builtin: "netdevsim") }

        func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
            let reply = try inner.perform(operation)
            if Operation.changesState { queued.append("netdevsim: noted \(Operation.command)") }
            return reply
        }

        func drainEvents() throws -> [DevlinkEvent] { try inner.drainEvents() }
        func settle() throws -> Bool { try inner.settle() }

        func drainWarnings() -> [String] {
            defer { queued = [] }
            return queued
        }
    }

    func run(_ source: String, session: NotingSession) -> (out: String, err: String) {
        let output = CapturedOutput()
        let host = DevlinkHost(session: session)
        let interpreter = Interpreter(output: output)
        host.install(in: interpreter)
        do {
            _ = try interpreter.run(source, file: "test.dls")
            return (output.text, output.errors)
        } catch {
            return (output.text, output.errors + interpreter.render(error))
        }
    }

    @Test func everyWriteShowsItsWarning() throws {
        let session = try NotingSession()
        let r = run("""
            dev eswitch set netdevsim/netdevsim1 mode switchdev
            dev show netdevsim/netdevsim1
            let rate = port function rate add netdevsim/netdevsim1/g1 tx_max 10mbit
            """, session: session)
        #expect(r.out == "netdevsim/netdevsim1\n")
        // Shown once each, also for a result a script keeps; a read shows none.
        #expect(r.err == "Warning: netdevsim: noted DEVLINK_CMD_ESWITCH_SET.\nWarning: netdevsim: noted DEVLINK_CMD_RATE_NEW.\n")
    }

    @Test func aWarningComesBeforeALaterError() throws {
        let session = try NotingSession()
        session.queued = ["left over from a rollback"]
        let r = run("port function rate add netdevsim/netdevsim1/g1 tx_max 10mbit\n", session: session)
        // Not in switchdev: the request fails; only this line's messages are shown.
        #expect(!r.err.contains("left over"), "\(r.err)")
        #expect(r.err.hasPrefix("test.dls:1:1: Error: netdevsim: Node creation allowed only in switchdev mode."), "\(r.err)")
        let second = run("""
            dev eswitch set netdevsim/netdevsim1 mode switchdev
            transaction {
                port function rate add netdevsim/netdevsim1/g1 tx_max 10mbit
                port function rate add netdevsim/netdevsim1/g1 tx_max 10mbit
            }
            """, session: session)
        #expect(second.err.hasPrefix("Warning: netdevsim: noted DEVLINK_CMD_ESWITCH_SET.\nWarning: netdevsim: noted DEVLINK_CMD_RATE_NEW.\n"), "\(second.err)")
    }

    @Test func aPeriodIsAddedOnlyWhenMissing() {
        #expect(FailureReport.extackLine("done.", isError: false) == "Warning: done.")
        #expect(FailureReport.extackLine("done", isError: true) == "Error: done.")
    }
}

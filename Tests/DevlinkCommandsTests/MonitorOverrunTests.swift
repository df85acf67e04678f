import DevlinkCommands
import DevlinkModel
import DLSLanguage
import Testing

/// A REPL that never drained the kernel's notification socket overruns it (ENOBUFS). The next
/// `monitor` says once that notifications were lost and goes on watching, as `ip monitor` does;
/// `events()` says it too, once.
@Suite struct MonitorOverrunTests {
    /// QueuedEvents whose socket overran `overruns` times before the events it still holds.
    final class OverrunSession: DeviceSession {
        let events = QueuedEvents()
        var overruns = 0

        func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
            try events.perform(operation)
        }
        func drainEvents() throws -> [DevlinkEvent] { try events.drainEvents() }
        func settle() throws -> Bool { try events.settle() }
        func drainEventOverruns() -> Int {
            defer { overruns = 0 }
            return overruns
        }
    }

    @Test func monitorNotesTheLossOnceAndGoesOn() throws {
        let session = OverrunSession()
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        DevlinkHost(session: session).install(in: interpreter)
        let pf = try DeviceHandle(parsing: "pci/0000:01:00.0")
        session.overruns = 1
        session.events.queued = [.deviceNew(pf)]
        session.events.arriving = [.deviceDel(pf)]
        try interpreter.run("monitor\nprint(len(events()))\nprint(len(events()))", file: "t.dls")
        #expect(output.text == "[dev,del] pci/0000:01:00.0\n2\n2\n")
        #expect(output.errors == EventBacklog.lossNote + "\n" + EventBacklog.lossNote + "; events() misses them\n")
    }

    @Test func aLaterLossIsNotedAgain() throws {
        let session = OverrunSession()
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        DevlinkHost(session: session).install(in: interpreter)
        try interpreter.run("monitor count 0", file: "t.dls")
        #expect(output.errors == "")
        session.overruns = 2
        session.events.arriving = [.deviceDel(try DeviceHandle(parsing: "pci/0000:01:00.0"))]
        try interpreter.run("monitor", file: "t.dls")
        #expect(output.text == "[dev,del] pci/0000:01:00.0\n")
        #expect(output.errors == EventBacklog.lossNote + "\n")
    }
}

import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// `monitor` on the emulator, as `devlink monitor`: only what arrives while it runs (never the
/// backlog, which `events()` keeps), in devlink's `[obj,cmd]` format, filtered, counted, as JSON and
/// as values. On the virtual clock a timeout moves time exactly, so the driver work falling due in
/// that window (an SF's attach 500 ms after `state active`) shows, every run.
@Suite struct MonitorCommandTests {
    struct Run {
        var out: String
        var err: String
        var failed: Bool
        var session: EmulatedSession
    }

    func run(_ source: String, json: Bool = false, topology: Topology = .netdevsim) throws -> Run {
        let output = CapturedOutput()
        let session = try EmulatedSession(topology: topology)
        let host = DevlinkHost(session: session, options: OutputOptions(json: json))
        let interpreter = Interpreter(output: output)
        host.install(in: interpreter)
        do {
            _ = try interpreter.run(source, file: "test.dls")
            return Run(out: output.text, err: output.errors, failed: false, session: session)
        } catch {
            return Run(out: output.text, err: output.errors + interpreter.render(error), failed: true, session: session)
        }
    }

    static let switchdev = "dev eswitch set netdevsim/netdevsim1 mode switchdev\n"
    /// An mlx5 SF activated just before the monitor: it attaches 500 ms later.
    static let activeSF = """
        dev eswitch set pci/0000:06:00.0 mode switchdev
        let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
        port function set $sf state active

        """
    static let attachedSF = """
        [port,new] pci/0000:06:00.0/32768: type eth netdev enp6s0pf0sf88 flavour pcisf controller 0 pfnum 0 sfnum 88 external false splittable false
          function:
            hw_addr 00:00:00:00:00:00 state active opstate attached roce enable max_io_eqs 8
              nested_devlink:
                auxiliary/mlx5_core.sf.2

        """

    @Test func showsNothingFromBeforeItStarted() throws {
        let r = try run(Self.switchdev + """
            port function rate add netdevsim/netdevsim1/g1 tx_max 10mbit
            monitor
            port function rate del netdevsim/netdevsim1/g1
            monitor timeout 0.1
            let shown = monitor rate timeout 1
            assert len(shown) == 0
            """)
        #expect(!r.failed, "\(r.err)")
        #expect(r.out == "")
        #expect(r.session.clockSeconds == 1.1)
    }

    @Test func theBacklogIsKeptByEvents() throws {
        let r = try run(Self.switchdev + """
            port function rate add netdevsim/netdevsim1/g1 tx_max 10mbit
            monitor timeout 0.1
            let mark = len(events())
            port function rate del netdevsim/netdevsim1/g1
            for e in events() { print(e) }
            let since = slice(events(), mark)
            print(len(since), since[0].object, since[0].command, since[0].value.handle, since[0].value.tx_max)
            """)
        #expect(!r.failed, "\(r.err)")
        #expect(r.out == """
            [rate,new] netdevsim/netdevsim1/g1: type node tx_max 10Mbit
            [rate,del] netdevsim/netdevsim1/g1: type node tx_max 10Mbit
            1 rate del netdevsim/netdevsim1/g1 10Mbit

            """)
    }

    @Test func aTimeoutLetsTheDriverWorkOfThatWindowHappen() throws {
        let r = try run(Self.activeSF + """
            monitor port timeout 0.3
            print("-- 0.3 s: still probing")
            monitor port timeout 0.3
            print("-- 0.6 s")
            monitor port timeout 1
            """, topology: .mlx5)
        #expect(!r.failed, "\(r.err)")
        #expect(r.out == "-- 0.3 s: still probing\n" + Self.attachedSF + "-- 0.6 s\n")
        #expect(r.session.clockSeconds == 1.6)
    }

    @Test func aCountStopsAtTheEventThatCompletesIt() throws {
        let r = try run(Self.activeSF + """
            let first = monitor dev count 1 timeout 5
            assert len(first) == 1 && first[0].object == "dev" && first[0].value.handle == "auxiliary/mlx5_core.sf.2"
            print(first[0])
            """, topology: .mlx5)
        #expect(!r.failed, "\(r.err)")
        #expect(r.out == "[dev,new] auxiliary/mlx5_core.sf.2\n")
        #expect(r.session.clockSeconds == 0.5)
    }

    @Test func withoutTimeoutTheVirtualClockRunsWhatIsPendingAndStops() throws {
        let r = try run(Self.activeSF + "monitor port\nmonitor port\n", topology: .mlx5)
        #expect(!r.failed, "\(r.err)")
        #expect(r.out == Self.attachedSF)
        #expect(r.session.clockSeconds == 0.5)
    }

    @Test func jsonOneObjectPerEvent() throws {
        let r = try run(Self.activeSF + "monitor dev\n", json: true, topology: .mlx5)
        #expect(r.out == "{\"event\":\"dev,new\",\"dev\":{\"auxiliary/mlx5_core.sf.2\":{}}}\n")
    }

    @Test func aSessionWithoutClockIsWatchedUntilItSaysNothingCanArrive() throws {
        let session = QueuedEvents()
        let output = CapturedOutput()
        let host = DevlinkHost(session: session)
        let interpreter = Interpreter(output: output)
        host.install(in: interpreter)
        session.queued = [.deviceNew(try DeviceHandle(parsing: "pci/0000:01:00.0"))]
        session.arriving = [.deviceDel(try DeviceHandle(parsing: "pci/0000:01:00.0"))]
        try interpreter.run("monitor\nprint(len(events()))", file: "t.dls")
        #expect(output.text == "[dev,del] pci/0000:01:00.0\n2\n")
    }

    @Test func theBacklogKeepsTheNewestWhenFull() throws {
        let session = QueuedEvents()
        let backlog = EventBacklog()
        let handles = try (0..<(EventBacklog.limit * 2)).map { try DeviceHandle(parsing: "pci/0000:01:00.\($0)") }
        for handle in handles {
            session.queued = [.deviceNew(handle)]
            try backlog.collect(from: session)
        }
        #expect(backlog.events.count >= EventBacklog.limit && backlog.events.count <= EventBacklog.limit * 5 / 4)
        #expect(backlog.events.last == .deviceNew(handles.last!))
    }

    @Test func badTimeoutAndHelp() throws {
        let bad = try run("monitor timeout -1")
        #expect(bad.failed && bad.err.contains("Invalid timeout \"-1\""))
        let help = try run("monitor help")
        #expect(help.err.hasPrefix("Usage: devlink monitor [ all | OBJECT-LIST ]"))
    }

    @Test func tableKnowsMonitor() {
        #expect(CommandTable.standard.commandWords.contains("monitor"))
        #expect(CommandTable.standard.completions(after: ["monitor"]).words == ["all", "dev", "port", "rate", "param", "count", "timeout"])
    }
}

/// A backend without a clock (as the kernel): `queued` is there before the monitor starts,
/// `arriving` comes during its first wait; after that it says nothing more can arrive.
final class QueuedEvents: DeviceSession {
    var queued: [DevlinkEvent] = []
    var arriving: [DevlinkEvent] = []

    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        throw DevlinkError(.EOPNOTSUPP, "no devices here")
    }

    func drainEvents() throws -> [DevlinkEvent] {
        defer { queued = [] }
        return queued
    }

    func settle() throws -> Bool {
        queued += arriving
        arriving = []
        return false
    }
}

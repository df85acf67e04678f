import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// `monitor` on the emulator: the notifications the script's own commands caused, in devlink's
/// `[obj,cmd]` format, filtered, counted, as JSON and as values.
@Suite struct MonitorCommandTests {
    func run(_ source: String, json: Bool = false, topology: Topology = .netdevsim) throws -> (out: String, err: String, failed: Bool) {
        let output = CapturedOutput()
        let host = DevlinkHost(session: try EmulatedSession(topology: topology), options: OutputOptions(json: json))
        let interpreter = Interpreter(output: output)
        host.install(in: interpreter)
        do {
            _ = try interpreter.run(source, file: "test.dls")
            return (output.text, output.errors, false)
        } catch {
            return (output.text, output.errors + interpreter.render(error), true)
        }
    }

    static let switchdev = "dev eswitch set netdevsim/netdevsim1 mode switchdev\n"

    @Test func printsQueuedEventsOnceInDevlinkFormat() throws {
        let r = try run(Self.switchdev + """
            port function rate add netdevsim/netdevsim1/g1 tx_max 10mbit
            monitor
            port function rate del netdevsim/netdevsim1/g1
            monitor timeout 0.1
            monitor
            """)
        #expect(!r.failed)
        #expect(r.out == """
            [rate,new] netdevsim/netdevsim1/g1: type node tx_max 10Mbit
            [rate,del] netdevsim/netdevsim1/g1: type node tx_max 10Mbit

            """)
    }

    @Test func filtersByObjectAndStopsAtCount() throws {
        let r = try run(Self.switchdev + """
            port function rate add netdevsim/netdevsim1/g1
            port function rate add netdevsim/netdevsim1/g2
            monitor port dev
            port function rate add netdevsim/netdevsim1/g3
            let first = monitor rate count 1
            assert len(first) == 1 && first[0].object == "rate" && first[0].command == "new"
            assert first[0].value.handle == "netdevsim/netdevsim1/g3"
            """)
        #expect(!r.failed, "\(r.err)")
        #expect(r.out == "")
    }

    @Test func jsonOneObjectPerEvent() throws {
        let r = try run(Self.switchdev + "port function rate add netdevsim/netdevsim1/g1 tx_share 8mbit\nmonitor\n", json: true)
        #expect(r.out == "{\"event\":\"rate,new\",\"rate\":{\"netdevsim/netdevsim1/g1\":{\"type\":\"node\",\"tx_share\":1000000}}}\n")
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

import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// `wait`, `sleep` and `settle` move the emulator's clock (issue 17: work ran only inside `wait`, so a
/// `sleep` poll loop written for hardware never saw an SF attach). On the virtual clock of tests they
/// jump, so these run in milliseconds.
@Suite("Clock builtins: wait, sleep, settle")
struct ClockBuiltinTests {
    func run(_ source: String) throws -> (out: String, failure: String?, session: EmulatedSession) {
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        let session = try EmulatedSession(builtin: "mlx5")
        DevlinkHost(session: session).install(in: interpreter)
        do {
            try interpreter.run(source, file: "t.dls")
            return (output.text, nil, session)
        } catch {
            return (output.text, interpreter.render(error), session)
        }
    }

    static let activeSF = """
        dev eswitch set pci/0000:06:00.0 mode switchdev
        let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
        port function set $sf state active
        fn attached() { return port(sf.handle).function.opstate == "attached" }

        """

    @Test func waitAnswersFalseWhenTheWorkIsDueAfterItsTimeout() throws {
        let r = try run(Self.activeSF + """
            print(wait(attached, 0.3))
            print(wait(attached, 1))
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "false\ntrue\n")
        // The first wait used its 0.3 s, the second stopped at the attach (0.5 s).
        #expect(r.session.clockSeconds == 0.5)
    }

    @Test func aSleepPollLoopSeesTheAttach() throws {
        let r = try run(Self.activeSF + """
            let polls = 0
            while !attached() && polls < 20 { sleep(0.1); polls += 1 }
            print(polls)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "5\n")
    }

    @Test func settleRunsThePendingWork() throws {
        let r = try run(Self.activeSF + """
            print(attached())
            print(settle())
            print(attached())
            port function set $sf state inactive
            settle()
            port function set $sf state active
            print(port(sf.handle).function.state)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "false\nnil\ntrue\nactive\n")
    }

    @Test func sleepStillChecksItsArgument() throws {
        #expect(try run("sleep(-1)").failure?.contains("seconds must be between 0 and 86400") == true)
        #expect(try run("sleep(\"x\")").failure?.contains("seconds must be a number, got string") == true)
        #expect(try run("settle(-2)").failure?.contains("timeout must be a non-negative number of seconds") == true)
    }

    @Test func clockBuiltinsHaveHelp() throws {
        let interpreter = Interpreter(output: CapturedOutput())
        DevlinkHost(session: try EmulatedSession(builtin: "mlx5")).install(in: interpreter)
        for name in ["wait", "sleep", "settle"] {
            guard case .native(let f)? = interpreter.global(name) else {
                Issue.record("\(name) is not defined")
                continue
            }
            #expect(f.help?.hasPrefix("\(name)(") == true)
        }
    }
}

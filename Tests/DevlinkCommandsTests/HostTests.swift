import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// The command host inside the language: printing, returned objects, errors, query builtins.
@Suite("DevlinkHost: commands as statements and expressions")
struct HostTests {
    func run(_ source: String, options: OutputOptions = OutputOptions()) throws -> (out: String, err: String, failure: String?) {
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        DevlinkHost(session: try EmulatedSession(builtin: "mlx5"), options: options).install(in: interpreter)
        do {
            try interpreter.run(source, file: "t.dls")
            return (output.text, output.errors, nil)
        } catch {
            return (output.text, output.errors, interpreter.render(error))
        }
    }

    /// `wait` answers false when the time is up (issue: it used to throw, so `assert wait(...), "msg"`
    /// never showed its message); it throws only on misuse.
    @Test func waitIsFalseWhenTheTimeIsUp() throws {
        let r = try run("""
            print(wait(fn() { false }, 0.3))
            print(wait(fn() { true }))
            if !wait(fn() { false }, 0) { print("fallback") }
            assert wait(fn() { false }, 0.1), "never true"
            """)
        #expect(r.out == "false\ntrue\nfallback\n")
        #expect(r.failure?.hasPrefix("t.dls:4:1: error: never true") == true, "\(r.failure ?? "")")
        let misuse = try run("wait(fn() { 1 }, 1)")
        #expect(misuse.failure?.contains("the condition must return a bool, got int") == true, "\(misuse.failure ?? "")")
        let badTimeout = try run("wait(fn() { true }, -1)")
        #expect(badTimeout.failure?.contains("timeout must be a non-negative number of seconds") == true)
    }

    @Test func bareCommandsPrintAndBoundOnesDoNot() throws {
        let r = try run("dev show\nlet d = dev show\nprint(len(d), d[0].handle)")
        #expect(r.out == "pci/0000:06:00.0\npci/0000:06:00.1\n2 pci/0000:06:00.0\n")
    }

    @Test func portAddReturnsThePortObject() throws {
        let r = try run("""
            dev eswitch set pci/0000:06:00.0 mode switchdev
            let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
            print(sf.index, sf.handle, sf.flavour, sf.sfnum, sf.function.state, sf.function.hw_addr)
            port function set $sf hw_addr $(mac("00:00:00:00:88:00") + 136) state active
            let p = port(sf.handle)
            print(p.function.hw_addr, p.function.state, p.function.opstate)
            wait(fn() { return port(sf.handle).function.opstate == "attached" }, 1)
            print(port(sf.netdev).function.opstate)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == """
            32768 pci/0000:06:00.0/32768 pcisf 88 inactive 00:00:00:00:00:00
            00:00:00:00:88:88 active detached
            attached

            """)
    }

    @Test func ratesAcceptRateValuesAndText() throws {
        let r = try run("""
            dev eswitch set pci/0000:06:00.0 mode switchdev
            let cap = 10gbit
            port function rate add pci/0000:06:00.0/g tx_max $cap tx_share 1Gbit
            let g = port function rate show pci/0000:06:00.0/g
            print(g.tx_max == 10gbit, g.tx_share, g.type, g.node)
            print(g)
            """)
        #expect(r.out == "true 1Gbit node g\npci/0000:06:00.0/g: type node tx_share 1Gbit tx_max 10Gbit\n")
    }

    /// One rate parser: a literal, `rate()` and a `tx_max` word read every spelling alike (an exponent
    /// once failed in `rate()` while the option took it).
    @Test func rateSpellingsAgreeEverywhere() throws {
        let r = try run("""
            dev eswitch set pci/0000:06:00.0 mode switchdev
            for text in ["1e3mbit", "1.5Gbps", "+2mbit", "125000000bps", "10GBIT"] {
                port function rate add pci/0000:06:00.0/n tx_max $text
                let set = port function rate show pci/0000:06:00.0/n
                print(set.tx_max == rate(text), rate(text))
                port function rate del pci/0000:06:00.0/n
            }
            print(1e3mbit == rate("1e3mbit"), 1.5Gbps == rate("1.5gbps"))
            """)
        #expect(r.out == "true 1Gbit\ntrue 12Gbit\ntrue 2Mbit\ntrue 1Gbit\ntrue 10Gbit\ntrue true\n")
    }

    @Test func failuresCarryDevlinkLinesErrnoAndCaret() throws {
        let r = try run("""
            try {
                port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 1
            } catch e {
                print(e.errno, e.message)
            }
            port add pci/0000:06:00.0 flavour pcisf pfnum x
            """)
        #expect(r.out == "EOPNOTSUPP Error: mlx5_core: SF ports are only supported in eswitch switchdev mode.\n")
        #expect(r.failure == """
            t.dls:6:47: error: "x" is not a number or not within range
                port add pci/0000:06:00.0 flavour pcisf pfnum x
                                                              ^
            note: pfnum takes an unsigned 16-bit number (0...65535)
            """)
    }

    @Test func valuesOfTheWrongKindAreRefusedWithTheOption() throws {
        let r = try run("let xs = [1]\nport add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum $xs")
        #expect(r.failure?.contains("note: sfnum takes an unsigned 32-bit number (0...4294967295), got list") == true)
        let neg = try run("port add pci/0000:06:00.0 flavour pcisf pfnum $(-1)")
        #expect(neg.failure?.hasPrefix("t.dls:1:47: error: \"-1\" is not a number or not within range") == true)
    }

    @Test func jsonOptionPrintsOneDocumentPerStatement() throws {
        let r = try run("dev show\ndev show pci/0000:06:00.1", options: OutputOptions(json: true))
        #expect(r.out == "{\"dev\":{\"pci/0000:06:00.0\":{},\"pci/0000:06:00.1\":{}}}\n{\"dev\":{\"pci/0000:06:00.1\":{}}}\n")
    }

    @Test func helpGoesToStderr() throws {
        let r = try run("port function rate help")
        #expect(r.out.isEmpty)
        #expect(r.err.hasPrefix("Usage: devlink port function rate help\n"))
    }

    @Test func queryBuiltins() throws {
        let r = try run("""
            dev sriov set pci/0000:06:00.0 numvfs 2
            dev eswitch set pci/0000:06:00.0 mode switchdev
            print(len(devices()), len(ports()), len(ports("pci/0000:06:00.0", flavour: "pcivf")))
            print(len(rates("pci/0000:06:00.0")), eswitch("pci/0000:06:00.0").mode)
            print(mac("00:00:00:00:00:ff") + 1, mac(1) - 1)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "2 4 2\n2 switchdev\n00:00:00:00:01:00 00:00:00:00:00:00\n")
    }

    @Test func macArithmeticStopsAtTheEnds() throws {
        let r = try run("print(mac(\"ff:ff:ff:ff:ff:ff\") + 1)")
        #expect(r.failure?.contains("leaves the address space") == true)
    }
}

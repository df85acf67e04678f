import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// Issue 25 at the command level: `kernel()`, the refusal of options the kernel lacks (devlink-style
/// line, the option's word, exit status of a failed command), and tc_bw nil where the kernel has none.
@Suite struct KernelFeatureTests {
    func run(_ source: String, topology: String = "netdevsim") throws -> (out: String, failure: String?) {
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        let (name, version) = Topology.splitVersion(topology)
        let base = try #require(Topology.builtin(named: name))
        DevlinkHost(session: try EmulatedSession(topology: try base.at(version: version))).install(in: interpreter)
        do {
            try interpreter.run(source, file: "t.dls")
            return (output.text, nil)
        } catch {
            return (output.text, interpreter.render(error))
        }
    }

    @Test func kernelShowsTheModeledFeatures() throws {
        let r = try run("""
            let k = kernel()
            print(k.version, k.source, k.note)
            print(k.features)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == """
            6.12 modeled nil
            {"rates": true, "tc_bw": false, "max_io_eqs": true, "switchdev_inactive": false, "param_default": false, "health_burst_period": false}

            """)
        let newer = try run("print(kernel().features.tc_bw, kernel().version)", topology: "netdevsim@6.19")
        #expect(newer.out == "true 6.19\n")
    }

    @Test func tcBandwidthIsRefusedAtTheOptionAndChangesNothing() throws {
        let r = try run("""
            let d = "netdevsim/netdevsim1"
            dev eswitch set $d mode switchdev
            try {
                port function rate add $d/g1 tx_max 10mbit tc-bw 0:20 1:80 2:0 3:0 4:0 5:0 6:0 7:0
            } catch e { print(e.errno, e.message) }
            print(len(rates(d)))
            port function rate set $d/0 tc-bw 0:20 1:80 2:0 3:0 4:0 5:0 6:0 7:0
            """)
        #expect(r.out == "EOPNOTSUPP Error: tc-bw needs kernel 6.17 or later (this kernel is 6.12; nothing was sent).\n0\n")
        // The caret points at `tc-bw`, the option this kernel lacks.
        #expect(r.failure == """
            t.dls:7:29: Error: tc-bw needs kernel 6.17 or later (this kernel is 6.12; nothing was sent).
                port function rate set $d/0 tc-bw 0:20 1:80 2:0 3:0 4:0 5:0 6:0 7:0
                                            ^
            """, "\(r.failure ?? "")")
    }

    @Test func tcBandwidthReadsNilWhereTheKernelHasNone() throws {
        let script = """
            let d = "netdevsim/netdevsim1"
            dev eswitch set $d mode switchdev
            port function rate add $d/g1 tx_max 10mbit
            print(rates(d)[0].tc_bw)
            """
        #expect(try run(script).out == "nil\n")
        #expect(try run(script, topology: "netdevsim@6.17").out == "[0, 0, 0, 0, 0, 0, 0, 0]\n")
    }

    @Test func maxIOEQsNeeds610() throws {
        let r = try run("""
            let d = "pci/0000:06:00.0"
            dev eswitch set $d mode switchdev
            let sf = port add $d flavour pcisf pfnum 0 sfnum 88
            try { port function set $sf max_io_eqs 4 } catch e { print(e.message) }
            """, topology: "mlx5@6.9")
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "Error: max_io_eqs needs kernel 6.10 or later (this kernel is 6.9; nothing was sent).\n")
    }

    /// Before 6.10 devlink has no MAX_IO_EQS: the emulated mlx5 reports none (nil), from 6.10 it does.
    @Test func maxIOEQsIsReportedFrom610() throws {
        let script = """
            let d = "pci/0000:06:00.0"
            dev eswitch set $d mode switchdev
            let sf = port add $d flavour pcisf pfnum 0 sfnum 88
            print(sf.function.max_io_eqs)
            """
        #expect(try run(script, topology: "mlx5@6.9").out == "nil\n")
        let current = try run(script, topology: "mlx5@6.10")
        #expect(current.failure == nil && current.out != "nil\n", "\(current.out)")
    }
}

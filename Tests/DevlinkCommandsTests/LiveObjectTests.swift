import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// Objects from commands and queries follow the device (issue 17: after `port function set $sf state
/// active`, `sf.function.state` still said "inactive"); `snapshot(x)` freezes a copy.
@Suite("Live objects and snapshot()")
struct LiveObjectTests {
    func run(_ source: String) throws -> (out: String, failure: String?) {
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        DevlinkHost(session: try EmulatedSession(builtin: "mlx5")).install(in: interpreter)
        do {
            try interpreter.run(source, file: "t.dls")
            return (output.text, nil)
        } catch {
            return (output.text, interpreter.render(error))
        }
    }

    static let sf = """
        dev eswitch set pci/0000:06:00.0 mode switchdev
        let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88

        """

    @Test func aPortObjectSeesLaterCommandsAndTime() throws {
        let r = try run(Self.sf + """
            let frozen = snapshot(sf)
            port function set $sf hw_addr 00:00:00:00:88:88 state active
            print(sf.function.state, sf.function.opstate, sf.function.hw_addr)
            let polls = 0
            while sf.function.opstate != "attached" && polls < 50 { sleep(0.1); polls += 1 }
            print(sf.function.opstate, frozen.function.state, frozen.function.opstate)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "active detached 00:00:00:00:88:88\nattached inactive detached\n")
    }

    @Test func waitConditionsMayReadTheObject() throws {
        let r = try run(Self.sf + """
            port function set $sf state active
            print(wait(fn() { sf.function.opstate == "attached" }, 2))
            """)
        #expect(r.out == "true\n", "\(r.failure ?? "")")
    }

    @Test func queriesAndListsAreLiveAndSnapshotFreezesInside() throws {
        let r = try run(Self.sf + """
            let all = ports("pci/0000:06:00.0", flavour: "pcisf")
            let frozen = snapshot({list: all})
            port function set $sf state active
            settle()
            print(all[0].function.opstate, frozen.list[0].function.opstate, port(sf.handle).function.opstate)
            """)
        #expect(r.out == "attached detached attached\n", "\(r.failure ?? "")")
    }

    @Test func aRateObjectSeesLaterCommands() throws {
        let r = try run("""
            dev eswitch set pci/0000:06:00.0 mode switchdev
            port function rate add pci/0000:06:00.0/g1 tx_max 10gbit
            let g = filter(rates("pci/0000:06:00.0"), fn(r) { r.node == "g1" })[0]
            let before = snapshot(g)
            port function rate set pci/0000:06:00.0/g1 tx_max 20gbit
            print(g.tx_max, before.tx_max)
            """)
        #expect(r.out == "20Gbit 10Gbit\n", "\(r.failure ?? "")")
    }

    @Test func aDeletedPortKeepsItsLastFields() throws {
        let r = try run(Self.sf + """
            port function set $sf state active
            settle()
            port del $sf
            print(sf.handle, sf.function.opstate)
            """)
        #expect(r.out == "pci/0000:06:00.0/32768 attached\n", "\(r.failure ?? "")")
    }

    @Test func aBondObjectSeesItsSlavesAndTheLagForm() throws {
        let r = try run("""
            let b = lag add bond0 mode active-backup miimon 100
            let before = snapshot(b)
            lag slave add bond0 enp6s0f0np0
            lag slave add bond0 enp6s0f1np1
            link set bond0 up
            let shown = lag show bond0
            print(len(b.slaves), b.up, b.lag.active, shown.lag.state)
            settle()
            print(b.lag.active, b.lag.rdma, shown.lag.active, len(before.slaves), before.up, before.lag)
            let listed = bonds()
            let one = bond("bond0")
            lag del bond0
            print(len(listed[0].slaves), one.name, one.up)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "2 true false disabled\ntrue mlx5_bond_0 true 0 false nil\n2 bond0 true\n")
    }

    /// `hardware_lag(dev)` and a bond's `lag` kept in a variable follow the card as `bond.lag` does.
    @Test func aHardwareLagObjectSeesTheLagFormAndGo() throws {
        let r = try run("""
            let l = hardware_lag("pci/0000:06:00.0")
            let before = snapshot(l)
            let b = lag add bond0 mode active-backup miimon 100
            lag slave add bond0 enp6s0f0np0
            lag slave add bond0 enp6s0f1np1
            link set bond0 up
            settle()
            let kept = b.lag
            print(l.active, l.mode, l.bond, before.active, kept.active)
            let frozen = snapshot(l)
            lag del bond0
            settle()
            print(l.active, l.bond, kept.active, frozen.active, before.active)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "true roce bond0 false true\nfalse nil false true false\n")
    }

    @Test func anEswitchObjectSeesLaterModeChanges() throws {
        let r = try run("""
            let e = dev eswitch show pci/0000:06:00.0
            let q = eswitch("pci/0000:06:00.0")
            let before = snapshot(e)
            dev eswitch set pci/0000:06:00.0 mode switchdev
            print(e.mode, q.mode, before.mode, snapshot([q])[0].mode)
            dev eswitch set pci/0000:06:00.0 mode legacy
            print(e.mode, q.mode, before.mode)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "switchdev switchdev legacy switchdev\nlegacy legacy legacy\n")
    }

    @Test func valuesThatAreNotObjectsAreUnchanged() throws {
        let r = try run("print(snapshot(1), snapshot([1, \"a\"]), snapshot(nil))")
        #expect(r.out == "1 [1, \"a\"] nil\n", "\(r.failure ?? "")")
    }
}

import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// Everything a user can observe through a session (what the journal must put back), except ifindexes:
/// an interface that is created again gets a new one from the kernel.
struct SessionView: Equatable {
    var ports: [Port] = []
    var rates: [RateObject] = []
    var eswitches: [Eswitch] = []
    var numVFs: [UInt32] = []
    var params: [Param] = []
    var interfaces: [NetInterface] = []
    var bonds: [Bond] = []

    init(_ session: EmulatedSession) throws {
        try session.settle()
        ports = try session.ports(of: nil).map { var p = $0; p.ifindex = nil; return p }
        rates = try session.rates(of: nil)
        params = try session.params(of: nil)
        // An SF's own instance (auxiliary/mlx5_core.sf.N) has no eswitch: EOPNOTSUPP, as in the kernel.
        for device in try session.devices() where device.bus != "auxiliary" {
            eswitches.append(try session.eswitch(device))
            numVFs.append(try session.sriovNumVFs(device))
        }
        interfaces = try session.interfaces().map { var i = $0; i.ifindex = 0; return i }.sorted { $0.name < $1.name }
        bonds = try session.bonds().map { bond in
            var b = bond
            b.ifindex = 0
            b.slaves = b.slaves.map { var s = $0; s.ifindex = 0; return s }
            return b
        }
    }
}

/// `transaction { }` through DevlinkHost: the emulator's snapshots and the journal of inverse requests.
@Suite struct TransactionRollbackTests {
    /// A multi-step provisioning script touching every kind of change the journal knows.
    static let steps = [
        "dev sriov set $dev numvfs 2",
        "dev eswitch set $dev mode switchdev",
        "let sf = port add $dev flavour pcisf pfnum 0 sfnum 88",
        "port function set $sf hw_addr 00:00:00:00:88:01 state active",
        "port function rate add $dev/group tx_max 10gbit tx_share 1gbit",
        "port function rate set $sf parent group tx_share 1gbit",
        "let vf = ports(dev, flavour: \"pcivf\")[0]",
        "port function set $vf hw_addr 02:00:00:00:00:01 roce disable",
        "port function rate set $vf parent group tx_max 2gbit",
        "let sf2 = port add $dev flavour pcisf pfnum 0 sfnum 89",
        "port function set $sf2 hw_addr 00:00:00:00:89:01",
        "port del $sf",
        "port function rate set $vf noparent",
        "port function rate add $dev/inner parent group",
        "port function rate del $dev/inner",
        "lag add bond0 mode active-backup miimon 100",
        "lag slave add bond0 enp6s0f1np1",
        "link set bond0 up",
        "lag set bond0 miimon 200",
        "lag slave del enp6s0f1np1",
        "lag del bond0",
        "dev eswitch set pci/0000:06:00.1 mode switchdev",
        "dev eswitch set pci/0000:06:00.1 mode legacy",
    ]

    /// mlx5 at 6.15, the first kernel whose mlx5 takes a node parent (the `inner` step).
    static func session() throws -> EmulatedSession {
        try EmulatedSession(topology: Topology.mlx5.at(version: "6.15"))
    }

    /// Runs `steps[0..<n]` then a failing command, all inside one transaction.
    static func failingTransaction(after n: Int) -> String {
        "let dev = \"pci/0000:06:00.0\"\ntransaction {\n" + steps.prefix(n).joined(separator: "\n")
            + "\nport function rate del $dev/no_such_node\n}\n"
    }

    @Test func everyStepRunsWithoutTheFailure() throws {
        let session = try Self.session()
        let script = "let dev = \"pci/0000:06:00.0\"\n" + Self.steps.joined(separator: "\n")
        #expect(runJournaled(script, on: session, undo: .journal) == nil)
    }

    @Test(arguments: 0...steps.count)
    func snapshotRollbackRestoresTheExactState(failingAt n: Int) throws {
        let session = try Self.session()
        let before = session.snapshot()
        let failure = runJournaled(Self.failingTransaction(after: n), on: session, undo: .automatic)
        #expect(failure?.contains("transaction rolled back: no changes were kept") == true, "\(failure ?? "no failure")")
        #expect(session.snapshot() == before)
    }

    @Test(arguments: 0...steps.count)
    func journalRollbackRestoresWhatUsersSee(failingAt n: Int) throws {
        let session = try Self.session()
        let before = try SessionView(session)
        let failure = runJournaled(Self.failingTransaction(after: n), on: session, undo: .journal)
        #expect(failure?.contains("transaction rolled back: no changes were kept") == true, "\(failure ?? "no failure")")
        let after = try SessionView(session)
        #expect(after.ports == before.ports)
        #expect(after.rates == before.rates)
        #expect(after.eswitches == before.eswitches)
        #expect(after.numVFs == before.numVFs)
        #expect(after.params == before.params)
        #expect(after.interfaces == before.interfaces)
        #expect(after.bonds == before.bonds)
    }
}

import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Foundation
import Testing

/// `lag` and `link` commands through the language: text and JSON output, values, errors, warnings,
/// and the RoCE LAG example script.
@Suite struct LagCommandTests {
    struct Run {
        var stdout: String
        var stderr: String
        var failure: ScriptFailure?
    }

    func run(_ source: String, json: Bool = false, session: EmulatedSession? = nil) throws -> Run {
        let s = try session ?? EmulatedSession()
        let output = CapturedOutput()
        let host = DevlinkHost(session: s, options: OutputOptions(json: json))
        let interpreter = Interpreter(output: output)
        host.install(in: interpreter)
        do {
            _ = try interpreter.run(source, file: "test.dls")
            return Run(stdout: output.text, stderr: output.errors, failure: nil)
        } catch {
            return Run(stdout: output.text, stderr: output.errors, failure: error)
        }
    }

    static let bonded = """
        lag add bond0 mode active-backup miimon 100
        lag slave add bond0 enp6s0f0np0
        lag slave add bond0 enp6s0f1np1
        link set bond0 up
        assert wait(fn() { bond("bond0").lag.active }, 1)

        """

    /// Each address of a target list is checked; the message names the bad one and the bond is not made.
    @Test func addressListsAreCheckedOneByOne() throws {
        for (line, message) in [
            ("lag add b0 mode active-backup arp_ip_target 192.0.2.1,300.1.1.1", "an IP address is expected rather than \"300.1.1.1\""),
            ("lag add b0 mode active-backup ns_ip6_target fe80::1,zz::1", "an IPv6 address is expected rather than \"zz::1\""),
        ] {
            guard case .runtime(let e)? = try run(line).failure else { Issue.record("\(line) succeeded"); continue }
            #expect(e.message == message, "\(line)")
        }
        let ok = try run("""
            lag add b0 mode active-backup arp_interval 100 arp_ip_target 192.0.2.1,192.0.2.2 ns_ip6_target fe80::1
            print(bond("b0").arp_ip_target, bond("b0").ns_ip6_target)
            """)
        #expect(ok.failure == nil)
        #expect(ok.stdout.hasPrefix("[\"192.0.2.1\", \"192.0.2.2\"] [\"fe80::1\"]"))
    }

    @Test func showText() throws {
        let r = try run(Self.bonded + "lag show\nlink show enp6s0f1np1\n")
        #expect(r.failure == nil && r.stderr.isEmpty)
        #expect(r.stdout == """
            bond0: mode active-backup miimon 100 updelay 0 downdelay 0 xmit_hash_policy layer2 min_links 0 active_slave enp6s0f0np0 state up carrier on
              slave enp6s0f0np0 state active mii_status up link_failure_count 0
              slave enp6s0f1np1 state backup mii_status up link_failure_count 0
              hw_lag: state active mode roce flags none port_select_mode queue_affinity map 1:1 2:1 rdma mlx5_bond_0 devices pci/0000:06:00.0,pci/0000:06:00.1
            3: enp6s0f1np1: kind uplink state up carrier on master bond0

            """)
    }

    @Test func showJSONAndFirmwareLog() throws {
        let r = try run(Self.bonded + "lag show bond0\nlag fw log pci/0000:06:00.0\n", json: true)
        #expect(r.failure == nil)
        let lines = r.stdout.split(separator: "\n").map(String.init)
        #expect(lines.count == 2)
        let show = try #require(try JSONSerialization.jsonObject(with: Data(lines[0].utf8)) as? [String: Any])
        let bond = try #require((show["lag"] as? [String: Any])?["bond0"] as? [String: Any])
        #expect(bond["mode"] as? String == "active-backup" && bond["miimon"] as? Int == 100)
        let lag = try #require(bond["hw_lag"] as? [String: Any])
        #expect(lag["mode"] as? String == "roce" && lag["map"] as? [Int] == [1, 1] && lag["rdma"] as? [String] == ["mlx5_bond_0"])
        #expect(lines[1].hasPrefix(#"{"fw_log":{"pci/0000:06:00.0":[{"seq":1,"command":"CREATE_LAG","opcode":2112,"#))
        #expect(lines[1].contains(#""tx_remap_affinity_1":1,"tx_remap_affinity_2":1}"#))
    }

    @Test func objectsAndBuiltins() throws {
        let r = try run(Self.bonded + """
            let b = lag show bond0
            print(b.name, b.mode, b.lag.active, b.lag.mode, b.lag.map, b.lag.port_select_mode, b.active_slave)
            print(len(bonds()), bonds()[0].slaves[1].state, hardware_lag("pci/0000:06:00.1").rdma)
            print(map(fw_log("pci/0000:06:00.0"), fn(c) { c.command }))
            let nb = lag add bond1 mode 802.3ad
            print(nb.lacp_rate, nb.lag)
            """)
        #expect(r.failure == nil)
        #expect(r.stdout == """
            bond0 active-backup true roce [1, 1] queue_affinity enp6s0f0np0
            1 backup mlx5_bond_0
            ["CREATE_LAG", "CREATE_VPORT_LAG"]

            """ + "slow nil\n")
    }

    @Test func warningGoesToStderr() throws {
        let r = try run("""
            lag add bond0 mode balance-rr
            lag slave add bond0 enp6s0f0np0
            lag slave add bond0 enp6s0f1np1
            """)
        #expect(r.failure == nil && r.stdout.isEmpty)
        #expect(r.stderr == "Warning: mlx5_core: Can't activate LAG offload, TX type isn't supported.\n")
    }

    @Test func aCommandUsedAsAValueKeepsItsWarning() throws {
        let r = try run("""
            lag add bond0 mode balance-rr
            lag slave add bond0 enp6s0f0np0
            let w = lag slave add bond0 enp6s0f1np1
            print(w.warning)
            let none = lag set bond0 miimon 100
            print(none)
            """)
        #expect(r.failure == nil && r.stderr.isEmpty)
        #expect(r.stdout == "mlx5_core: Can't activate LAG offload, TX type isn't supported\nnil\n")
    }

    /// The failure's message and notes, one per line.
    func message(_ r: Run) -> String {
        guard case .runtime(let e)? = r.failure else { return "" }
        return ([e.message] + e.notes).joined(separator: "\n")
    }

    @Test func errors() throws {
        var r = try run("lag add bond0 mode fast")
        #expect(message(r).contains("Invalid mode \"fast\""))
        r = try run("link set enp6s0f0np0 up\nlag add bond0\nlag slave add bond0 enp6s0f0np0")
        #expect(r.failure != nil)
        #expect(message(r).contains("Error: Device can not be enslaved while up."))
        r = try run("lag slave add bond0")
        #expect(message(r).contains("SLAVE expected"))
        r = try run("link set bond9 up")
        #expect(message(r).contains("no network interface named bond9"))
        r = try run("lag add bond0\nlag set bond0 lacp_rate fast")
        #expect(message(r).contains("option not supported in mode"))
    }

    @Test func roceLagExampleRuns() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let script = try String(contentsOf: root.appendingPathComponent("scripts/examples/roce-lag.dls"), encoding: .utf8)
        let r = try run(script)
        #expect(r.failure == nil, "\(r.failure.map { "\($0)" } ?? "")")
        #expect(r.stdout.hasPrefix("LAG roce on [\"pci/0000:06:00.0\", \"pci/0000:06:00.1\"], RDMA device mlx5_bond_0, map [1, 2]\n"))
        #expect(r.stdout.contains("  4 MODIFY_LAG opcode 0x841"))
        #expect(r.stdout.hasSuffix("bond1: bond1 holds enp6s0f0np0 only: every port of the card must be enslaved\n"))
        #expect(r.stderr.isEmpty)
    }

    /// ip's spelling `link set dev IFNAME up` works as well as `link set IFNAME up`.
    @Test func linkSetAcceptsTheDevKeyword() throws {
        let r = try run("link set dev enp6s0f0np0 down\nlink show dev enp6s0f0np0\n")
        #expect(r.failure == nil)
        #expect(r.stdout.contains("enp6s0f0np0: kind uplink state down"))
    }
}

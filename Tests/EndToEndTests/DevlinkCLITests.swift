import Foundation
import Testing

/// The built `dls` binary as a devlink tool: backends, batch files, output switches, example scripts.
@Suite("dls as devlink: backends, -b/-f/-j/-p/-i, example scripts")
struct DevlinkCLITests {
    static let examples = CLI.root.appendingPathComponent("scripts/examples")

    @Test("example scripts run cleanly on the default emulator", arguments: ["sf-provisioning.dls", "rate-tree.dls", "vf-setup.dls", "roce-lag.dls", "multipath-lag.dls"])
    func example(_ name: String) throws {
        let r = try CLI.run([Self.examples.appendingPathComponent(name).path])
        #expect(r.status == 0, "\(name): \(r.stderr)")
        #expect(r.stderr.isEmpty)
    }

    @Test("the rate-tree example nests its groups from kernel 6.15 on, and says why not before")
    func rateTreeExampleOnBothSidesOf615() throws {
        let path = Self.examples.appendingPathComponent("rate-tree.dls").path
        let old = try CLI.run([path])
        #expect(old.stdout.hasPrefix("gold stays at the top: Error: Parent set isn't supported for the nodes.\n"))
        let new = try CLI.run(["--emulator", "mlx5@6.15", path])
        #expect(new.status == 0, "\(new.stderr)")
        #expect(new.stdout.hasPrefix("pci/0000:06:00.0/silver: type node tx_share 2Gbit tx_max 4Gbit parent tenant1\n"))
    }

    @Test("--emulator NAME@VERSION: a bad version or an unknown name says which")
    func emulatorVersionErrors() throws {
        let bad = try CLI.run(["--emulator", "mlx5@6.x", "-c", "dev show"])
        #expect(bad.status == 1)
        #expect(bad.stderr == "dls: --emulator: topology: kernel version \"6.x\" is not MAJOR.MINOR (e.g. mlx5@6.15)\n")
        let unknown = try CLI.run(["--emulator", "bogus@6.15", "-c", "dev show"])
        #expect(unknown.status == 1)
        #expect(unknown.stderr.hasPrefix("dls: --emulator: no built-in topology named \"bogus@6.15\""))
    }

    @Test("the example batch file runs unchanged with -b")
    func exampleBatch() throws {
        let r = try CLI.run(["-b", Self.examples.appendingPathComponent("provision.batch").path])
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout.hasSuffix("pci/0000:06:00.0/group1: type node tx_max 10Gbit\npci/0000:06:00.0/32768: type leaf parent group1\n"))
    }

    @Test("a failing batch line stops the run and reports FILE:LINE")
    func batchStops() throws {
        let file = try CLI.temporaryFile("dev show\n# comment\nport show pci/0000:06:00.0/7\ndev show\n", name: "b.batch")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try CLI.run(["-b", file.path])
        #expect(r.status == 1)
        #expect(r.stdout == "pci/0000:06:00.0\npci/0000:06:00.1\n")
        #expect(r.stderr == "kernel answers: No such device\nCommand failed \(file.path):3\n")
    }

    @Test("-f goes on after failures and still exits 1; -b - reads stdin")
    func batchForceStdin() throws {
        let r = try CLI.run(["-f", "-b", "-"], stdin: "port show pci/0000:06:00.0/7\ndev show pci/0000:06:00.1\n")
        #expect(r.status == 1)
        #expect(r.stdout == "pci/0000:06:00.1\n")
        #expect(r.stderr == "kernel answers: No such device\nCommand failed -:1\n")
    }

    @Test("monitor shows only what arrives while it runs (devlink monitor), in a batch and a script; events() keeps the rest")
    func monitorShowsFromNowOn() throws {
        let lines = "dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/g1 tx_max 10mbit\n"
            + "monitor rate timeout 0.1\nport function rate del pci/0000:06:00.0/g1\nmonitor rate timeout 0.1\n"
        let batch = try CLI.run(["-b", "-"], stdin: lines)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(batch.stdout == "")
        let script = try CLI.run(["-"], stdin: lines + "for e in events() { print(e) }\n")
        #expect(script.status == 0, "\(script.stderr)")
        #expect(script.stdout == "[rate,new] pci/0000:06:00.0/g1: type node tx_max 10Mbit\n"
                + "[rate,del] pci/0000:06:00.0/g1: type node tx_max 10Mbit\n")
    }

    @Test("-j and -jp print devlink's JSON; -i prints IEC rates")
    func outputSwitches() throws {
        let j = try CLI.run(["-j", "-c", "dev show"])
        #expect(j.stdout == "{\"dev\":{\"pci/0000:06:00.0\":{},\"pci/0000:06:00.1\":{}}}\n")
        let p = try CLI.run(["-jp", "-c", "dev eswitch show pci/0000:06:00.0"])
        #expect(p.stdout == """
            {
                "dev": {
                    "pci/0000:06:00.0": {
                        "mode": "legacy",
                        "inline-mode": "none",
                        "encap-mode": "basic"
                    }
                }
            }

            """)
        let i = try CLI.run(["-i", "-c", """
            dev eswitch set pci/0000:06:00.0 mode switchdev
            port function rate add pci/0000:06:00.0/g tx_share 12mbit
            port function rate show pci/0000:06:00.0/g
            """])
        #expect(i.stdout == "pci/0000:06:00.0/g: type node tx_share 11718Kibit\n")
    }

    @Test("--emulator picks a built-in or a topology file; --netlink and --emulator exclude each other")
    func backends() throws {
        let n = try CLI.run(["--emulator", "netdevsim", "-c", "dev show"])
        #expect(n.stdout == "netdevsim/netdevsim1\n")
        let topo = CLI.root.appendingPathComponent("scripts/topologies/bluefield-ecpf.json").path
        let f = try CLI.run(["--emulator", topo, "-c", "dev show"])
        #expect(f.stdout == "pci/0000:03:00.0\n")
        let bad = try CLI.run(["--emulator=nosuch", "-c", "dev show"])
        #expect(bad.status == 1)
        #expect(bad.stderr.hasPrefix("dls: --emulator: "))
        let both = try CLI.run(["--netlink", "--emulator", "mlx5", "-c", ""])
        #expect(both.status == 2)
    }

    @Test("--netlink either works or says plainly why not, in one line")
    func netlink() throws {
        let r = try CLI.run(["--netlink", "-c", "let d = devices()"])
        if r.status != 0 {
            #expect(r.stderr.hasPrefix("dls: --netlink: "))
            #expect(r.stderr.split(separator: "\n").count == 1)
        }
    }

    @Test("script errors carry the location, devlink's lines and a hint")
    func scriptErrors() throws {
        let r = try CLI.run(["-c", "let n = \"abc\"\nport add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum $n"])
        #expect(r.status == 1)
        #expect(r.stderr == """
            <command line>:2:55: error: "abc" is not a number or not within range
                port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum $n
                                                                      ^
            note: sfnum takes an unsigned 32-bit number (0...4294967295), got string "abc"

            """)
        let k = try CLI.run(["-c", "dev eswitch set pci/0000:06:00.0 mode switchdev\nport add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 8\nport add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 8"])
        #expect(k.status == 1)
        #expect(k.stderr.hasPrefix("<command line>:3:1: Error: mlx5_core: SF already exist. Choose different sfnum.\n"))
        #expect(k.stderr.hasSuffix("kernel answers: File exists\n"))
    }

    @Test("dls check knows the command words without a backend")
    func check() throws {
        let file = try CLI.temporaryFile("port show\nlet x = dev show\n", name: "c.dls")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try CLI.run(["check", file.path])
        #expect(r.status == 0, "\(r.stderr)")
    }
}

import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Glibc
import Testing

/// `qos simulate`, `qos lint`, `simulate()` and `lint_rates()` on the mlx5 emulator (100 Gbit/s
/// uplink, 6.12 rules), from a script, as users run them.
@Suite("qos: rate simulation and lint")
struct QosCommandTests {
    static let setup = """
        let dev = "pci/0000:06:00.0"
        dev sriov set $dev numvfs 4
        dev eswitch set $dev mode switchdev

        """

    func run(_ source: String, options: OutputOptions = OutputOptions(),
             topology: String = "mlx5") throws -> (out: String, err: String, failure: String?) {
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        DevlinkHost(session: try EmulatedSession(builtin: topology), options: options).install(in: interpreter)
        do {
            try interpreter.run(Self.setup + source, file: "t.dls")
            return (output.text, output.errors, nil)
        } catch {
            return (output.text, output.errors, interpreter.render(error))
        }
    }

    /// The issue's "done when", one script: each answer is the one right answer.
    @Test func theOneRightAnswers() throws {
        let r = try run("""
            port function rate add $dev/n tx_max 10gbit
            port function rate set $dev/1 parent n tx_max 2gbit
            port function rate set $dev/2 parent n
            port function rate set $dev/4 tx_max 30gbit
            let s = simulate(dev, {1: 20gbit, 2: 20gbit, 3: 500mbit, 4: 50gbit}, detail: true)
            for h, a in s { print(h, a.allocated, a.bound, a.bound_by) }
            let link = simulate(dev, {3: 300gbit})
            print(link["pci/0000:06:00.0/3"])
            print(simulate(dev, {3: 300gbit}, detail: true)["pci/0000:06:00.0/3"].bound)
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == """
            pci/0000:06:00.0/n 10Gbit tx_max nil
            pci/0000:06:00.0/1 2Gbit tx_max nil
            pci/0000:06:00.0/2 8Gbit ancestor tx_max pci/0000:06:00.0/n
            pci/0000:06:00.0/3 500Mbit demand nil
            pci/0000:06:00.0/4 30Gbit tx_max nil
            100Gbit
            link

            """)
    }

    @Test func tableWithBarsAndNoColourUnlessAsked() throws {
        let script = """
            port function rate add $dev/n tx_max 10gbit
            port function rate set $dev/1 parent n
            port function rate set $dev/2 parent n
            qos simulate $dev demand 1 8gbit demand 2 8gbit demand 3 1gbit

            """
        let plain = try run(script)
        #expect(plain.failure == nil, "\(plain.failure ?? "")")
        #expect(plain.out == """
            RATE                  DEMAND  ALLOCATED  BOUND
            pci/0000:06:00.0/n    16Gbit     10Gbit  tx_max      ████████████████████████████████
              pci/0000:06:00.0/1   8Gbit      5Gbit  share in n  ████████████████
              pci/0000:06:00.0/2   8Gbit      5Gbit  share in n  ████████████████
            pci/0000:06:00.0/3     1Gbit      1Gbit  demand      ███▎
            pci/0000:06:00.0/4      0bit       0bit  demand
            pci/0000:06:00.0: mlx5 rules, kernel 6.12, link 100Gbit, total 11Gbit
            note: kernel 6.12: the leaves without a parent share mlx5's group0, one sibling of the top-level nodes

            """)
        #expect(!plain.out.contains("\u{1B}["))
        let coloured = try run(script, options: OutputOptions(color: true))
        #expect(coloured.out.contains("\u{1B}[33m████"))
        #expect(coloured.out.contains("\u{1B}[32m███▎\u{1B}[0m"))
    }

    /// Each subtree is listed under its parent (depth first), as the table's indentation needs.
    /// Node parents need mlx5 at 6.15 (docs/fidelity.md).
    @Test func treeOrderIsDepthFirst() throws {
        let r = try run("""
            port function rate add $dev/tenant1 tx_max 10gbit
            port function rate add $dev/gold parent tenant1 tx_share 6gbit
            port function rate set $dev/1 parent gold
            port function rate set $dev/3 parent tenant1
            print(join(map(keys(simulate(dev, {}, kernel: "6.17")), fn(h) { split(h, "/")[2] }), " "))
            """, topology: "mlx5@6.15")
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "tenant1 gold 1 3 2 4\n")
    }

    @Test func jsonAndSVG() throws {
        let path = "/tmp/dls-qos-\(getpid()).svg"
        defer { unlink(path) }
        let r = try run("""
            port function rate add $dev/n tx_max 10gbit
            port function rate set $dev/1 parent n
            # Leaf 1 has no tc-bw: its 10G is shared evenly by the classes, tc 3 wants only 4G.
            qos simulate $dev demand 1 tc 3 4gbit demand 1 tc 4 16gbit svg \(path)
            """, options: OutputOptions(json: true))
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out.hasPrefix("""
            {"simulation":{"pci/0000:06:00.0":{"rules":"mlx5","kernel":"6.12","link":12500000000,"total":1250000000,\
            "rates":{"pci/0000:06:00.0/n":{"type":"node","demand":2500000000,"allocated":1250000000,"bound":"tx_max"},\
            "pci/0000:06:00.0/1":{"type":"leaf","parent":"n","demand":2500000000,"allocated":1250000000,\
            "bound":"ancestor tx_max","bound_by":"pci/0000:06:00.0/n","tc":{"tc_0":0,"tc_1":0,"tc_2":0,"tc_3":500000000,\
            "tc_4":750000000,"tc_5":0,"tc_6":0,"tc_7":0}}
            """))
        guard let file = fopen(path, "r") else {
            Issue.record("no SVG written")
            return
        }
        var svg = ""
        var buffer = [CChar](repeating: 0, count: 4096)
        while fgets(&buffer, Int32(buffer.count), file) != nil { svg += String(cString: buffer) }
        fclose(file)
        #expect(svg.hasPrefix("<svg xmlns=\"http://www.w3.org/2000/svg\""))
        #expect(svg.contains(">pci/0000:06:00.0/n</text>") && svg.contains("10Gbit of 20Gbit · tx_max"))
        #expect(svg.hasSuffix("</svg>\n"))
    }

    @Test func lintNamesTheHandles() throws {
        let r = try run("""
            port function rate add $dev/n tx_max 1gbit
            port function rate set $dev/1 parent n tx_share 800mbit
            port function rate set $dev/2 parent n tx_share 700mbit
            port function rate set $dev/3 tx_share 60gbit
            port function rate set $dev/4 tx_share 50gbit
            qos lint $dev
            for f in lint_rates(dev) { print(f.rule, f.handles) }
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == """
            shares-above-link: the tx_share of pci/0000:06:00.0/3, pci/0000:06:00.0/4 add up to 110Gbit, above the link speed 100Gbit
            shares-above-parent-max: the tx_share of pci/0000:06:00.0/1, pci/0000:06:00.0/2 add up to 1500Mbit, above the tx_max 1Gbit of pci/0000:06:00.0/n
            shares-above-link ["pci/0000:06:00.0/3", "pci/0000:06:00.0/4"]
            shares-above-parent-max ["pci/0000:06:00.0/n", "pci/0000:06:00.0/1", "pci/0000:06:00.0/2"]

            """)
        let clean = try run("qos lint $dev\nprint(lint_rates(dev))")
        #expect(clean.out == "pci/0000:06:00.0: no findings\n[]\n")
    }

    @Test func badInputIsAClearErrorAtTheWord() throws {
        var r = try run("qos simulate $dev demand 9 1gbit")
        #expect(r.failure?.contains("t.dls:4:26: error: pci/0000:06:00.0/9 is not a rate leaf of pci/0000:06:00.0") == true,
                "\(r.failure ?? "")")
        r = try run("qos simulate $dev demand 1 tc 8 1gbit")
        #expect(r.failure?.contains("Traffic class index expected after \"tc\" (0 to 7)") == true, "\(r.failure ?? "")")
        r = try run("qos simulate $dev demand 1 lots")
        #expect(r.failure?.contains("Invalid rate value: \"lots\"") == true, "\(r.failure ?? "")")
        r = try run("qos simulate $dev kernel six")
        #expect(r.failure?.contains("\"six\" is not a kernel version") == true, "\(r.failure ?? "")")
        r = try run("qos simulate pci/0000:99:00.0")
        #expect(r.failure?.contains("No such device") == true, "\(r.failure ?? "")")
        r = try run("simulate(dev, {1: true})")
        #expect(r.failure?.contains("simulate(): demand of pci/0000:06:00.0/1: expected a rate") == true, "\(r.failure ?? "")")
        r = try run("simulate(dev, [1])")
        #expect(r.failure?.contains("demands must be a map") == true, "\(r.failure ?? "")")
        r = try run("simulate(dev, {1: {9: 1gbit}})")
        #expect(r.failure?.contains("traffic class 9 is not 0...7") == true, "\(r.failure ?? "")")
        r = try run("simulate(dev, {\"eth99\": 1gbit})")
        #expect(r.failure?.contains("no port of pci/0000:06:00.0 has the netdev \"eth99\"") == true, "\(r.failure ?? "")")
        r = try run("qos simulate $dev svg /nonexistent/dir/x.svg")
        #expect(r.failure?.contains("Cannot write /nonexistent/dir/x.svg") == true, "\(r.failure ?? "")")
    }

    /// Later kernels' rules by request, and a plain text rate as demand.
    @Test func kernelAndLinkOverrides() throws {
        let r = try run("""
            port function rate add $dev/n tx_share 1gbit
            port function rate set $dev/1 parent n
            let old = simulate(dev, {1: "200gbit", 2: 200gbit, 3: 200gbit}, link: 101gbit)
            let new = simulate(dev, {1: "200gbit", 2: 200gbit, 3: 200gbit}, link: 102gbit, kernel: "6.17")
            print(old["pci/0000:06:00.0/2"], new["pci/0000:06:00.0/2"])
            """)
        #expect(r.failure == nil, "\(r.failure ?? "")")
        #expect(r.out == "500Mbit 1Gbit\n")
    }
}

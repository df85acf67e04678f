import Foundation
import Testing

/// Scripts that import helpers, read JSON and the environment, and choose their exit status, as the
/// built `dls` runs them.
@Suite struct ModuleCLITests {
    /// A directory of files for one test, removed by the caller's `defer`.
    static func directory(_ files: [String: String]) throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-modules-\(UUID().uuidString)")
        for (name, text) in files {
            let url = dir.appendingPathComponent(name)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try text.write(to: url, atomically: true, encoding: .utf8)
        }
        return dir
    }

    static let provisioning: [String: String] = [
        "lib/common.dls": """
            fn sf_mac(n) { return "00:00:00:00:88:${n}" }
            test "common: sf_mac" { assert sf_mac(7) == "00:00:00:00:88:7" }
            """,
        "inventory.json": #"{"tenant": "blue", "sfs": [88, 89], "note": "caf\u00e9"}"#,
        "provision.dls": """
            import "lib/common.dls" as common
            let inventory = json_parse(read_file(args[0]))
            let tenant = env("DLS_E2E_TENANT", inventory.tenant)
            for n in inventory.sfs { print(tenant, common.sf_mac(n), inventory.note) }
            fn finish(status) { exit(status) }
            finish(3)
            print("not reached")
            """,
    ]

    @Test func aScriptWithAHelperJSONAndAnEnvironmentDefaultExitsThree() throws {
        let dir = try Self.directory(Self.provisioning)
        defer { try? FileManager.default.removeItem(at: dir) }
        let script = dir.appendingPathComponent("provision.dls").path
        let inventory = dir.appendingPathComponent("inventory.json").path
        let r = try CLI.run([script, inventory])
        #expect(r.status == 3, "\(r.stderr)")
        #expect(r.stderr == "")
        #expect(r.stdout == "blue 00:00:00:00:88:88 café\nblue 00:00:00:00:88:89 café\n")
        let fromEnvironment = try CLI.run([script, inventory], environment: ["DLS_E2E_TENANT": "green"])
        #expect(fromEnvironment.status == 3)
        #expect(fromEnvironment.stdout.hasPrefix("green 00:00:00:00:88:88 café\n"))
    }

    @Test func aMissingImportIsReportedAtItsLineWithItsPath() throws {
        let dir = try Self.directory(["main.dls": "print(\"not run\")\n\nimport \"lib/helpers.dls\" as helpers\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let main = dir.appendingPathComponent("main.dls").path
        let r = try CLI.run([main])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == """
            \(main):3:8: error: cannot import "lib/helpers.dls": No such file or directory
                import "lib/helpers.dls" as helpers
                       ^

            """)
    }

    @Test func anImportCycleIsReportedAsACycle() throws {
        let dir = try Self.directory(["a.dls": "import \"b.dls\" as b\n", "b.dls": "import \"c.dls\" as c\n", "c.dls": "import \"a.dls\" as a\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["a.dls"], directory: dir)
        #expect(r.status == 2)
        #expect(r.stderr == "c.dls:1:8: error: import cycle: a.dls imports b.dls imports c.dls imports a.dls\n    import \"a.dls\" as a\n           ^\n")
        let check = try CLI.run(["check", "b.dls"], directory: dir)
        #expect(check.status == 2)
        #expect(check.stderr.hasPrefix("a.dls:1:8: error: import cycle: b.dls imports c.dls imports a.dls imports b.dls\n"))
    }

    @Test func checkReportsErrorsInImportedFilesWhereTheyAre() throws {
        let dir = try Self.directory([
            "lib/bad.dls": "fn f() {\n    return (1 +\n}\n",
            "main.dls": "import \"lib/bad.dls\" as bad\nprint(\"not run\")\n",
        ])
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["check", "main.dls"], directory: dir)
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr.hasPrefix("lib/bad.dls:3:1: error: "), "\(r.stderr)")
        #expect(r.stderr.contains("\n    }\n    ^\n"))
        let fine = try Self.directory(["main.dls": "import \"m.dls\" as m\n", "m.dls": "fn f() { }\n"])
        defer { try? FileManager.default.removeItem(at: fine) }
        let good = try CLI.run(["check", "./main.dls"], directory: fine)
        #expect(good.status == 0, "\(good.stderr)")
    }

    /// The helper's own test runs once (in its file), not again in the file that imports it.
    @Test func testFilesImportHelpersWithoutRunningTheirTestsTwice() throws {
        var files = Self.provisioning
        files["lib/helpers.dls"] = """
            setup { print("helper setup ran") }
            test "helpers: ok" { assert true }
            fn sf_count(dev) { return len(ports(dev, flavour: "pcisf")) }
            """
        files["sf.dls"] = """
            import "lib/helpers.dls" as helpers
            import "lib/common.dls" as common
            let dev = "pci/0000:06:00.0"
            setup { dev eswitch set $dev mode switchdev }
            test "one SF" {
                port add $dev flavour pcisf pfnum 0 sfnum 88
                assert helpers.sf_count(dev) == 1
                assert common.sf_mac(88) == "00:00:00:00:88:88"
            }
            test "exit is a failure in a test" { exit(0) }
            """
        files["provision.dls"] = nil
        let dir = try Self.directory(files)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["test", "."], directory: dir)
        #expect(r.status == 1)
        #expect(r.stdout == """
            ok 1 - lib/common.dls: common: sf_mac
            ok 2 - lib/helpers.dls: helpers: ok
            ok 3 - sf.dls: one SF
            not ok 4 - sf.dls: exit is a failure in a test
              ./sf.dls:10:42: error: exit(0) called: a test cannot end the test run
            3 passed, 1 failed

            """)
    }

    @Test func atomicRunsKeepTheirChangesOnlyOnExitZero() throws {
        let rolledBack = try CLI.run(["--atomic", "-c", "dev eswitch set pci/0000:06:00.0 mode switchdev\nexit(4)"])
        #expect(rolledBack.status == 4)
        #expect(rolledBack.stderr == "--atomic: rolled back, no changes were kept\n")
        let kept = try CLI.run(["--atomic", "-c", "dev eswitch set pci/0000:06:00.0 mode switchdev\nexit(0)"])
        #expect(kept.status == 0)
        #expect(kept.stderr == "")
        let piped = try CLI.run([], stdin: "print(\"bye\")\nexit(5)\n")
        #expect(piped.status == 5)
        #expect(piped.stdout == "bye\n")
    }

    /// Scripts are read like every file a script reads: a Latin-1 script is refused, not garbled.
    @Test func aScriptThatIsNotUTF8IsRefused() throws {
        let dir = try Self.directory(["ok.dls": "print(1)\n"])
        defer { try? FileManager.default.removeItem(at: dir) }
        try Data("print(\"caf".utf8 + [0xe9] + "\")\n".utf8).write(to: dir.appendingPathComponent("latin1.dls"))
        for arguments in [["latin1.dls"], ["check", "latin1.dls"]] {
            let r = try CLI.run(arguments, directory: dir)
            #expect(r.status == 2)
            #expect(r.stderr == "dls: cannot read 'latin1.dls': not UTF-8 text (byte 0xE9 at line 1, column 11)\n")
        }
    }

    @Test func filesAreWrittenAtomicallyAndReadBackAsJSON() throws {
        let dir = try Self.directory([:])
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let r = try CLI.run(["-c", """
            write_file("state.json", json({sfs: [88, 89], rate: 1gbit}))
            let back = json_parse(read_file("state.json"))
            print(back.sfs, back.rate, read_file("state.json"))
            """], directory: dir)
        #expect(r.status == 0, "\(r.stderr)")
        #expect(r.stdout == "[88, 89] 125000000 {\"sfs\":[88,89],\"rate\":125000000}\n")
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.path) == ["state.json"])
    }
}

import Foundation
import Testing

/// `dls snapshot`, `plan`, `apply`, `persist` and `--emulator-state`, as users and the dls.devlink
/// Ansible module run them: exit statuses, `No changes.`, `--json`, and state files that chain runs.
@Suite struct DesiredStateCLITests {
    static let want = """
    {"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev"},
      "ports": {"sf/88": {"flavour": "pcisf", "pfnum": 0, "sfnum": 88, "function": {"hw_addr": "00:00:00:00:88:88", "state": "active"}}},
      "rates": {"tenant1": {"type": "node", "tx_max": "10Gbit"}, "sf/88": {"parent": "tenant1", "tx_share": "1Gbit"}}}}}
    """

    static func directory() throws -> URL {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-desired-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        return dir
    }

    @Test func planApplyPlanChainThroughTheStateFile() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.want.write(to: dir.appendingPathComponent("want.json"), atomically: true, encoding: .utf8)
        let state = ["--emulator", "--emulator-state", "st.json"]
        let snapshotBefore = try CLI.run(state + ["snapshot"], directory: dir)
        #expect(snapshotBefore.status == 0)
        let plan = try CLI.run(state + ["plan", "want.json"], directory: dir)
        #expect(plan.status == 3, "\(plan.stderr)")
        #expect(plan.stdout.contains("+ port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88\n"))
        #expect(!FileManager.default.fileExists(atPath: dir.appendingPathComponent("st.json").path),
                "snapshot and plan never write the state file")
        let apply = try CLI.run(state + ["apply", "want.json"], directory: dir)
        #expect(apply.status == 0, "\(apply.stderr)")
        #expect(apply.stdout.hasSuffix("Applied 5 steps.\n"), "\(apply.stdout)")
        let again = try CLI.run(state + ["plan", "want.json"], directory: dir)
        #expect(again.status == 0 && again.stdout == "No changes.\n", "\(again.stdout)")
        let second = try CLI.run(state + ["apply", "want.json"], directory: dir)
        #expect(second.status == 0 && second.stdout == "No changes.\n")
        // Scripts see the state too, and `-c` chains like the rest.
        let script = try CLI.run(state + ["-c", "print(len(ports(\"pci/0000:06:00.0\", flavour: \"pcisf\")))"], directory: dir)
        #expect(script.stdout == "1\n", "\(script.stderr)")
        let batch = try CLI.run(state + ["-b", "-"], stdin: "port function rate add pci/0000:06:00.0/extra tx_max 1Gbit\n", directory: dir)
        #expect(batch.status == 0, "\(batch.stderr)")
        #expect(try CLI.run(state + ["snapshot"], directory: dir).stdout.contains("\"extra\": {"), "-b saved its change")
        #expect(try CLI.run(state + ["plan", "want.json"], directory: dir).stdout == "No changes.\n", "unmentioned: left alone")
        let pruning = try CLI.run(state + ["plan", "-"], stdin: #"{"prune": true, "devices": {"pci/0000:06:00.0": {"rates": {}}}}"#,
                                  directory: dir)
        #expect(pruning.stdout.contains("- port function rate del pci/0000:06:00.0/extra\n"), "\(pruning.stdout)")
        // A snapshot applied to a fresh state plans as no changes.
        let snapshot = try CLI.run(state + ["snapshot"], directory: dir)
        try snapshot.stdout.write(to: dir.appendingPathComponent("snap.json"), atomically: true, encoding: .utf8)
        let fresh = ["--emulator", "--emulator-state", "fresh.json"]
        #expect(try CLI.run(fresh + ["apply", "snap.json"], directory: dir).status == 0)
        let replayed = try CLI.run(fresh + ["plan", "snap.json"], directory: dir)
        #expect(replayed.status == 0 && replayed.stdout == "No changes.\n", "\(replayed.stdout)")
        #expect(try CLI.run(fresh + ["snapshot"], directory: dir).stdout == snapshot.stdout)
    }

    @Test func aFailedApplyLeavesTheSnapshotAsBefore() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try Self.want.write(to: dir.appendingPathComponent("want.json"), atomically: true, encoding: .utf8)
        let state = ["--emulator-state", "st.json"]
        #expect(try CLI.run(state + ["apply", "want.json"], directory: dir).status == 0)
        let before = try CLI.run(state + ["snapshot"], directory: dir)
        let stateBefore = try Data(contentsOf: dir.appendingPathComponent("st.json"))
        // mlx5 at 6.12 has no node parents: tenant2 is created, then tenant3's parent is refused.
        let refused = """
        {"devices": {"pci/0000:06:00.0": {"ports": {"sf/90": {"pfnum": 0, "function": {"state": "active"}}},
          "rates": {"tenant2": {"type": "node", "tx_max": "5Gbit"}, "tenant3": {"type": "node", "parent": "tenant2"}}}}}
        """
        let r = try CLI.run(state + ["apply", "-", "--json"], stdin: refused, directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("Error: Parent set isn't supported for the nodes."), "\(r.stderr)")
        #expect(r.stderr.contains("rolled back"))
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(report["failed"] as? Bool == true && report["changed"] as? Bool == false)
        let steps = try #require(report["steps"] as? [[String: Any]])
        #expect(steps.map { $0["result"] as? String } == ["rolled back", "rolled back", "rolled back", "failed"])
        #expect((steps.last?["error"] as? String)?.contains("kernel answers: Operation not supported") == true)
        #expect(try CLI.run(state + ["snapshot"], directory: dir).stdout == before.stdout)
        #expect(try Data(contentsOf: dir.appendingPathComponent("st.json")) == stateBefore, "nothing changed, nothing written")
    }

    @Test func planJSONReportAndExitStatuses() throws {
        let r = try CLI.run(["--emulator=mlx5", "plan", "-", "--json"], stdin: Self.want)
        #expect(r.status == 3)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(r.stdout.utf8)) as? [String: Any])
        #expect(report["changed"] as? Bool == true && report["failed"] as? Bool == false)
        let steps = try #require(report["steps"] as? [[String: Any]])
        #expect(steps.first?["op"] as? String == "~" && steps.first?["command"] as? String == "dev eswitch set pci/0000:06:00.0 mode switchdev")
        #expect(Set(steps.compactMap { $0["result"] as? String }) == ["planned"])
        let after = try #require(report["after"] as? [String: Any])
        #expect(((after["devices"] as? [String: Any])?["pci/0000:06:00.0"] as? [String: Any])?["ports"] != nil)
        // A refused document: exit 1, the JSON path in the report and on stderr, nothing sent.
        let bad = try CLI.run(["--emulator", "plan", "-", "--json"],
                              stdin: #"{"devices": {"pci/0000:06:00.0": {"rates": {"a": {"type": "node", "parent": "a"}}}}}"#)
        #expect(bad.status == 1)
        #expect(bad.stderr.contains("$.devices[\"pci/0000:06:00.0\"].rates.a.parent: parent loop: a → a"), "\(bad.stderr)")
        #expect(bad.stdout.contains("\"failed\":true") && bad.stdout.contains("parent loop"))
        // Usage errors: 2.
        #expect(try CLI.run(["plan"]).status == 2)
        #expect(try CLI.run(["snapshot", "extra"]).status == 2)
        #expect(try CLI.run(["--netlink", "--emulator-state", "x.json", "snapshot"]).status == 2)
        #expect(try CLI.run(["plan", "/nonexistent.json"]).status == 1)
    }

    @Test func aDLSScriptBuildsTheDocument() throws {
        let script = try CLI.temporaryFile("""
        let sfs = {}
        for i in 0..<4 { sfs["sf/${100 + i}"] = {pfnum: 0, function: {state: "active"}} }
        return {devices: {"pci/0000:06:00.0": {eswitch: {mode: "switchdev"}, ports: sfs,
                          rates: {g: {type: "node", tx_max: 10gbit}}}}}
        """, name: "want.dls")
        defer { try? FileManager.default.removeItem(at: script.deletingLastPathComponent()) }
        let r = try CLI.run(["--emulator", "plan", script.path])
        #expect(r.status == 3)
        #expect(r.stdout.components(separatedBy: "\n").filter { $0.hasPrefix("+ port add") }.count == 4)
        #expect(r.stdout.contains("+ port function rate add pci/0000:06:00.0/g tx_max 10Gbit"))
        // The builtins: apply(doc) then plan(doc) is empty, snapshot() shows the result.
        let builtins = try CLI.run(["--emulator", "-c", """
        let doc = {devices: {"pci/0000:06:00.0": {eswitch: {mode: "switchdev"}, ports: {"sf/7": {pfnum: 0}}}}}
        print(len(plan(doc)), apply(doc).changed, plan(doc), snapshot().devices["pci/0000:06:00.0"].ports["sf/7"].sfnum)
        """])
        #expect(builtins.stdout == "2 true [] 7\n", "\(builtins.stderr)")
    }

    @Test func persistPrintsAUnitThatAppliesTheFileAtBoot() throws {
        let file = try CLI.temporaryFile(Self.want, name: "state.json")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try CLI.run(["persist", file.path])
        #expect(r.status == 0)
        #expect(r.stdout.contains("Type=oneshot"))
        #expect(r.stdout.contains(" --netlink apply \(file.path)\n"))
        #expect(r.stdout.contains("Before=network-pre.target"))
        let dir = file.deletingLastPathComponent()
        let installed = try CLI.run(["persist", file.path, "--install", "--unit-dir", dir.path])
        #expect(installed.status == 0)
        let unit = try String(contentsOf: dir.appendingPathComponent("dls-desired-state.service"), encoding: .utf8)
        #expect(unit == r.stdout)
        // systemd's own check, where systemd is installed.
        if FileManager.default.isExecutableFile(atPath: "/usr/bin/systemd-analyze") {
            let check = Process()
            check.executableURL = URL(fileURLWithPath: "/usr/bin/systemd-analyze")
            check.arguments = ["verify", dir.appendingPathComponent("dls-desired-state.service").path]
            let err = Pipe()
            check.standardError = err
            try check.run()
            check.waitUntilExit()
            let text = String(decoding: err.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            #expect(check.terminationStatus == 0, "\(text)")
        }
    }

    /// `snapshot --topology` writes a topology that reproduces the box: an emulator started from it
    /// has the same devices and, from its `state`, the same SFs, function attributes and rates.
    @Test func topologySnapshotRehearsesTheBox() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let box = ["--emulator-state", "box.json"]
        #expect(try CLI.run(box + ["-c", """
        dev sriov set pci/0000:06:00.0 numvfs 2
        dev eswitch set pci/0000:06:00.0 mode switchdev
        port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 5
        """], directory: dir).status == 0)
        try Self.want.write(to: dir.appendingPathComponent("want.json"), atomically: true, encoding: .utf8)
        #expect(try CLI.run(box + ["apply", "want.json"], directory: dir).status == 0)
        let topology = try CLI.run(box + ["snapshot", "--topology"], directory: dir)
        #expect(topology.status == 0, "\(topology.stderr)")
        #expect(topology.stdout.contains("\"state\": {"), "\(topology.stdout)")
        try topology.stdout.write(to: dir.appendingPathComponent("topo.json"), atomically: true, encoding: .utf8)
        let now = try CLI.run(box + ["snapshot"], directory: dir).stdout
        #expect(now.contains("\"sf/88\"") && now.contains("\"sf/5\"") && now.contains("\"tenant1\""), "\(now)")
        try now.write(to: dir.appendingPathComponent("now.json"), atomically: true, encoding: .utf8)
        let rehearsal = ["--emulator", "topo.json"]
        #expect(try CLI.run(rehearsal + ["snapshot"], directory: dir).stdout == now)
        let replay = try CLI.run(rehearsal + ["plan", "now.json"], directory: dir)
        #expect(replay.status == 0 && replay.stdout == "No changes.\n", "\(replay.stdout)")
    }

    @Test func aStateFileOfAnotherTopologyIsRefused() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        #expect(try CLI.run(["--emulator-state", "st.json", "-c", "dev eswitch set pci/0000:06:00.0 mode switchdev"],
                            directory: dir).status == 0)
        let r = try CLI.run(["--emulator=netdevsim", "--emulator-state", "st.json", "snapshot"], directory: dir)
        #expect(r.status == 1)
        #expect(r.stderr.contains("holds the state of --emulator mlx5, not netdevsim"), "\(r.stderr)")
        try "{}".write(to: dir.appendingPathComponent("bad.json"), atomically: true, encoding: .utf8)
        let bad = try CLI.run(["--emulator-state", "bad.json", "snapshot"], directory: dir)
        #expect(bad.status == 1 && bad.stderr.contains("not an emulator state file"), "\(bad.stderr)")
    }

    /// A state file of an older or newer format is refused with its version and what to do, whether
    /// the run is a script, an apply or a plan, and the file is left as it was.
    @Test func aStateFileOfAnotherVersionIsRefusedAndKept() throws {
        let dir = try Self.directory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let file = dir.appendingPathComponent("st.json")
        #expect(try CLI.run(["--emulator-state", "st.json", "-c", "dev eswitch set pci/0000:06:00.0 mode switchdev"],
                            directory: dir).status == 0)
        // As dls wrote it before health reporters were kept: version 1, a device without them.
        var object = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: file)) as? [String: Any])
        var state = try #require(object["state"] as? [String: Any])
        state["devices"] = try #require(state["devices"] as? [[String: Any]]).map { device in
            var device = device
            device["healthReporters"] = nil
            return device
        }
        object["state"] = state
        object["version"] = 1
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let old = try Data(contentsOf: file)
        try Self.want.write(to: dir.appendingPathComponent("want.json"), atomically: true, encoding: .utf8)
        for run in [["-c", "port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88"], ["apply", "want.json"], ["plan", "want.json"]] {
            let r = try CLI.run(["--emulator-state", "st.json"] + run, directory: dir)
            #expect(r.status == 1, "\(run)")
            #expect(r.stderr.contains("st.json: emulator state file version 1 was written by an older dls; this dls reads version 2 ("),
                    "\(r.stderr)")
            #expect(r.stderr.contains("Remove st.json to start again from --emulator mlx5."), "\(r.stderr)")
            #expect(try Data(contentsOf: file) == old, "\(run) wrote over the refused file")
        }
        object["version"] = 3
        try JSONSerialization.data(withJSONObject: object).write(to: file)
        let newer = try Data(contentsOf: file)
        let r = try CLI.run(["--emulator-state", "st.json", "-c", "dev show"], directory: dir)
        #expect(r.status == 1 && r.stderr.contains("st.json: emulator state file version 3 was written by a newer dls; this dls reads version 2."),
                "\(r.stderr)")
        #expect(try Data(contentsOf: file) == newer)
    }
}

import Foundation
import Testing

/// `dls --netlink` desired state on the running kernel (netdevsim in the guest:
/// `scripts/kernel-vm.sh live-tests`): `plan --json` reports the state the plan leads to (a rehearsal
/// on an emulator made from the box; it was null off the emulator), and `snapshot --topology` starts
/// an emulator whose snapshot is the box's. Only this test's own device is compared: other live tests
/// change theirs meanwhile.
@Suite(.serialized, .enabled(if: ProcessInfo.processInfo.environment["DLS_LIVE_KERNEL"] == "1" && geteuid() == 0,
                             "set DLS_LIVE_KERNEL=1 on a kernel with devlink + netdevsim (scripts/kernel-vm.sh live-tests)"))
struct LiveDesiredStateCLITests {
    static let id = 31
    static let handle = "netdevsim/netdevsim\(id)"

    static func device(_ json: String, _ path: [String]) throws -> Any? {
        var value: Any? = try JSONSerialization.jsonObject(with: Data(json.utf8))
        for key in path { value = (value as? [String: Any])?[key] }
        return (value as? [String: Any])?["devices"].flatMap { ($0 as? [String: Any])?[handle] }
    }

    @Test func planAfterAndTopologySnapshotOnTheKernel() throws {
        try "\(Self.id) 2".write(toFile: "/sys/bus/netdevsim/new_device", atomically: false, encoding: .utf8)
        defer { try? "\(Self.id)".write(toFile: "/sys/bus/netdevsim/del_device", atomically: false, encoding: .utf8) }
        let want = """
        {"devices": {"\(Self.handle)": {"eswitch": {"mode": "switchdev"}, "sriov": {"numvfs": 3},
          "params": {"test1": {"cmode": "driverinit", "value": false}},
          "rates": {"group1": {"type": "node", "tx_max": "1Gbit"}, "vf/0": {"parent": "group1", "tx_share": "100Mbit"},
                    "vf/2": {"tx_max": "200Mbit"}}}}}
        """
        let plan = try CLI.run(["--netlink", "plan", "-", "--json"], stdin: want)
        #expect(plan.status == 3, "\(plan.stderr)")
        let after = try #require(try Self.device(plan.stdout, ["after"]) as? [String: Any], "after: \(plan.stdout)")
        let apply = try CLI.run(["--netlink", "apply", "-"], stdin: want)
        #expect(apply.status == 0, "\(apply.stderr)")
        let snapshot = try CLI.run(["--netlink", "snapshot"])
        let box = try #require(try Self.device(snapshot.stdout, []) as? [String: Any])
        #expect(NSDictionary(dictionary: after).isEqual(to: box), "plan's after \(after) against the snapshot \(box)")

        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-live-topology-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        let topology = try CLI.run(["--netlink", "snapshot", "--topology"])
        #expect(topology.status == 0, "\(topology.stderr)")
        try topology.stdout.write(to: dir.appendingPathComponent("box.json"), atomically: true, encoding: .utf8)
        let rehearsal = try CLI.run(["--emulator", "box.json", "snapshot"], directory: dir)
        #expect(rehearsal.status == 0, "\(rehearsal.stderr)")
        let emulated = try #require(try Self.device(rehearsal.stdout, []) as? [String: Any])
        #expect(NSDictionary(dictionary: emulated).isEqual(to: box), "the emulator from the topology: \(emulated)")
    }
}

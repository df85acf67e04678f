import Foundation
import Testing
import DevlinkModel
@testable import Netlink

/// The sysfs and debugfs files the netlink backend reads and writes, on a directory standing in for
/// /sys and /sys/kernel/debug: what a missing file, a value and a write turn into.
@Suite struct KernelFileTests {
    let root = FileManager.default.temporaryDirectory.appendingPathComponent("dls-kernelfile-\(UUID().uuidString)").path
    let device = DeviceHandle(bus: "pci", name: "0000:06:00.0")

    func make(_ path: String, _ text: String) throws {
        let url = URL(fileURLWithPath: root + "/" + path)
        try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
        try text.write(to: url, atomically: false, encoding: .utf8)
    }

    @Test func sriovReadsAndWritesTheCount() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let sriov = SysfsSRIOV(root: root)
        try make("pci/devices/0000:06:00.0/sriov_numvfs", "0\n")
        #expect(try sriov.numVFs(device) == 0)
        try sriov.setNumVFs(device, 4)
        #expect(try sriov.numVFs(device) == 4)
        #expect(try String(contentsOfFile: sriov.path(device), encoding: .utf8) == "4\n")
    }

    @Test func aMissingFileIsADeviceWithoutTheFeature() throws {
        let sriov = SysfsSRIOV(root: root)
        let missing = "pci/0000:06:00.0 has no SR-IOV control (\(sriov.path(device)) does not exist)"
        #expect(throws: DevlinkError(.ENODEV, missing)) { try sriov.numVFs(device) }
        #expect(throws: DevlinkError(.ENODEV, missing)) { try sriov.setNumVFs(device, 1) }
        let nsim = DeviceHandle(bus: "netdevsim", name: "netdevsim1")
        let health = NetdevsimHealthDebugfs(root: root)
        #expect(throws: DevlinkError(.ENODEV, "netdevsim/netdevsim1 has no netdevsim health debugfs "
                                     + "(\(health.path(nsim, "fail_recover")) does not exist; is debugfs mounted?)")) {
            try health.set(SetNetdevsimHealthKnob(nsim, knob: "fail_recover", value: "Y"))
        }
    }

    @Test func lagDebugfsReadsWhatIsThereAndSaysWhyWhenNothingIs() throws {
        defer { try? FileManager.default.removeItem(atPath: root) }
        let debugfs = MLX5LagDebugfs(root: root)
        #expect(debugfs.read(device).reason?.hasPrefix("hardware LAG state unavailable: cannot read ") == true)
        try make("0000:06:00.0/lag/state", "active\n")
        try make("0000:06:00.0/lag/type", "roce\n")
        try make("0000:06:00.0/lag/members", "0000:06:00.0\n0000:06:00.1\n")
        let lag = debugfs.read(device)
        #expect(lag.isActive && lag.devices.map(\.name) == ["0000:06:00.0", "0000:06:00.1"])
    }
}

import DesiredState
import DevlinkEmulator
import DevlinkModel
import Foundation
import Testing

/// `--emulator-state`: the whole EmulatorState survives a save and a load exactly (pending driver work,
/// bonds and the LAG included), and files that do not fit are refused with a reason.
@Suite struct EmulatorStateFileTests {
    static let pf0 = DeviceHandle(bus: "pci", name: "0000:06:00.0")
    static let pf1 = DeviceHandle(bus: "pci", name: "0000:06:00.1")

    static func path() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("dls-state-\(UUID().uuidString).json").path
    }

    /// Every kind of state: VFs, SFs (one attach still pending), rate nodes with leaves, params, a bond
    /// with both uplinks and the hardware LAG it formed.
    static func richSession() throws -> EmulatedSession {
        let session = try EmulatedSession(builtin: "mlx5")
        for pf in [pf0, pf1] {
            try session.setSriovNumVFs(pf, 2)
            try session.setEswitch(pf, EswitchChanges(mode: .switchdev))
        }
        let sf = try session.addPort(PortAddRequest(device: pf0, flavour: .pcisf, pfnum: 0, sfnum: 88))
        try session.setPortFunction(sf.handle, PortFunctionChanges(hwAddr: try MACAddress(parsing: "00:00:00:00:88:88"), state: .active))
        try session.addRateNode(.node(pf0, "tenant1"), RateChanges(txMax: 1_250_000_000))
        try session.setRate(.leaf(sf.handle), RateChanges(txShare: 125_000_000, parent: "tenant1"))
        try session.setParam(pf1, name: "flow_steering_mode", value: .string("smfs"), cmode: .runtime)
        try session.createBond(name: "bond0", config: BondConfig(mode: .ieee8023ad, miimon: 100))
        for slave in ["enp6s0f0np0", "enp6s0f1np1"] { try session.enslave(slave, to: "bond0") }
        try session.setLink("bond0", up: true)
        _ = try session.settle()
        let second = try session.addPort(PortAddRequest(device: pf0, flavour: .pcisf, pfnum: 0, sfnum: 89))
        try session.setPortFunction(second.handle, PortFunctionChanges(state: .active))   // attach pending
        return session
    }

    @Test func saveAndLoadGiveTheSameState() throws {
        let session = try Self.richSession()
        #expect(session.pendingWorkCount > 0)
        #expect(try session.hardwareLag(Self.pf0)?.isActive == true)
        let path = Self.path()
        defer { unlink(path) }
        try EmulatorStateFile.save(session.snapshot(), topology: "mlx5", path: path)
        let loaded = try #require(try EmulatorStateFile.load(path: path, topology: "mlx5"))
        var expected = session.snapshot()
        // Notifications belong to the run that caused them and are not kept.
        let probe = EmulatedSession(state: expected)
        _ = try probe.drainEvents()
        expected = probe.snapshot()
        #expect(loaded == expected)
        // The loaded emulator carries on: the pending attach completes, the LAG is still there.
        let resumed = EmulatedSession(state: loaded)
        _ = try resumed.settle()
        #expect(try resumed.ports(of: Self.pf0).first { $0.sfnum == 89 }?.function?.opstate == .attached)
        #expect(try resumed.hardwareLag(Self.pf0)?.isActive == true)
    }

    @Test func missingFileStartsFromTheTopology() throws {
        #expect(try EmulatorStateFile.load(path: Self.path(), topology: "mlx5") == nil)
    }

    @Test func filesThatDoNotFitAreRefused() throws {
        let path = Self.path()
        defer { unlink(path) }
        try EmulatorStateFile.save(try EmulatedSession(builtin: "netdevsim").snapshot(), topology: "netdevsim", path: path)
        #expect(throws: EmulatorStateFile.Failure.self) { try EmulatorStateFile.load(path: path, topology: "mlx5") }
        let text = try String(contentsOfFile: path, encoding: .utf8)
        try text.replacingOccurrences(of: "\"version\":1", with: "\"version\":99").write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try EmulatorStateFile.load(path: path, topology: "netdevsim")
            Issue.record("a version 99 file was read")
        } catch {
            #expect(error.description.contains("state file version 99"), "\(error.description)")
        }
        try "{\"format\": \"dls-emulator-state\"}".write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try EmulatorStateFile.load(path: path, topology: "netdevsim")
            Issue.record("an empty envelope was read")
        } catch {
            #expect(error.description.contains("not an emulator state file"), "\(error.description)")
        }
    }
}

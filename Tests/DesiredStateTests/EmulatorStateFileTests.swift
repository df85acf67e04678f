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
        try text.replacingOccurrences(of: "\"version\":\(EmulatorStateFile.currentVersion)", with: "\"version\":99").write(toFile: path, atomically: true, encoding: .utf8)
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

    /// The file `save` writes, as a JSON object to edit.
    static func savedObject(_ session: EmulatedSession, topology: String, path: String) throws -> [String: Any] {
        try EmulatorStateFile.save(session.snapshot(), topology: topology, path: path)
        return try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: URL(fileURLWithPath: path))) as? [String: Any])
    }

    static func write(_ object: [String: Any], to path: String) throws {
        try JSONSerialization.data(withJSONObject: object).write(to: URL(fileURLWithPath: path))
    }

    /// A version 1 file as dls wrote it before health, reload and auxiliary-device state were kept: the
    /// state has no clock and no auxiliary device allocator, its devices no reporters, resources or
    /// reload state.
    static func versionOne(_ object: [String: Any]) -> [String: Any] {
        var file = object
        var state = file["state"] as? [String: Any] ?? [:]
        state["clock"] = nil
        state["auxIDs"] = nil
        state["devices"] = (state["devices"] as? [[String: Any]] ?? []).map { device in
            var device = device
            for key in ["healthReporters", "resources", "reloadFailed", "physicalPortsAtProbe", "nsimHealth", "sfAux"] { device[key] = nil }
            return device
        }
        file["state"] = state
        file["version"] = 1
        return file
    }

    @Test func anOlderFileIsRefusedWithItsVersionAndWhatToDo() throws {
        let path = Self.path()
        defer { unlink(path) }
        try Self.write(Self.versionOne(try Self.savedObject(try Self.richSession(), topology: "mlx5", path: path)), to: path)
        let before = try Data(contentsOf: URL(fileURLWithPath: path))
        do {
            _ = try EmulatorStateFile.load(path: path, topology: "mlx5")
            Issue.record("a version 1 file without health state was read")
        } catch {
            #expect(error.description.hasPrefix("\(path): emulator state file version 1 was written by an older dls; this dls reads version \(EmulatorStateFile.currentVersion) ("),
                    "\(error.description)")
            #expect(error.description.hasSuffix("Remove \(path) to start again from --emulator mlx5."), "\(error.description)")
        }
        #expect(try Data(contentsOf: URL(fileURLWithPath: path)) == before)
    }

    /// A version 1 file that already holds every part of this version (written just before the bump)
    /// loads as it is.
    @Test func anOlderFileWithEveryPartLoads() throws {
        let path = Self.path()
        defer { unlink(path) }
        let session = try Self.richSession()
        _ = try session.drainEvents()
        var file = try Self.savedObject(session, topology: "mlx5", path: path)
        file["version"] = 1
        try Self.write(file, to: path)
        #expect(try EmulatorStateFile.load(path: path, topology: "mlx5") == session.snapshot())
    }

    @Test func aNewerFileIsRefusedWithItsVersion() throws {
        let path = Self.path()
        defer { unlink(path) }
        var file = try Self.savedObject(try EmulatedSession(builtin: "netdevsim"), topology: "netdevsim", path: path)
        file["version"] = EmulatorStateFile.currentVersion + 1
        file["state"] = ["a": "shape this dls does not know"]
        try Self.write(file, to: path)
        do {
            _ = try EmulatorStateFile.load(path: path, topology: "netdevsim")
            Issue.record("a newer file was read")
        } catch {
            #expect(error.description == "\(path): emulator state file version \(EmulatorStateFile.currentVersion + 1) was written by a newer dls; "
                    + "this dls reads version \(EmulatorStateFile.currentVersion). Use that dls, or remove \(path) to start again from --emulator netdevsim.")
        }
    }

    /// A file of the current version, kept in the repository, still loads. When this fails, a stored
    /// field was added, removed or renamed: bump `EmulatorStateFile.currentVersion`, then record the
    /// file again (`DLS_GOLDEN_RECORD=1`) so the new version is guarded in turn.
    @Test func theCurrentVersionsFileStillLoads() throws {
        let fixture = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .appendingPathComponent("Fixtures/emulator-state/netdevsim-v\(EmulatorStateFile.currentVersion).json").path
        if ProcessInfo.processInfo.environment["DLS_GOLDEN_RECORD"] != nil {
            let session = try EmulatedSession(builtin: "netdevsim")
            try session.setParam(DeviceHandle(bus: "netdevsim", name: "netdevsim1"), name: "max_macs", value: .u32(16), cmode: .driverinit)
            try FileManager.default.createDirectory(atPath: (fixture as NSString).deletingLastPathComponent, withIntermediateDirectories: true)
            try EmulatorStateFile.save(session.snapshot(), topology: "netdevsim", path: fixture)
        }
        let loaded = try #require(try EmulatorStateFile.load(path: fixture, topology: "netdevsim"), "no \(fixture)")
        #expect(loaded != (try EmulatedSession(builtin: "netdevsim")).snapshot(), "the fixture's param is kept")
    }
}

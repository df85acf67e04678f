import DLS
import Foundation
import Testing

/// An emulator seen through a session that is not the emulator's class, as the kernel's session is
/// not: what the engine can do with it is what it can do over netlink.
final class ForeignSession: DeviceSession {
    let inner: any DeviceSession
    init(_ inner: any DeviceSession) { self.inner = inner }
    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply { try inner.perform(operation) }
    func drainEvents() throws -> [DevlinkEvent] { try inner.drainEvents() }
    func settle() throws -> Bool { try inner.settle() }
    var facets: SessionFacets { SessionFacets(links: inner.linkSession) }
}

/// `plan --json`'s `after` on a backend other than the emulator (a rehearsal on an emulator made from
/// the box), and `snapshot --topology` files that reproduce the box (devices and state).
@Suite struct DesiredStateRehearsalTests {
    /// A document per profile that touches every part a snapshot shows.
    static let documents: [(emulator: String, document: String)] = [
        ("mlx5", """
        {"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev", "encap-mode": "none"}, "sriov": {"numvfs": 2},
          "params": {"fdb_large_groups": {"cmode": "driverinit", "value": 20}},
          "ports": {"vf/1": {"function": {"hw_addr": "02:00:00:00:00:11"}},
                    "sf/88": {"flavour": "pcisf", "pfnum": 0, "sfnum": 88, "function": {"hw_addr": "00:00:00:00:88:88", "state": "active"}},
                    "sf/89": {"pfnum": 0, "function": {"hw_addr": "00:00:00:00:88:89"}}},
          "rates": {"tenant1": {"type": "node", "tx_max": "10Gbit"}, "tenant2": {"type": "node", "tx_share": "1Gbit"},
                    "sf/88": {"parent": "tenant1", "tx_share": "1Gbit"}, "vf/0": {"tx_max": "2Gbit", "parent": "tenant2"}}}},
         "bonds": {"bond0": {"mode": "802.3ad", "miimon": 100, "slaves": ["enp6s0f0np0", "enp6s0f1np1"]}}}
        """),
        ("netdevsim", """
        {"devices": {"netdevsim/netdevsim1": {"eswitch": {"mode": "switchdev"}, "sriov": {"numvfs": 3},
          "params": {"test1": {"cmode": "driverinit", "value": false}, "max_macs": {"cmode": "driverinit", "value": 16}},
          "rates": {"group1": {"type": "node", "tx_max": "1Gbit"}, "group2": {"type": "node", "parent": "group1", "tx_share": "200Mbit"},
                    "vf/0": {"parent": "group2", "tx_share": "100Mbit"}, "vf/1": {"tx_max": "1Gbit"}}}},
         "bonds": {"bond0": {"mode": "active-backup", "slaves": ["eth0", "eth1"]}}}
        """),
    ]

    static func engine(_ session: any DeviceSession) -> DLSEngine {
        DLSEngine(session: session, output: DLSCapturedOutput())
    }

    /// A `.dls` document file and the `plan(DOC)` builtin read a script's value alike.
    @Test func aScriptDocumentFileReadsAsThePlanBuiltinDoes() throws {
        let engine = Self.engine(try DLSBackend.builtinEmulator("mlx5").open())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dls-doc-\(getpid()).dls").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        for (document, message) in [("{\"devices\": {1: {}}}", "$.devices: map key 1 is not a string"),
                                    ("{\"devices\": print}", "$.devices: a function cannot be part of a document")] {
            try "return \(document)".write(toFile: path, atomically: true, encoding: .utf8)
            let fromFile = #expect(throws: DLSError.self) { try engine.loadDesiredState(path: path) }
            #expect(fromFile?.message == "\(path): \(message)")
            let fromScript = #expect(throws: DLSError.self) { try engine.run("plan(\(document))") }
            #expect(fromScript?.message.hasSuffix(message) == true, "\(fromScript?.message ?? "")")
        }
    }

    @Test(arguments: documents.map(\.emulator))
    func planAfterOnAnotherBackendIsTheStateTheApplyLeaves(_ emulator: String) throws {
        let text = try #require(Self.documents.first { $0.emulator == emulator }?.document)
        let engine = Self.engine(ForeignSession(try DLSBackend.builtinEmulator(emulator).open()))
        let document = try engine.loadDesiredState(path: "-", standardInput: text)
        let (before, plan) = try engine.desiredStatePlanWithSnapshot(document)
        #expect(!plan.isEmpty)
        let after = try #require(engine.desiredStateOutcome(plan, before: before), "a rehearsal of the box")
        #expect(try engine.desiredStateSnapshot() == before, "trying the plan changed nothing")
        let report = engine.desiredStateApply(plan)
        #expect(!report.failed, "\(report.error ?? "")")
        #expect(DocumentEncoder.encode(after) == DocumentEncoder.encode(try engine.desiredStateSnapshot()))
    }

    @Test(arguments: documents.map(\.emulator))
    func aTopologySnapshotStartsAnEmulatorWithTheSameSnapshot(_ emulator: String) throws {
        let text = try #require(Self.documents.first { $0.emulator == emulator }?.document)
        let box = Self.engine(try DLSBackend.builtinEmulator(emulator).open())
        let report = box.desiredStateApply(try box.desiredStatePlan(try box.loadDesiredState(path: "-", standardInput: text)))
        #expect(!report.failed, "\(report.error ?? "")")
        let original = DocumentEncoder.encode(try box.desiredStateSnapshot())
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dls-topology-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try box.topologySnapshot().write(toFile: path, atomically: true, encoding: .utf8)
        let fresh = Self.engine(try DLSBackend.topologyFile(path).open())
        #expect(DocumentEncoder.encode(try fresh.desiredStateSnapshot()) == original)
        #expect(try fresh.desiredStatePlan(try box.desiredStateSnapshot()).isEmpty, "the box's snapshot plans nothing on it")
    }

    @Test func aTopologyWithAStateTheEmulatorRefusesNamesTheFile() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("dls-topology-\(UUID().uuidString).json").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        try """
        {"devices": [{"handle": "netdevsim/netdevsim1", "profile": "netdevsim"}],
         "state": {"devices": {"netdevsim/netdevsim1": {"sriov": {"numvfs": 9}}}}}
        """.write(toFile: path, atomically: true, encoding: .utf8)
        do {
            _ = try DLSBackend.topologyFile(path).open()
            Issue.record("a state beyond max_vfs opened")
        } catch {
            #expect(error.message.hasPrefix("\(path): state: "), "\(error.message)")
        }
    }
}

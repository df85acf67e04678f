import DesiredState
import DevlinkEmulator
import DevlinkModel
import Testing

/// A failure injected at every write of a plan leaves the state exactly as before: with the emulator's
/// snapshots (the whole EmulatorState is equal), and with the journal of inverse requests the kernel
/// needs (the snapshot document is equal).
@Suite struct FaultAtEveryStepTests {
    static let pf0 = DeviceHandle(bus: "pci", name: "0000:06:00.0")

    /// Switchdev with 2 VFs, an active SF under a node, a VF MAC.
    static let start = """
    {"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev"}, "sriov": {"numvfs": 2},
      "ports": {"sf/1": {"pfnum": 0, "function": {"hw_addr": "00:00:00:00:01:01", "state": "active"}},
                "sf/3": {"pfnum": 0, "function": {"state": "active"}},
                "vf/0": {"function": {"hw_addr": "00:00:00:00:00:10"}}},
      "rates": {"g1": {"type": "node", "tx_max": "10Gbit"}, "sf/1": {"parent": "g1", "tx_share": "1Gbit"}}}}}
    """

    /// 4 VFs and a legacy-only param (a legacy window), SFs deleted and created, nodes replaced.
    static let target = """
    {"prune": true, "devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev"}, "sriov": {"numvfs": 4},
      "params": {"esw_port_metadata": {"cmode": "runtime", "value": false}},
      "ports": {"sf/1": {"pfnum": 0, "function": {"hw_addr": "00:00:00:00:01:02", "state": "active"}},
                "sf/2": {"pfnum": 0, "function": {"state": "active"}},
                "vf/3": {"function": {"hw_addr": "00:00:00:00:00:13"}}},
      "rates": {"g2": {"type": "node", "tx_max": "20Gbit"}, "sf/2": {"parent": "g2"}, "vf/1": {"tx_max": "1Gbit"}}}}}
    """

    /// Without a mode change: SF deletion and creation, function and rate changes, node deletion.
    static let targetInPlace = """
    {"prune": true, "devices": {"pci/0000:06:00.0": {
      "ports": {"sf/1": {"function": {"hw_addr": "00:00:00:00:01:09", "state": "inactive"}},
                "sf/5": {"pfnum": 0, "function": {"state": "active"}}},
      "rates": {"g3": {"type": "node", "tx_share": "1Gbit"}, "sf/5": {"parent": "g3", "tx_max": "2Gbit"},
                "vf/0": {"tx_share": "100Mbit"}}}}}
    """

    static func startingSession() throws -> EmulatedSession {
        let session = try EmulatedSession(builtin: "mlx5")
        let report = Applier(session: session).apply(
            try Planner.plan(try DocumentDecoder.decode(start), against: ObservedState.read(session)))
        #expect(report.error == nil, "\(report.error ?? "")")
        return session
    }

    @Test(arguments: [true, false], [target, targetInPlace])
    func failureAtEveryWriteChangesNothing(restorable: Bool, target: String) throws {
        let document = try DocumentDecoder.decode(target)
        // The writes of a clean run: every index up to it gets a failing run.
        let clean = FailingSession(try Self.startingSession(), failAt: nil, restorable: restorable)
        let plan = try Planner.plan(document, against: ObservedState.read(clean))
        #expect(plan.steps.count >= 8, "\(plan.text)")
        let cleanReport = Applier(session: clean).apply(plan)
        #expect(cleanReport.error == nil, "\(cleanReport.error ?? "")")
        #expect(try Planner.plan(document, against: ObservedState.read(clean)).isEmpty)
        let writes = clean.writes
        for n in 0..<writes {
            let emulator = try Self.startingSession()
            let before = emulator.snapshot()
            let beforeDocument = DocumentEncoder.encode(try Snapshot.take(emulator))
            let session = FailingSession(emulator, failAt: n, restorable: restorable)
            let report = Applier(session: session).apply(try Planner.plan(document, against: ObservedState.read(session)))
            #expect(report.failed, "write \(n) of \(writes)")
            #expect(report.error?.contains("injected failure at write \(n)") == true, "\(report.error ?? "")")
            #expect(report.rollbackProblems.isEmpty, "write \(n): \(report.rollbackProblems)")
            // Drivers finish their asynchronous work; what is left must be the state from before.
            _ = try emulator.settle()
            if restorable {
                let settledBefore = EmulatedSession(state: before)
                _ = try settledBefore.settle()
                #expect(emulator.snapshot() == settledBefore.snapshot(), "write \(n) of \(writes)")
            }
            #expect(DocumentEncoder.encode(try Snapshot.take(emulator)) == beforeDocument, "write \(n) of \(writes)")
        }
    }
}

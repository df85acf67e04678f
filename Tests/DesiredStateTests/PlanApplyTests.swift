import DesiredState
import DevlinkEmulator
import DevlinkModel
import Testing

/// Plan and apply on both emulator profiles: the plan's lines, the state after apply, and that a
/// second plan is empty.
@Suite struct PlanApplyTests {
    static let twoSFs = """
    {"devices": {"pci/0000:06:00.0": {
        "eswitch": {"mode": "switchdev"},
        "ports": {"sf/88": {"flavour": "pcisf", "pfnum": 0, "sfnum": 88, "function": {"hw_addr": "00:00:00:00:88:88", "state": "active"}},
                  "sf/89": {"flavour": "pcisf", "pfnum": 0, "sfnum": 89, "function": {"hw_addr": "00:00:00:00:88:89", "state": "active"}}},
        "rates": {"tenant1": {"type": "node", "tx_max": "10Gbit"},
                  "sf/88": {"parent": "tenant1", "tx_share": "1Gbit"},
                  "sf/89": {"parent": "tenant1", "tx_share": "2Gbit"}}}}}
    """

    @Test func mlx5TwoSFsUnderANode() throws {
        let session = try EmulatedSession(builtin: "mlx5")
        let document = try DocumentDecoder.decode(Self.twoSFs)
        let plan = try Planner.plan(document, against: ObservedState.read(session))
        #expect(plan.text == """
        ~ dev eswitch set pci/0000:06:00.0 mode switchdev   (mode legacy → switchdev)
        + port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
        + port function set pci/0000:06:00.0/{sf/88} hw_addr 00:00:00:00:88:88 state active
        + port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 89
        + port function set pci/0000:06:00.0/{sf/89} hw_addr 00:00:00:00:88:89 state active
        + port function rate add pci/0000:06:00.0/tenant1 tx_max 10Gbit
        + port function rate set pci/0000:06:00.0/{sf/88} tx_share 1Gbit parent tenant1
        + port function rate set pci/0000:06:00.0/{sf/89} tx_share 2Gbit parent tenant1

        """)
        let report = Applier(session: session).apply(plan)
        #expect(report.error == nil)
        #expect(report.results.allSatisfy { $0.outcome == .ok })
        let after = try ObservedState.read(session)
        let device = try #require(after.device(DeviceHandle(bus: "pci", name: "0000:06:00.0")))
        #expect(device.ports[.sf(88)]?.function?.opstate == .attached, "apply waited for the SF to attach")
        #expect(device.ports[.sf(89)]?.function?.hwAddr?.description == "00:00:00:00:88:89")
        #expect(device.nodes["tenant1"]?.txMax == 1_250_000_000)
        #expect(device.leaves[.sf(89)]?.parent == "tenant1" && device.leaves[.sf(89)]?.txShare == 250_000_000)
        #expect(try Planner.plan(document, against: ObservedState.read(session)).text == "No changes.\n")
    }

    @Test func netdevsimVFsAndRates() throws {
        let session = try EmulatedSession(builtin: "netdevsim")
        let document = try DocumentDecoder.decode("""
        {"devices": {"netdevsim/netdevsim1": {"eswitch": {"mode": "switchdev"}, "sriov": {"numvfs": 2},
          "rates": {"group1": {"type": "node", "tx_max": "1Gbit"}, "vf/0": {"parent": "group1", "tx_share": "100Mbit"},
                    "vf/1": {"tx_max": "500Mbit"}}}}}
        """)
        let plan = try Planner.plan(document, against: ObservedState.read(session))
        #expect(plan.text == """
        ~ dev sriov set netdevsim/netdevsim1 numvfs 2   (numvfs 0 → 2)
        ~ dev eswitch set netdevsim/netdevsim1 mode switchdev   (mode legacy → switchdev)
        + port function rate add netdevsim/netdevsim1/group1 tx_max 1Gbit
        + port function rate set netdevsim/netdevsim1/{vf/0} tx_share 100Mbit parent group1
        + port function rate set netdevsim/netdevsim1/{vf/1} tx_max 500Mbit

        """)
        let report = Applier(session: session).apply(plan)
        #expect(report.error == nil)
        #expect(try Planner.plan(document, against: ObservedState.read(session)).isEmpty)
        // The snapshot of the result, planned against a fresh device and applied, reproduces it.
        let snapshot = try Snapshot.take(session)
        let fresh = try EmulatedSession(builtin: "netdevsim")
        let replay = Applier(session: fresh).apply(try Planner.plan(snapshot, against: ObservedState.read(fresh)))
        #expect(replay.error == nil)
        #expect(DocumentEncoder.encode(try Snapshot.take(fresh)) == DocumentEncoder.encode(snapshot))
    }

    /// A step the driver refuses: the report names it with the kernel's text and the state is as before.
    @Test func aRefusedStepRollsEverythingBack() throws {
        let session = try EmulatedSession(builtin: "mlx5")
        _ = Applier(session: session).apply(try Planner.plan(try DocumentDecoder.decode(Self.twoSFs),
                                                             against: ObservedState.read(session)))
        let before = session.snapshot()
        let refused = try DocumentDecoder.decode("""
        {"devices": {"pci/0000:06:00.0": {"rates": {"tenant2": {"type": "node", "tx_max": "5Gbit"},
                                                    "tenant3": {"type": "node", "parent": "tenant2", "tx_max": "1Gbit"}}}}}
        """)
        let report = Applier(session: session).apply(try Planner.plan(refused, against: ObservedState.read(session)))
        #expect(report.failedStep == 1)
        #expect(report.error?.contains("Parent set isn't supported for the nodes") == true, "\(report.error ?? "")")
        #expect(report.results.map(\.outcome) == [.rolledBack, .failed])
        #expect(session.snapshot() == before)
    }
}

/// Bonds: created with their options and slaves after the devices, changed in one `lag set`, and a
/// second plan is empty; the mlx5 LAG the bond drives comes up.
@Suite struct BondPlanTests {
    @Test func bondWithBothUplinks() throws {
        let session = try EmulatedSession(builtin: "mlx5")
        let document = try DocumentDecoder.decode("""
        {"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev"}}, "pci/0000:06:00.1": {"eswitch": {"mode": "switchdev"}}},
         "bonds": {"bond0": {"mode": "802.3ad", "miimon": 100, "xmit_hash_policy": "layer3+4", "slaves": ["enp6s0f0np0", "enp6s0f1np1"]}}}
        """)
        let plan = try Planner.plan(document, against: ObservedState.read(session))
        #expect(plan.text.hasSuffix("""
        + lag add bond0 mode 802.3ad miimon 100 xmit_hash_policy layer3+4
        + lag slave add bond0 enp6s0f0np0
        + lag slave add bond0 enp6s0f1np1

        """), "\(plan.text)")
        #expect(Applier(session: session).apply(plan).error == nil)
        #expect(try session.hardwareLag(DeviceHandle(bus: "pci", name: "0000:06:00.0"))?.isActive == true,
                "apply waited for the LAG")
        #expect(try Planner.plan(document, against: ObservedState.read(session)).isEmpty)
        let bond = try session.bond(named: "bond0")
        #expect(bond.slaves.map(\.name) == ["enp6s0f0np0", "enp6s0f1np1"] && bond.xmitHashPolicy == .layer34)
        let changed = try DocumentDecoder.decode(#"{"bonds": {"bond0": {"miimon": 200, "slaves": ["enp6s0f0np0"]}}}"#)
        let second = try Planner.plan(changed, against: ObservedState.read(session))
        #expect(second.text == """
        ~ lag set bond0 miimon 200   (miimon 100 → 200)
        - lag slave del enp6s0f1np1

        """)
        #expect(Applier(session: session).apply(second).error == nil)
        #expect(try session.bond(named: "bond0").slaves.map(\.name) == ["enp6s0f0np0"])
        let pruned = try Planner.plan(try DocumentDecoder.decode(#"{"prune": true, "bonds": {}}"#), against: ObservedState.read(session))
        #expect(pruned.text == "- lag del bond0\n")
    }

    /// New nodes go parents first, otherwise in document order; a refused loop through existing nodes
    /// names the nodes left.
    @Test func newNodesParentsFirstInDocumentOrder() throws {
        let session = try EmulatedSession(builtin: "netdevsim")
        let document = try DocumentDecoder.decode("""
        {"devices": {"netdevsim/netdevsim1": {"eswitch": {"mode": "switchdev"}, "rates": {
          "c": {"type": "node", "parent": "b"}, "b": {"type": "node", "parent": "a"}, "a": {"type": "node"},
          "d": {"type": "node"}, "e": {"type": "node", "parent": "a"}}}}}
        """)
        let plan = try Planner.plan(document, against: ObservedState.read(session))
        #expect(plan.steps.compactMap { $0.command.hasPrefix("port function rate add") ? $0.command : nil } == [
            "port function rate add netdevsim/netdevsim1/a",
            "port function rate add netdevsim/netdevsim1/b parent a",
            "port function rate add netdevsim/netdevsim1/c parent b",
            "port function rate add netdevsim/netdevsim1/d",
            "port function rate add netdevsim/netdevsim1/e parent a",
        ])
        #expect(Applier(session: session).apply(plan).error == nil)
    }
}

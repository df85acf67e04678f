import DesiredState
import DevlinkEmulator
import DevlinkModel
import Testing

/// An SF's own devlink instance (`auxiliary/mlx5_core.sf.N`) under its port: `"device": {"params"}`.
/// mlx5 at 6.12 probes the SF light: enable_eth false, no port, until enable_eth is set and reloaded.
@Suite struct SFDeviceTests {
    static let pf = DeviceHandle(bus: "pci", name: "0000:06:00.0")
    static let withEth = """
    {"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev"},
      "ports": {"sf/88": {"pfnum": 0, "function": {"hw_addr": "00:00:00:00:88:88", "state": "active"},
                          "device": {"params": {"enable_eth": {"cmode": "driverinit", "value": true},
                                                "io_eq_size": {"cmode": "driverinit", "value": 512}}}}}}}}
    """

    @Test func paramsAreSetAfterTheAttachThenTheInstanceIsReloaded() throws {
        let session = try EmulatedSession(builtin: "mlx5")
        let document = try DocumentDecoder.decode(Self.withEth)
        let plan = try Planner.plan(document, against: ObservedState.read(session))
        #expect(plan.text == """
        ~ dev eswitch set pci/0000:06:00.0 mode switchdev   (mode legacy → switchdev)
        + port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
        + port function set pci/0000:06:00.0/{sf/88} hw_addr 00:00:00:00:88:88 state active
        ~ dev param set {pci/0000:06:00.0/sf/88} name enable_eth value true cmode driverinit   (enable_eth default → true)
        ~ dev param set {pci/0000:06:00.0/sf/88} name io_eq_size value 512 cmode driverinit   (io_eq_size default → 512)
        ~ dev reload {pci/0000:06:00.0/sf/88} action driver_reinit   (driverinit params take effect)

        """)
        let report = Applier(session: session).apply(plan)
        #expect(report.error == nil)
        let sf = try #require(try ObservedState.read(session).device(Self.pf)?.ports[.sf(88)])
        let instance = try #require(sf.function?.nestedDevlink)
        #expect(try session.ports(of: instance).map(\.flavour) == [.virtual], "the reload loaded the SF's eth function")
        #expect(try session.params(of: instance).first { $0.name == "io_eq_size" }?.value(in: .driverinit) == .u32(512))
        #expect(try Planner.plan(document, against: ObservedState.read(session)).text == "No changes.\n")

        // The snapshot shows the instance's params under the SF, and replays to the same snapshot.
        let snapshot = try Snapshot.take(session)
        let text = DocumentEncoder.encode(snapshot)
        #expect(text.contains("\"device\": {\n"), "\(text)")
        #expect(snapshot.device(Self.pf)?.port(.sf(88))?.deviceParams?.first { $0.name == "enable_eth" }?.value == .bool(true))
        let fresh = try EmulatedSession(builtin: "mlx5")
        let replay = Applier(session: fresh).apply(try Planner.plan(snapshot, against: ObservedState.read(fresh)))
        #expect(replay.error == nil)
        #expect(DocumentEncoder.encode(try Snapshot.take(fresh)) == text)
        #expect(DocumentEncoder.encode(try DocumentDecoder.decode(text)) == text, "the snapshot decodes to itself")
    }

    /// A journal (the kernel's rollback) cannot undo a reload: a failure at any write after it leaves
    /// the instance as before all the same, since the rollback sets its driverinit params back and
    /// reloads it again; nothing is reported as not undone.
    @Test func aRollbackAfterTheReloadLoadsTheOldParamsAgain() throws {
        let change = try DocumentDecoder.decode("""
        {"devices": {"pci/0000:06:00.0": {"ports": {"sf/88": {"device": {"params": {
          "enable_eth": {"cmode": "driverinit", "value": false}}}}},
          "rates": {"g1": {"type": "node", "tx_max": "1Gbit"}}}}}
        """)
        func started() throws -> EmulatedSession {
            let session = try EmulatedSession(builtin: "mlx5")
            let report = Applier(session: session).apply(try Planner.plan(try DocumentDecoder.decode(Self.withEth),
                                                                          against: ObservedState.read(session)))
            #expect(report.error == nil)
            _ = try session.settle()
            return session
        }
        func instancePorts(_ session: DeviceSession) throws -> [PortFlavour] {
            let sf = try #require(try ObservedState.read(session).device(Self.pf)?.ports[.sf(88)])
            return try session.ports(of: try #require(sf.function?.nestedDevlink)).map(\.flavour)
        }
        let clean = FailingSession(try started(), failAt: nil, restorable: false)
        let plan = try Planner.plan(change, against: ObservedState.read(clean))
        #expect(plan.steps.map(\.command) == ["dev param set auxiliary/mlx5_core.sf.2 name enable_eth value false cmode driverinit",
                                              "dev reload auxiliary/mlx5_core.sf.2 action driver_reinit",
                                              "port function rate add pci/0000:06:00.0/g1 tx_max 1Gbit"])
        #expect(Applier(session: clean).apply(plan).error == nil)
        _ = try clean.settle()
        #expect(try instancePorts(clean) == [], "enable_eth false and a reload unload the eth function")
        for n in 0..<clean.writes {
            let emulator = try started()
            let before = DocumentEncoder.encode(try Snapshot.take(emulator))
            let session = FailingSession(emulator, failAt: n, restorable: false)
            let report = Applier(session: session).apply(try Planner.plan(change, against: ObservedState.read(session)))
            #expect(report.failed, "write \(n)")
            #expect(report.rollbackProblems.isEmpty, "write \(n): \(report.rollbackProblems)")
            _ = try emulator.settle()
            #expect(try instancePorts(emulator) == [.virtual], "write \(n): the eth function is loaded as before")
            #expect(DocumentEncoder.encode(try Snapshot.take(emulator)) == before, "write \(n)")
        }
    }

    @Test func aChangeOnAnExistingInstanceSetsOnlyWhatDiffers() throws {
        let session = try EmulatedSession(builtin: "mlx5")
        _ = Applier(session: session).apply(try Planner.plan(try DocumentDecoder.decode(Self.withEth),
                                                            against: ObservedState.read(session)))
        let change = try DocumentDecoder.decode("""
        {"devices": {"pci/0000:06:00.0": {"ports": {"sf/88": {"device": {"params": {
          "enable_eth": {"cmode": "driverinit", "value": true}, "event_eq_size": {"cmode": "driverinit", "value": 2048}}}}}}}}
        """)
        let plan = try Planner.plan(change, against: ObservedState.read(session))
        #expect(plan.text == """
        ~ dev param set auxiliary/mlx5_core.sf.2 name event_eq_size value 2048 cmode driverinit   (event_eq_size 4096 → 2048)
        ~ dev reload auxiliary/mlx5_core.sf.2 action driver_reinit   (driverinit params take effect)

        """)
        #expect(Applier(session: session).apply(plan).error == nil)
        #expect(try Planner.plan(change, against: ObservedState.read(session)).isEmpty)
    }

    @Test func refusedBeforeAnythingIsSent() throws {
        let session = try EmulatedSession(builtin: "mlx5")
        let inactive = try DocumentDecoder.decode("""
        {"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "switchdev"}, "ports": {"sf/88": {"pfnum": 0,
          "device": {"params": {"enable_eth": {"cmode": "driverinit", "value": true}}}}}}}}
        """)
        let error = #expect(throws: PlanError.self) { try Planner.plan(inactive, against: ObservedState.read(session)) }
        #expect(error?.description == "$.devices[\"pci/0000:06:00.0\"].ports[\"sf/88\"].device: "
                + "an SF's device exists only while the SF is active (set function.state to active)")
        _ = Applier(session: session).apply(try Planner.plan(try DocumentDecoder.decode(Self.withEth),
                                                            against: ObservedState.read(session)))
        let unknown = try DocumentDecoder.decode("""
        {"devices": {"pci/0000:06:00.0": {"ports": {"sf/88": {"device": {"params": {"max_macs": {"cmode": "driverinit", "value": 4}}}}}}}}
        """)
        #expect(throws: PlanError.self) { try Planner.plan(unknown, against: ObservedState.read(session)) }
        #expect(throws: DocumentError.self) {
            try DocumentDecoder.decode(#"{"devices": {"pci/0000:06:00.0": {"ports": {"vf/0": {"device": {"params": {}}}}}}}"#)
        }
    }
}

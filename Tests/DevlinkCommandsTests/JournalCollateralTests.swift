import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Testing

/// The journal on changes with side effects (a mode change deleting SFs, SR-IOV off deleting rate nodes,
/// split ports), nesting, commit, and how steps that cannot be undone are reported.
@Suite struct JournalCollateralTests {
    static let splitTopology = Topology(devices: [
        DeviceSpec(handle: "netdevsim/netdevsim1", profile: .netdevsim,
                   physicalPorts: [PhysicalPortSpec(lanes: 4, splittable: true), PhysicalPortSpec(lanes: 4, splittable: true)]),
    ], netdevNaming: .eth)

    /// Runs `setup` (kept), then `body` in a transaction that fails at its end; returns the rendered error.
    func rollBack(_ body: String, setup: String = "", topology: Topology = .mlx5) throws -> (String?, SessionView, SessionView) {
        let session = try EmulatedSession(topology: topology)
        let interpreter = Interpreter(output: CapturedOutput())
        DevlinkHost(session: session, undo: .journal).install(in: interpreter)
        try interpreter.run(setup, file: "setup.dls")
        let before = try SessionView(session)
        var failure: String?
        do {
            try interpreter.run("transaction {\n\(body)\nthrow \"stop\"\n}", file: "t.dls")
        } catch {
            failure = interpreter.render(error)
        }
        return (failure, before, try SessionView(session))
    }

    @Test func legacyModeTakesSubfunctionsAndRollbackBringsThemBack() throws {
        let (failure, before, after) = try rollBack("""
            dev eswitch set pci/0000:06:00.0 mode legacy
            assert len(ports("pci/0000:06:00.0", flavour: "pcisf")) == 0
            """, setup: """
            let dev = "pci/0000:06:00.0"
            dev eswitch set $dev mode switchdev
            let sf = port add $dev flavour pcisf pfnum 0 sfnum 88
            port function set $sf hw_addr 00:00:00:00:88:01 state active
            port function rate set $sf tx_max 1gbit
            """)
        #expect(failure?.contains("transaction rolled back: no changes were kept") == true, "\(failure ?? "")")
        #expect(after == before)
    }

    @Test func sriovOffOnNetdevsimTakesNodesAndVFsAndRollbackBringsThemBack() throws {
        let (failure, before, after) = try rollBack("""
            dev sriov set netdevsim/netdevsim1 numvfs 0
            assert len(rates("netdevsim/netdevsim1")) == 0
            """, setup: """
            let dev = "netdevsim/netdevsim1"
            dev sriov set $dev numvfs 2
            dev eswitch set $dev mode switchdev
            port function rate add $dev/top tx_max 1000mbit
            port function rate add $dev/low tx_share 100mbit parent top
            port function rate set netdevsim/netdevsim1/128 parent low tx_max 200mbit
            """, topology: .netdevsim)
        #expect(failure?.contains("transaction rolled back: no changes were kept") == true, "\(failure ?? "")")
        #expect(after == before)
    }

    @Test func splitAndUnsplitAreUndone() throws {
        let (failure, before, after) = try rollBack("""
            port split netdevsim/netdevsim1/0 count 4
            port unsplit netdevsim/netdevsim1/0
            port split netdevsim/netdevsim1/1 count 2
            """, topology: Self.splitTopology)
        #expect(failure?.contains("transaction rolled back: no changes were kept") == true, "\(failure ?? "")")
        #expect(after == before)
        let (unsplitFailure, splitBefore, splitAfter) = try rollBack(
            "port unsplit netdevsim/netdevsim1/0", setup: "port split netdevsim/netdevsim1/0 count 2", topology: Self.splitTopology)
        #expect(unsplitFailure?.contains("no changes were kept") == true, "\(unsplitFailure ?? "")")
        #expect(splitAfter == splitBefore)
    }

    @Test func paramsAreSetBack() throws {
        let (failure, before, after) = try rollBack("""
            dev param set pci/0000:06:00.0 name max_macs value 64 cmode driverinit
            dev param set pci/0000:06:00.0 name flow_steering_mode value smfs cmode runtime
            """)
        #expect(failure?.contains("no changes were kept") == true, "\(failure ?? "")")
        #expect(after == before)
    }

    @Test func innerRollbackKeepsOuterChangesAndOuterRollbackUndoesCommittedInnerOnes() throws {
        let session = try EmulatedSession()
        let interpreter = Interpreter(output: CapturedOutput())
        DevlinkHost(session: session, undo: .journal).install(in: interpreter)
        let start = try SessionView(session)
        try interpreter.run("""
            let dev = "pci/0000:06:00.0"
            transaction {
                dev eswitch set $dev mode switchdev
                try { transaction { port add $dev flavour pcisf pfnum 0 sfnum 1
                    throw "inner" } } catch e { }
                assert len(ports(dev, flavour: "pcisf")) == 0
                transaction { port add $dev flavour pcisf pfnum 0 sfnum 2 }
            }
            """, file: "nest.dls")
        #expect(try session.ports(of: nil).filter { $0.flavour == .pcisf }.map(\.sfnum) == [2])
        #expect(try session.eswitch(DeviceHandle(bus: "pci", name: "0000:06:00.0")).mode == .switchdev)
        // Committed: a later transaction's rollback does not reach back before it.
        let committed = try SessionView(session)
        #expect(committed != start)
        #expect(throws: ScriptFailure.self) {
            try interpreter.run("transaction { port del pci/0000:06:00.0/32769\nthrow \"x\" }", file: "again.dls")
        }
        #expect(try SessionView(session) == committed)
        // An outer rollback undoes an inner transaction that had committed.
        #expect(throws: ScriptFailure.self) {
            try interpreter.run("""
                transaction {
                    transaction { port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 3 }
                    throw "outer"
                }
                """, file: "outer.dls")
        }
        #expect(try SessionView(session) == committed)
    }

    @Test func stepsThatCannotBeUndoneAreReported() throws {
        let (failure, _, _) = try rollBack("""
            dev eswitch set pci/0000:06:00.0 mode switchdev
            let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 7
            port function set $sf state active
            """)
        #expect(failure?.contains("no changes were kept") == true)
        // A session that refuses the undo: the emulator's fault injection fails the inverse request.
        let session = try EmulatedSession()
        let interpreter = Interpreter(output: CapturedOutput())
        DevlinkHost(session: session, undo: .journal).install(in: interpreter)
        interpreter.define(NativeFunction("arm_fault", arity: 0...0) { _ in
            session.injectFault(.portDelete, .EBUSY, message: "mlx5_core: busy")
            return .null
        })
        var rendered = ""
        do {
            try interpreter.run("""
                dev eswitch set pci/0000:06:00.0 mode switchdev
                transaction {
                    port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 5
                    arm_fault()
                    throw "stop"
                }
                """, file: "f.dls")
        } catch {
            rendered = interpreter.render(error)
        }
        #expect(rendered.contains("""
            transaction rolled back, but 1 step could not be undone:
              port del pci/0000:06:00.0/32768: mlx5_core: busy (EBUSY: Device or resource busy)
            """), "\(rendered)")
    }

    /// A step the journal cannot undo is listed once, with its reason, not repeated as its own error.
    @Test func aStepThatCannotBeUndoneIsListedOnceWithItsReason() throws {
        let (failure, _, _) = try rollBack("""
            dev reload pci/0000:06:00.0
            """)
        #expect(failure?.contains("""
            transaction rolled back, but 1 step could not be undone:
              DEVLINK_CMD_RELOAD (dls cannot undo it)
            """) == true, "\(failure ?? "")")
        #expect(failure?.contains("cannot be undone") == false, "\(failure ?? "")")
    }
}

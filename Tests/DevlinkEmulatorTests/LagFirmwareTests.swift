import DevlinkEmulator
import DevlinkModel
import Testing

/// Injected firmware failures (lag.md §5.7) and snapshots of LAG state.
@Suite struct LagFirmwareTests {
    @Test func createFailureLeavesLagOffAndRestoresDevices() throws {
        let s = try EmulatedSession()
        s.injectFirmwareFault(.createLag, status: .badParameter, syndrome: 0x3a_5c7e)
        _ = try Lag.bonded(.activeBackup, session: s)
        let lag = try Lag.lag(s)
        #expect(!lag.isActive && lag.rdmaDevices == ["mlx5_0", "mlx5_1"])
        #expect(lag.reason == "CREATE_LAG failed: status bad parameter(0x3), syndrome 0x3a5c7e")
        let entry = try #require(try s.firmwareLog(H.pf0).first)
        #expect(entry.opcode == .createLag && entry.status == .badParameter && entry.syndrome == 0x3a_5c7e)
        #expect(entry.status.errno == .EINVAL && !entry.succeeded)
        #expect(s.kernelLog.contains("mlx5_core 0000:06:00.0: CREATE_LAG(0x840) op_mod(0x0) failed, status bad parameter(0x3), syndrome (0x3a5c7e), err(-22)"))
        #expect(s.kernelLog.contains("mlx5_core 0000:06:00.0: Failed to create LAG (-22)"))
        #expect(s.kernelLog.contains("mlx5_core 0000:06:00.0: Failed to activate RoCE LAG"))
        #expect(try s.queryLag(H.pf0).lagState == 0)
        // The next bond event retries, and the fault was one-shot.
        try s.setCable(Lag.p1, plugged: false)
        try s.settle()
        #expect(try Lag.lag(s).isActive && Lag.lag(s).reason == nil)
    }

    @Test func modifyFailureKeepsTheOldMap() throws {
        let s = try Lag.bonded(.activeBackup)
        s.injectFirmwareFault(.modifyLag, status: .internalError, syndrome: 0x77, device: H.pf0)
        try s.setCable(Lag.p0, plugged: false)
        try s.settle()
        #expect(try Lag.lag(s).map == [1, 1])
        let failed = try #require(try s.firmwareLog(H.pf0).last)
        #expect(failed.opcode == .modifyLag && failed.status == .internalError && failed.status.errno == .EIO)
        #expect(s.kernelLog.last == "mlx5_core 0000:06:00.0: Failed to modify LAG (-5)")
        #expect(try s.queryLag(H.pf0).txRemapAffinity1 == 1)   // the firmware kept it too
        // The next lower-state event retries with the map still pending.
        try s.setCable(Lag.p0, plugged: true)
        try s.settle()
        #expect(try Lag.lag(s).map == [2, 2])
    }

    @Test func destroyFailureNeedsADriverRestart() throws {
        let s = try Lag.bonded(.activeBackup)
        s.injectFirmwareFault(.destroyLag, status: .resourceBusy, syndrome: 0x1)
        try s.release(Lag.p0)
        try s.settle()
        let lag = try Lag.lag(s)
        // Mode is NONE already, but the IB devices are not re-added and the firmware is still in LAG.
        #expect(!lag.isActive && lag.rdmaDevices.isEmpty && s.rdmaDevices.isEmpty)
        #expect(s.kernelLog.last == "mlx5_core 0000:06:00.0: Failed to deactivate RoCE LAG; driver restart required")
        #expect(try s.queryLag(H.pf0).lagState == 1)
        // Re-forming the bond: the firmware refuses CREATE_LAG while still in LAG (emulator's choice).
        try s.setLink(Lag.p0, up: false)
        try s.enslave(Lag.p0, to: "bond0")
        try s.settle()
        let create = try #require(try s.firmwareLog(H.pf0).last)
        #expect(create.opcode == .createLag && create.status == .badResourceState)
        #expect(try !Lag.lag(s).isActive)
    }

    @Test func vportLagFailureLeavesNoBondDevice() throws {
        let s = try EmulatedSession()
        s.injectFirmwareFault(.createVportLag, status: .noResources, syndrome: 0x9)
        _ = try Lag.bonded(.activeBackup, session: s)
        let lag = try Lag.lag(s)
        #expect(lag.isActive && lag.rdmaDevices.isEmpty)
        try s.release(Lag.p1)
        try s.settle()
        // No vport LAG to destroy; the per-port devices come back.
        #expect(try Lag.opcodes(s) == ["CREATE_LAG", "CREATE_VPORT_LAG", "DESTROY_LAG"])
        #expect(try Lag.lag(s).rdmaDevices == ["mlx5_0", "mlx5_1"])
    }

    @Test func snapshotsCoverLagState() throws {
        let s = try EmulatedSession()
        let clean = s.snapshot()
        _ = try Lag.bonded(.activeBackup, session: s)
        let bonded = s.snapshot()
        #expect(bonded != clean)
        s.restore(clean)
        #expect(try s.bonds().isEmpty && Lag.opcodes(s).isEmpty && !Lag.lag(s).isActive)
        #expect(s.rdmaDevices.map(\.name) == ["mlx5_0", "mlx5_1"] && s.kernelLog.isEmpty)
        #expect(try s.interfaces().allSatisfy { $0.master == nil && !$0.adminUp })
        s.restore(bonded)
        #expect(try Lag.lag(s).rdmaDevices == ["mlx5_bond_0"] && Lag.lag(s).map == [1, 1])
        // Restored state keeps working: failover after restore.
        try s.setCable(Lag.p0, plugged: false)
        try s.settle()
        #expect(try Lag.lag(s).map == [2, 2])
    }

    @Test func pendingWorkIsPartOfTheSnapshot() throws {
        let s = try EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig(mode: .activeBackup))
        try s.enslave(Lag.p0, to: "bond0")
        try s.enslave(Lag.p1, to: "bond0")
        let queued = s.snapshot()
        try s.settle()
        s.restore(queued)
        #expect(try s.pendingWorkCount == 1 && !Lag.lag(s).isActive)
        try s.settle()
        #expect(try Lag.lag(s).isActive)
    }

    @Test func firmwareStatusTable() {
        #expect(FirmwareStatus(0x07).text == "FW not ready" && FirmwareStatus(0x07).errno == .EAGAIN)
        #expect(FirmwareStatus(0x08).errno == .ENOMEM && FirmwareStatus(0x06).errno == .EBUSY)
        #expect(FirmwareStatus(0x42).text == "unknown status" && FirmwareStatus(0x42).errno == .EIO)
        #expect(FirmwareStatus.ok.errno == nil)
        #expect(FirmwareOpcode.allCases.map(\.rawValue) == [0x840, 0x841, 0x842, 0x843, 0x844, 0x845])
    }
}

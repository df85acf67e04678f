import DevlinkEmulator
import DevlinkModel
import Testing

/// The port function rules of docs/fidelity.md's port audit that are about what a port reports and
/// what activation does, not an error row: each failed on the emulator before the audit.
@Suite struct PortFunctionAuditTests {
    /// Without VHCA management mlx5's roce, migratable and max_io_eqs gets answer EOPNOTSUPP, so a
    /// VF's function carries none of them (devlink_port_fn_caps_fill, devlink_port_fn_max_io_eqs_fill).
    @Test func withoutVhcaManagementTheFunctionHasNoCapsOrEqs() throws {
        let session = try session(forProfile: "mlx5-novhca")
        try session.setSriovNumVFs(H.pf0, 1)
        let function = try #require(try session.port(H.vf(0)).function)
        #expect(function.roce == nil)
        #expect(function.migratable == nil)
        #expect(function.maxIOEQs == nil)
        #expect(function.hwAddr == .zero)
    }

    /// Without max_num_eqs_24b the max_io_eqs get fails (left out), and mlx5_sf_activate skips the
    /// default of 8, so activation needs nothing of it.
    @Test func withoutMaxNumEqs24bActivationSetsNoDefault() throws {
        let session = try session(forProfile: "mlx5-noeqs")
        let sf = try session.addPort(H.sfRequest(88))
        #expect(sf.function?.maxIOEQs == nil)
        #expect(sf.function?.roce == true)
        try session.setPortFunction(sf.handle, PortFunctionChanges(state: .active))
        try session.settle()
        let active = try #require(try session.port(sf.handle).function)
        #expect(active.state == .active && active.opstate == .attached)
        #expect(active.maxIOEQs == nil)
    }

    /// migratable is reported for VFs only (devlink_port_fn_migratable_fill), and only with both the
    /// migration cap and VHCA management.
    @Test func migratableIsReportedForVFsWithTheCaps() throws {
        let full = try session(forProfile: "mlx5")
        try full.setSriovNumVFs(H.pf0, 1)
        #expect(try full.port(H.vf(0)).function?.migratable == false)
        let sf = try full.addPort(H.sfRequest(88))
        #expect(sf.function?.migratable == nil)
        let noMigration = try session(forProfile: "mlx5-nomig")
        try noMigration.setSriovNumVFs(H.pf0, 1)
        #expect(try noMigration.port(H.vf(0)).function?.migratable == nil)
    }
}

import DevlinkEmulator
import DevlinkModel
import Testing

/// An activated SF's own devlink instance, `auxiliary/mlx5_core.sf.N` (mlx5 sf/dev/dev.c, driver.c).
@Suite struct SFDeviceTests {
    static let aux2 = DeviceHandle(bus: "auxiliary", name: "mlx5_core.sf.2")

    /// switchdev, SF 88 added and activated, attach work not yet run.
    static func activated(kernel: String? = nil, sfnum: UInt32 = 88) throws -> EmulatedSession {
        let s = try mlx5Session(kernel: kernel)
        let sf = try s.addPort(H.sfRequest(sfnum))
        try s.setPortFunction(sf.handle, PortFunctionChanges(state: .active))
        _ = try s.drainEvents()
        return s
    }

    @Test func appearsWhenTheDriverAttachesNamedByTheAuxiliaryIndex() throws {
        let s = try Self.activated()
        #expect(try s.devices() == [H.pf0, H.pf1])
        try s.settle()
        // Each PF's mlx5_core_dev took indexes 0 and 1; the SF's auxiliary device takes 2 (its own
        // core device 3), so a second SF gets 4.
        #expect(try s.devices() == [H.pf0, H.pf1, Self.aux2])
        // devlink_register notifies the instance, then its params (devlink_notify_register).
        let events = try s.drainEvents()
        #expect(events.first == .deviceNew(Self.aux2))
        #expect(events.dropFirst().allSatisfy { if case .paramNew(let p) = $0 { p.device == Self.aux2 } else { false } })
        #expect(events.count == 7)
        let sf2 = try s.addPort(H.sfRequest(89))
        try s.setPortFunction(sf2.handle, PortFunctionChanges(state: .active))
        try s.settle()
        #expect(try s.devices().last == DeviceHandle(bus: "auxiliary", name: "mlx5_core.sf.4"))
    }

    @Test func lightProbeHasParamsButNoPortUntilEnableEthAndReload() throws {
        let s = try Self.activated()
        try s.settle()
        let names = try s.params(of: Self.aux2).map(\.name)
        #expect(names == ["enable_roce", "enable_eth", "enable_rdma", "enable_vnet", "io_eq_size", "event_eq_size"])
        #expect(try s.param(Self.aux2, name: "enable_eth").value(in: .driverinit) == .bool(false))
        #expect(try s.ports(of: Self.aux2).isEmpty)
        try s.setParam(Self.aux2, name: "enable_eth", value: .bool(true), cmode: .driverinit)
        // A driverinit value waits for the reload.
        #expect(try s.ports(of: Self.aux2).isEmpty)
        expectError(.EOPNOTSUPP, nil) { _ = try s.perform(ReloadDevice(Self.aux2, action: .fwActivate)) }
        _ = try s.perform(ReloadDevice(Self.aux2))
        let ports = try s.ports(of: Self.aux2)
        #expect(ports.count == 1)
        #expect(ports.first?.flavour == .virtual && ports.first?.type == .eth && ports.first?.netdev == "enp6s0f0s88")
        expectError(.EOPNOTSUPP, "mlx5_core: FW activate is unsupported for this function") {
            _ = try s.perform(ReloadDevice(Self.aux2, action: .fwActivate))
        }
        // enable_eth back to false: the next reload takes the port away again.
        try s.setParam(Self.aux2, name: "enable_eth", value: .bool(false), cmode: .driverinit)
        _ = try s.perform(ReloadDevice(Self.aux2))
        #expect(try s.ports(of: Self.aux2).isEmpty)
    }

    @Test func beforeLightProbeTheSFComesUpWithItsPort() throws {
        let s = try Self.activated(kernel: "6.4")
        try s.settle()
        #expect(try s.param(Self.aux2, name: "enable_eth").value(in: .driverinit) == .bool(true))
        #expect(try s.ports(of: Self.aux2).map(\.flavour) == [.virtual])
    }

    @Test func goesWithDeactivationDeletionAndLegacyMode() throws {
        let s = try Self.activated()
        try s.settle()
        try s.setPortFunction(H.firstSF, PortFunctionChanges(state: .inactive))
        #expect(try s.devices().contains(Self.aux2))   // still attached until the driver detaches
        try s.settle()
        #expect(try !s.devices().contains(Self.aux2))
        // Deleting an active SF: the device goes with the firmware's detach event.
        try s.setPortFunction(H.firstSF, PortFunctionChanges(state: .active))
        try s.settle()
        #expect(try s.devices().contains(Self.aux2))
        try s.deletePort(H.firstSF)
        try s.settle()
        #expect(try s.devices() == [H.pf0, H.pf1])
        // Leaving switchdev tears all SFs down at once; the freed index is reused.
        let again = try s.addPort(H.sfRequest(90))
        try s.setPortFunction(again.handle, PortFunctionChanges(state: .active))
        try s.settle()
        #expect(try s.devices().last == Self.aux2)
        try s.setEswitch(H.pf0, EswitchChanges(mode: .legacy))
        #expect(try s.devices() == [H.pf0, H.pf1])
    }

    @Test func noEswitchOnTheSFsInstance() throws {
        let s = try Self.activated()
        try s.settle()
        expectError(.EOPNOTSUPP, nil) { _ = try s.eswitch(Self.aux2) }
        expectError(.EOPNOTSUPP, nil) { try s.setEswitch(Self.aux2, EswitchChanges(mode: .switchdev)) }
    }

    @Test func sfPortsReportExternalAndKeepNamesWithinIFNAMSIZ() throws {
        let s = try mlx5Session()
        #expect(try s.addPort(H.sfRequest(88)).external == false)
        // enp6s0pf0sf10000 would be 16 bytes: the kernel's ethN name stays.
        let long = try s.addPort(H.sfRequest(10000))
        #expect(long.netdev?.hasPrefix("eth") == true)
        #expect(try s.addPort(H.sfRequest(9999)).netdev == "enp6s0pf0sf9999")
    }
}

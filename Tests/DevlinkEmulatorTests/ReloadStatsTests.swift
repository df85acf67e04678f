import DevlinkEmulator
import DevlinkModel
import Testing

/// DEVLINK_ATTR_DEV_STATS (`dev show -s`): devlink_reload_stats_update after each successful reload,
/// listed as devlink_reload_stats_put does.
@Suite struct ReloadStatsTests {
    func stats(_ s: EmulatedSession, _ d: DeviceHandle) throws -> ReloadStats {
        try #require(try s.perform(ListDeviceStatus()).first { $0.device == d }?.stats)
    }

    func count(_ list: [ReloadStats.Action], _ action: ReloadAction, _ limit: ReloadLimit?) -> UInt32? {
        list.first { $0.action == action }?.counts.first { $0.limit == limit }?.value
    }

    @Test func netdevsimCountsItsReloads() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        var st = try stats(s, H.nsim)
        // Local: the driver's one action with the unspecified limit; remote: every valid combination.
        #expect(st.local.map(\.action) == [.driverReinit] && st.local[0].counts.map(\.limit) == [nil])
        #expect(st.remote.map(\.action) == [.driverReinit, .fwActivate] && st.remote[1].counts.map(\.limit) == [nil, .noReset])
        _ = try s.perform(ReloadDevice(H.nsim))
        _ = try s.perform(ReloadDevice(H.nsim, action: .driverReinit))
        expectError(.EOPNOTSUPP, "Requested reload action is not supported by the driver") {
            _ = try s.perform(ReloadDevice(H.nsim, action: .fwActivate))
        }
        st = try stats(s, H.nsim)
        #expect(count(st.local, .driverReinit, nil) == 2 && count(st.remote, .driverReinit, nil) == 0)
    }

    @Test func aFailedReloadIsNotCounted() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        let fib = try #require(try s.perform(ListResources(H.nsim)).resources.first?.children.first)
        try s.perform(SetResourceSize(H.nsim, id: fib.id, size: 1))
        #expect(throws: DevlinkError.self) { _ = try s.perform(ReloadDevice(H.nsim)) }
        #expect(count(try stats(s, H.nsim).local, .driverReinit, nil) == 0)
    }

    @Test func mlx5FirmwareActivationCountsBothActions() throws {
        let s = try mlx5Session(switchdev: false)
        _ = try s.perform(ReloadDevice(H.pf0, action: .fwActivate))
        let st = try stats(s, H.pf0)
        #expect(count(st.local, .fwActivate, nil) == 1 && count(st.local, .driverReinit, nil) == 1)
        #expect(count(st.local, .fwActivate, .noReset) == 0 && count(st.local, .driverReinit, .noReset) == nil)
    }
}

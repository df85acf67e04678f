import DevlinkEmulator
import DevlinkModel
import Testing

/// `dev reload`: devlink_nl_reload_doit's checks, then netdevsim's and mlx5's reload_down/up.
@Suite struct ReloadTests {
    @Test func coreChecksActionAndLimitAgainstTheDriversOps() throws {
        let session = try nsimSession(switchdev: false, vfs: 0)
        expectError(.EOPNOTSUPP, "Requested reload action is not supported by the driver") {
            _ = try session.perform(ReloadDevice(H.nsim, action: .fwActivate))
        }
        // A client selecting only the limit's own bit passes the policy and meets the core's checks.
        let own = UInt32(1) << UInt32(ReloadLimit.noReset.rawValue)
        expectError(.EOPNOTSUPP, "Requested limit is not supported by the driver") {
            _ = try session.perform(ReloadDevice(H.nsim, limit: .noReset, limitSelector: own))
        }
        let mlx5 = try mlx5Session(switchdev: false)
        expectError(.EINVAL, "Requested limit is invalid for this action") {
            _ = try mlx5.perform(ReloadDevice(H.pf0, action: .driverReinit, limit: .noReset, limitSelector: own))
        }
        expectError(.ENODEV, nil) { _ = try session.perform(ReloadDevice(DeviceHandle(bus: "netdevsim", name: "netdevsim9"))) }
        // Refused requests change nothing and notify nothing.
        #expect(try session.drainEvents().isEmpty && (try mlx5.drainEvents().isEmpty))
    }

    /// devlink selects every valid limit bit; the generated policy (BITFIELD32(6)) refuses bit 0 before
    /// the device is even looked up.
    @Test func devlinksLimitSelectorFailsThePolicy() throws {
        let mlx5 = try mlx5Session(switchdev: false)
        expectError(.EINVAL, "Attribute failed policy validation") {
            _ = try mlx5.perform(ReloadDevice(H.pf0, action: .fwActivate, limit: .noReset))
        }
        expectError(.EINVAL, "Attribute failed policy validation") {
            _ = try mlx5.perform(ReloadDevice(DeviceHandle(bus: "pci", name: "0000:99:00.0"), limit: .noReset))
        }
    }

    @Test func replyOnlyWhenAnActionOrLimitWasSent() throws {
        let session = try nsimSession(switchdev: false, vfs: 0)
        #expect(try session.perform(ReloadDevice(H.nsim)).actionsPerformed == nil)
        #expect(try session.perform(ReloadDevice(H.nsim, action: .driverReinit)).actionsPerformed == [.driverReinit])
    }

    @Test func netdevsimRecreatesPortsWithFreshNetdevsNewestFirst() throws {
        let session = try nsimSession(switchdev: false, vfs: 0)
        let before = try session.ports(of: H.nsim)
        let ifindexes = before.compactMap(\.ifindex)
        _ = try session.perform(ReloadDevice(H.nsim))
        let after = try session.ports(of: H.nsim)
        #expect(after.map(\.index) == [0, 1] && after.map(\.netdev) == ["eth0", "eth1"])
        #expect(after.compactMap(\.ifindex).allSatisfy { !ifindexes.contains($0) })
        let events = try session.drainEvents()
        // Port 1 (added last) goes first; the device notification closes the reload.
        let deleted = events.compactMap { if case .portDel(let p) = $0 { p.index } else { nil } }
        #expect(deleted == [1, 0])
        #expect(events.last == .deviceNew(H.nsim))
    }

    @Test func netdevsimWithVFsDropsThemAndLeavesSwitchdev() throws {
        let session = try nsimSession(switchdev: true, vfs: 2)
        try session.addRateNode(H.node("g1", H.nsim), RateChanges())
        _ = try session.perform(ReloadDevice(H.nsim, action: .driverReinit))
        #expect(try session.sriovNumVFs(H.nsim) == 0)
        #expect(try session.eswitch(H.nsim).mode == .legacy)
        #expect(try session.rates(of: H.nsim).isEmpty)
        #expect(try session.ports(of: H.nsim).map(\.index) == [0, 1])
    }

    @Test func netdevsimWithoutVFsKeepsSwitchdev() throws {
        let session = try nsimSession(switchdev: true, vfs: 0)
        _ = try session.perform(ReloadDevice(H.nsim))
        #expect(try session.eswitch(H.nsim).mode == .switchdev)
    }

    @Test func mlx5RefusesReloadWhileLagIsActiveAndWarnsWithVFs() throws {
        let session = try mlx5Session(switchdev: false)
        try session.setSriovNumVFs(H.pf0, 2)
        let reply = try session.perform(ReloadDevice(H.pf0, action: .driverReinit))
        #expect(reply.warning == "mlx5_core: reload while VFs are present is unfavorable")
        #expect(reply.actionsPerformed == [.driverReinit])
        #expect(try session.sriovNumVFs(H.pf0) == 2)
    }

    @Test func mlx5RefusesReloadInLagMode() throws {
        let session = try Lag.bonded(.ieee8023ad, policy: .layer34)
        #expect(try Lag.lag(session).mode != .none)
        expectError(.EOPNOTSUPP, "mlx5_core: reload is unsupported in Lag mode") {
            _ = try session.perform(ReloadDevice(H.pf1))
        }
    }

    @Test func mlx5ReloadDisablesTheEswitch() throws {
        let session = try mlx5Session()
        _ = try session.addPort(H.sfRequest(88))
        try session.addRateNode(H.node("g1"), RateChanges())
        let reply = try session.perform(ReloadDevice(H.pf0, action: .fwActivate))
        #expect(reply.actionsPerformed == [.driverReinit, .fwActivate])
        #expect(try session.eswitch(H.pf0).mode == .legacy)
        #expect(try session.ports(of: H.pf0).map(\.flavour) == [.physical])
        #expect(try session.rates(of: H.pf0).isEmpty)
    }

    @Test func mlx5LivePatchKeepsTheDriverLoaded() throws {
        let session = try mlx5Session()
        _ = try session.addPort(H.sfRequest(88))
        let reply = try session.perform(ReloadDevice(H.pf0, action: .fwActivate, limit: .noReset, limitSelector: 0b10))
        #expect(reply.actionsPerformed == [.fwActivate])
        #expect(try session.eswitch(H.pf0).mode == .switchdev)
        #expect(try session.ports(of: H.pf0).count == 2)
    }
}

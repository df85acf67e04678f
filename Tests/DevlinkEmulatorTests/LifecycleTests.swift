import DevlinkEmulator
import DevlinkModel
import Testing

@Suite struct LifecycleTests {
    @Test func defaultMlx5Topology() throws {
        let session = try EmulatedSession()
        #expect(try session.devices() == [H.pf0, H.pf1])
        let ports = try session.ports(of: nil)
        #expect(ports.map(\.handle.description) == ["pci/0000:06:00.0/65535", "pci/0000:06:00.1/131071"])
        #expect(ports[0].netdev == "enp6s0f0np0" && ports[1].netdev == "enp6s0f1np1")
        #expect(ports[0].flavour == .physical && ports[0].portNumber == 0 && ports[1].portNumber == 1)
        #expect(ports[0].type == .eth && ports[0].function == nil && !ports[0].splittable)
        #expect(try session.eswitch(H.pf0) == Eswitch(mode: .legacy, inlineMode: EswitchInlineMode.none, encapMode: .basic))
        #expect(try session.info(H.pf0).driver == "mlx5_core")
        #expect(session.state.deviceCaps(H.pf0)?["num_lag_ports"] == 2)
        #expect(session.state.deviceCaps(H.pf0)?["lag_master"] == 1)
    }

    @Test func netdevsimTopology() throws {
        let session = try EmulatedSession(builtin: "netdevsim")
        let ports = try session.ports(of: H.nsim)
        #expect(ports.map(\.index) == [0, 1])
        #expect(ports.map(\.netdev) == ["eth0", "eth1"])
        #expect(ports.map(\.portNumber) == [1, 2])
        #expect(try session.eswitch(H.nsim) == Eswitch(mode: .legacy))
        // VF ports appear only in switchdev with VFs, at 128+N, each with a leaf and an ethN netdev.
        try session.setSriovNumVFs(H.nsim, 2)
        #expect(try session.ports(of: H.nsim).count == 2)
        try session.setEswitch(H.nsim, EswitchChanges(mode: .switchdev))
        let vfs = try session.ports(of: H.nsim).filter { $0.flavour == .pcivf }
        #expect(vfs.map(\.index) == [128, 129] && vfs.map(\.netdev) == ["eth2", "eth3"])
        #expect(vfs[0].vfnum == 0 && vfs[0].external == false && vfs[0].controller == 0 && vfs[0].function == nil)
        #expect(try session.rates(of: H.nsim).map(\.portIndex) == [128, 129])
        #expect(try session.params(of: H.nsim).map(\.name) == ["max_macs", "test1"])
    }

    @Test func sfLifecycleWithAsynchronousAttach() throws {
        let session = try mlx5Session()
        let sf = try session.addPort(H.sfRequest(88))
        #expect(sf.handle == H.firstSF && sf.netdev == "enp6s0pf0sf88" && sf.flavour == .pcisf)
        #expect(sf.controller == 0 && sf.pfnum == 0 && sf.sfnum == 88 && sf.external == false)
        #expect(sf.function?.hwAddr == .zero && sf.function?.state == .inactive && sf.function?.opstate == .detached)
        #expect(try session.rate(.leaf(H.firstSF)).type == .leaf)

        let mac = try MACAddress(parsing: "00:00:00:00:88:88")
        try session.setPortFunction(H.firstSF, PortFunctionChanges(hwAddr: mac, state: .active))
        var fn = try session.port(H.firstSF).function
        #expect(fn?.hwAddr == mac && fn?.state == .active && fn?.opstate == .detached && fn?.maxIOEQs == 8)
        #expect(session.pendingWorkCount == 1)
        #expect(try session.settle() == false)
        fn = try session.port(H.firstSF).function
        #expect(fn?.state == .active && fn?.opstate == .attached)

        // Same state again is a no-op.
        try session.setPortFunction(H.firstSF, PortFunctionChanges(state: .active))
        try session.setPortFunction(H.firstSF, PortFunctionChanges(state: .inactive))
        fn = try session.port(H.firstSF).function
        #expect(fn?.state == .inactive && fn?.opstate == .attached)
        try session.settle()
        fn = try session.port(H.firstSF).function
        #expect(fn?.state == .inactive && fn?.opstate == .detached)
        // Re-activation works once detached.
        try session.setPortFunction(H.firstSF, PortFunctionChanges(state: .active))
        try session.deletePort(H.firstSF)   // deletion in any state
        #expect(throws: DevlinkError.self) { try session.port(H.firstSF) }
        #expect(session.netdevs["enp6s0pf0sf88"] == nil)
        // mlx5_sf_dealloc of an active SF: its hardware id, and so the sfnum, stay taken until the
        // firmware reports the function detached (mlx5_sf_hw_table_sf_deferred_free).
        #expect(session.pendingWorkCount == 1)
        expectError(.EEXIST, "mlx5_core: SF already exist. Choose different sfnum") {
            _ = try session.addPort(H.sfRequest(88))
        }
        try session.settle()
        // sfnum and the index are free again.
        #expect(try session.addPort(H.sfRequest(88)).handle == H.firstSF)
    }

    @Test func settlesImmediatelyOption() throws {
        let session = try mlx5Session()
        session.settlesImmediately = true
        _ = try session.addPort(H.sfRequest(1))
        try session.setPortFunction(H.firstSF, PortFunctionChanges(state: .active))
        #expect(try session.port(H.firstSF).function?.opstate == .attached)
    }

    @Test func functionSetIsNotTransactional() throws {
        let session = try mlx5Session()
        _ = try session.addPort(H.sfRequest(88))
        _ = try session.drainEvents()
        let mac = try MACAddress(parsing: "00:00:00:00:88:01")
        // hw_addr applied, max_io_eqs fails: the MAC stays, no notification.
        expectError(.EINVAL, "mlx5_core: Supplied value out of range") {
            try session.setPortFunction(H.firstSF, PortFunctionChanges(hwAddr: mac, maxIOEQs: 70000))
        }
        #expect(try session.port(H.firstSF).function?.hwAddr == mac)
        #expect(try session.drainEvents().isEmpty)
    }

    @Test func sfIndexesNamesAndPF1Prefix() throws {
        let session = try mlx5Session()
        try session.setEswitch(H.pf1, EswitchChanges(mode: .switchdev))
        let a = try session.addPort(H.sfRequest(88))
        let b = try session.addPort(H.sfRequest(89))
        let c = try session.addPort(H.sfRequest(88, device: H.pf1, pfnum: 1))
        #expect([a.index, b.index, c.index] == [32768, 32769, 98304])
        #expect(c.netdev == "enp6s0pf1sf88")
        try session.deletePort(a.handle)
        // mlx5 reuses the lowest free SF id.
        #expect(try session.addPort(H.sfRequest(90)).index == 32768)
    }

    @Test func vfPortsAndLegacyTeardown() throws {
        let session = try mlx5Session(switchdev: false)
        try session.setSriovNumVFs(H.pf0, 2)
        #expect(try session.ports(of: H.pf0).count == 1)   // legacy: no VF representor ports
        try session.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        let vf1 = try session.port(H.vf(1))
        #expect(vf1.netdev == "enp6s0pf0vf1" && vf1.vfnum == 1 && vf1.external == false)
        #expect(vf1.function?.roce == true && vf1.function?.migratable == false && vf1.function?.ipsecCrypto == nil)
        try session.setPortFunction(H.vf(1), PortFunctionChanges(roce: false, migratable: true))
        #expect(try session.port(H.vf(1)).function?.migratable == true)
        _ = try session.addPort(H.sfRequest(88))
        #expect(try session.ports(of: H.pf0).count == 4)
        try session.setEswitch(H.pf0, EswitchChanges(mode: .legacy))
        #expect(try session.ports(of: H.pf0).map(\.index) == [65535])
        #expect(try session.rates(of: H.pf0).isEmpty)
        #expect(try session.sriovNumVFs(H.pf0) == 2)
        // Back to switchdev: VF ports return, SFs do not.
        try session.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        #expect(try session.ports(of: H.pf0).map(\.index) == [1, 2, 65535])
    }

    @Test func eventsInKernelOrder() throws {
        let session = try mlx5Session()
        let sf = try session.addPort(H.sfRequest(88))
        let added = try session.drainEvents()
        #expect(added.map { "\($0.object),\($0.command)" } == ["port,new", "rate,new", "port,new"])
        guard added.count == 3, case .portNew(let first) = added[0], case .portNew(let last) = added[2] else {
            Issue.record("expected PORT_NEW, RATE_NEW, PORT_NEW; got \(added)")
            return
        }
        #expect(first.netdev == nil && first.type == .notset)
        #expect(last == sf)
        try session.deletePort(sf.handle)
        #expect(try session.drainEvents().map { "\($0.object),\($0.command)" } == ["port,new", "rate,del", "port,del"])
        #expect(try session.drainEvents().isEmpty)
    }

    @Test func netdevsimNumVFsZeroInSwitchdevFallsBackToLegacy() throws {
        let session = try nsimSession()
        try session.addRateNode(H.node("g1", H.nsim), RateChanges(txMax: 125_000))
        try session.setRate(.leaf(H.nsimVF(0)), RateChanges(parent: "g1"))
        try session.setSriovNumVFs(H.nsim, 0)
        #expect(try session.eswitch(H.nsim).mode == .legacy)
        #expect(try session.rates(of: H.nsim).isEmpty)
        #expect(try session.ports(of: H.nsim).map(\.index) == [0, 1])
        // Freed eth names are reused lowest first.
        try session.setSriovNumVFs(H.nsim, 1)
        try session.setEswitch(H.nsim, EswitchChanges(mode: .switchdev))
        #expect(try session.port(H.nsimVF(0)).netdev == "eth2")
    }

    @Test func splitAndUnsplitOnASplittableTopology() throws {
        var topology = Topology.netdevsim
        topology.devices[0].physicalPorts = [PhysicalPortSpec(lanes: 4, splittable: true), PhysicalPortSpec()]
        let session = try EmulatedSession(topology: topology)
        let p0 = PortHandle(device: H.nsim, index: 0)
        expectError(.EINVAL, "Invalid split count") { try session.splitPort(p0, count: 3) }
        expectError(.EINVAL, "Invalid split count") { try session.splitPort(p0, count: 8) }
        expectError(.EINVAL, "Port cannot be split") {
            try session.splitPort(PortHandle(device: H.nsim, index: 1), count: 2)
        }
        try session.splitPort(p0, count: 2)
        let ports = try session.ports(of: H.nsim)
        #expect(ports.map(\.index) == [0, 1, 2])
        let split = ports.filter { $0.splitGroup == 1 }
        #expect(split.map(\.splitSubportNumber) == [0, 1] && split.allSatisfy { $0.lanes == 2 && !$0.splittable })
        expectError(.EINVAL, "Port cannot be split further") { try session.splitPort(p0, count: 2) }
        try session.unsplitPort(PortHandle(device: H.nsim, index: 2))
        let after = try session.ports(of: H.nsim)
        #expect(after.map(\.index) == [0, 1] && after[0].splittable && after[0].lanes == 4)
        expectError(.EINVAL, "Port was not split") { try session.unsplitPort(p0) }
    }

    @Test func ecpfExternalControllerSFs() throws {
        var topology = Topology.mlx5
        topology.devices[0].ecpf = true
        let session = try EmulatedSession(topology: topology)
        let hostPF = try session.port(PortHandle(device: H.pf0, index: 0))
        #expect(hostPF.flavour == .pcipf && hostPF.controller == 1 && hostPF.external == true)
        #expect(hostPF.netdev == "enp6s0c1pf0")
        try session.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        let sf = try session.addPort(PortAddRequest(device: H.pf0, flavour: .pcisf, pfnum: 0, sfnum: 88, controller: 1))
        #expect(sf.controller == 1 && sf.netdev == "enp6s0c1pf0sf88")
        // sfnum is unique per controller: the same sfnum on the local controller is fine.
        _ = try session.addPort(H.sfRequest(88))
    }

    @Test func paramsAndFaults() throws {
        let session = try mlx5Session(switchdev: false)
        try session.setParam(H.pf0, name: "fdb_large_groups", value: .u32(30), cmode: .driverinit)
        #expect(try session.param(H.pf0, name: "fdb_large_groups").value(in: .driverinit) == .u32(30))
        expectError(.EOPNOTSUPP, nil) {
            try session.setParam(H.pf0, name: "fdb_large_groups", value: .u32(1), cmode: .runtime)
        }
        expectError(.EINVAL, nil) { try session.setParam(H.pf0, name: "nope", value: .u32(1), cmode: .runtime) }
        session.injectFault(.sriovSet, .EIO, message: "injected")
        let before = session.snapshot()
        expectError(.EIO, "injected") { try session.setSriovNumVFs(H.pf0, 1) }
        #expect(session.snapshot() == before)
        try session.setSriovNumVFs(H.pf0, 1)   // one-shot
        #expect(try session.sriovNumVFs(H.pf0) == 1)
    }
}

extension LifecycleTests {
    /// wqe_inline_mode 1 (MLX5_CAP_INLINE_MODE_VPORT_CONTEXT) sets any inline mode; the default 2
    /// (not required) accepts none as a no-op. The emulator had 0 and 2 swapped.
    @Test func inlineModeFollowsTheKernelsCapNumbering() throws {
        var topology = Topology.mlx5
        topology.devices[0].caps?["wqe_inline_mode"] = 1
        let perVport = try EmulatedSession(topology: topology)
        try perVport.setEswitch(H.pf0, EswitchChanges(inlineMode: .transport))
        #expect(try perVport.eswitch(H.pf0).inlineMode == .transport)
        let notRequired = try mlx5Session()
        try notRequired.setEswitch(H.pf0, EswitchChanges(inlineMode: EswitchInlineMode.none))
    }
}

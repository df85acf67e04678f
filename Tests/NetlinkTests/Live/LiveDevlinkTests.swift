import DevlinkModel
import Testing
@testable import Netlink

/// NetlinkSession against the real kernel (6.12 + netdevsim in the guest). Each test makes its own
/// netdevsim device so the tests do not depend on each other; serialized: one kernel, shared state.
@Suite(.serialized, .enabled(if: LiveKernel.enabled, LiveKernel.reason))
struct LiveDevlinkTests {
    @Test func liveDevAndPortShow() throws {
        let nsim = try NetdevsimDevice(id: 11)
        let s = try NetlinkSession()
        #expect(try s.devices().contains(nsim.handle))
        let ports = try s.ports(of: nsim.handle)
        #expect(ports.map(\.index) == [0, 1])
        #expect(ports.allSatisfy { $0.flavour == .physical && $0.type == .eth && $0.netdev != nil })
        #expect(ports.map(\.portNumber) == [1, 2])
        #expect(try s.port(nsim.port(1)) == ports[1])
        let info = try s.info(nsim.handle)
        #expect(info.driver == "netdevsim")
        #expect(info.running.contains(DeviceInfo.Version("fw.mgmt", "10.20.30")))
    }

    @Test func liveEswitchSwitchdevAndVFPorts() throws {
        let nsim = try NetdevsimDevice(id: 12)
        let s = try NetlinkSession()
        #expect(try s.eswitch(nsim.handle).mode == .legacy)
        try s.setEswitch(nsim.handle, EswitchChanges(mode: .switchdev))
        #expect(try s.eswitch(nsim.handle).mode == .switchdev)
        #expect(try s.sriovNumVFs(nsim.handle) == 0)
        try s.setSriovNumVFs(nsim.handle, 2)
        #expect(try s.sriovNumVFs(nsim.handle) == 2)
        let vfs = try s.ports(of: nsim.handle).filter { $0.flavour == .pcivf }
        #expect(vfs.map(\.index) == [128, 129])
        #expect(vfs.map(\.vfnum) == [0, 1])
        #expect(vfs.allSatisfy { $0.pfnum == 0 && $0.controller == 0 && $0.external == false })
        // sysfs semantics: changing between two non-zero counts is EBUSY
        #expect(expectDevlinkError(.EBUSY) { try s.setSriovNumVFs(nsim.handle, 3) } == nil)
        // 6.12's policy caps the mode at switchdev (1): the policy check answers before netdevsim does
        #expect(expectDevlinkError(.ERANGE, "integer out of range") {
            try s.setEswitch(nsim.handle, EswitchChanges(mode: .switchdevInactive))
        } == nil)
        try s.setSriovNumVFs(nsim.handle, 0)
        #expect(try s.ports(of: nsim.handle).count == 2)
    }

    @Test func liveRateLeavesAndNodesWithParents() throws {
        let nsim = try NetdevsimDevice(id: 13)
        let s = try NetlinkSession()
        try s.setEswitch(nsim.handle, EswitchChanges(mode: .switchdev))
        try s.setSriovNumVFs(nsim.handle, 2)
        let leaf0 = RateHandle.leaf(nsim.port(128))
        let g1 = RateHandle.node(nsim.handle, "group1")
        let g2 = RateHandle.node(nsim.handle, "group2")
        #expect(try s.rates(of: nsim.handle).map(\.handle) == [leaf0, .leaf(nsim.port(129))])
        try s.addRateNode(g1, RateChanges(txShare: 1_250_000, txMax: 12_500_000))
        try s.addRateNode(g2, RateChanges(txMax: 6_250_000, parent: "group1"))
        try s.setRate(leaf0, RateChanges(txShare: 2_500_000, txMax: 25_000_000, parent: "group2"))
        #expect(try s.rate(leaf0) == RateObject(handle: leaf0, txShare: 2_500_000, txMax: 25_000_000, parent: "group2"))
        #expect(try s.rate(g2) == RateObject(handle: g2, txMax: 6_250_000, parent: "group1"))
        // nodes newest first, then leaves
        #expect(try s.rates(of: nsim.handle).map(\.handle) == [g2, g1, leaf0, .leaf(nsim.port(129))])

        #expect(expectDevlinkError(.EBUSY, "Node has children. Cannot delete node.") { try s.deleteRateNode(g1) } == nil)
        #expect(expectDevlinkError(.EINVAL, "Parent to self is not allowed") { try s.setRate(g1, RateChanges(parent: "group1")) } == nil)
        #expect(expectDevlinkError(.EEXIST, "Node is already a parent of parent node.") {
            try s.setRate(g1, RateChanges(parent: "group2"))
        } == nil)
        #expect(expectDevlinkError(.ENODEV) { try s.setRate(leaf0, RateChanges(parent: "nosuch")) } == nil)
        #expect(expectDevlinkError(.EEXIST) { try s.addRateNode(g1, RateChanges()) } == nil)
        #expect(expectDevlinkError(.EINVAL, "netdevsim: TX rate value not in link speed units of 1Mbps.") {
            try s.setRate(leaf0, RateChanges(txShare: 187_500))
        } == nil)
        #expect(expectDevlinkError(.EOPNOTSUPP, "TX priority set isn't supported for the leafs") {
            try s.setRate(leaf0, RateChanges(txPriority: 1))
        } == nil)
        #expect(expectDevlinkError(.EBUSY, "Rate node(s) exists.") {
            try s.setEswitch(nsim.handle, EswitchChanges(mode: .legacy))
        } == nil)

        try s.setRate(leaf0, RateChanges(parent: ""))
        #expect(try s.rate(leaf0).parent == nil)
        try s.deleteRateNode(g2)
        try s.deleteRateNode(g1)
        #expect(try s.rates(of: nsim.handle).allSatisfy { $0.type == .leaf })
        try s.setEswitch(nsim.handle, EswitchChanges(mode: .legacy))
    }

    @Test func liveErrorsCarryExtack() throws {
        let nsim = try NetdevsimDevice(id: 14)
        let s = try NetlinkSession()
        #expect(expectDevlinkError(.EOPNOTSUPP, "netdevsim: Node creation allowed only in switchdev mode.") {
            try s.addRateNode(.node(nsim.handle, "g"), RateChanges())
        } == nil)
        #expect(expectDevlinkError(.EOPNOTSUPP) {
            _ = try s.addPort(PortAddRequest(device: nsim.handle, flavour: .pcisf, pfnum: 0, sfnum: 88))
        } == nil)
        #expect(expectDevlinkError(.EOPNOTSUPP) { try s.splitPort(nsim.port(0), count: 2) } == nil)
        #expect(expectDevlinkError(.ENODEV) { _ = try s.port(nsim.port(77)) } == nil)
        #expect(expectDevlinkError(.ENODEV) { _ = try s.eswitch(DeviceHandle(bus: "netdevsim", name: "netdevsim999")) } == nil)
        try s.setEswitch(nsim.handle, EswitchChanges(mode: .switchdev))
        try s.setSriovNumVFs(nsim.handle, 1)
        #expect(expectDevlinkError(.EOPNOTSUPP, "Port doesn't support function attributes") {
            try s.setPortFunction(nsim.port(128), PortFunctionChanges(hwAddr: try MACAddress(parsing: "00:11:22:33:44:55")))
        } == nil)
        #expect(expectDevlinkError(.EOPNOTSUPP, "Function does not support state setting") {
            try s.setPortFunction(nsim.port(128), PortFunctionChanges(state: .active))
        } == nil)
        // 6.12 checks for the driver op first: even the current type is EOPNOTSUPP on netdevsim
        // (devlink.md §2.3 says "same type → success"; the real kernel says otherwise)
        #expect(expectDevlinkError(.EOPNOTSUPP) { try s.setPortType(nsim.port(0), .eth) } == nil)
    }

    @Test func liveParams() throws {
        let nsim = try NetdevsimDevice(id: 15)
        let s = try NetlinkSession()
        let macs = try s.param(nsim.handle, name: "max_macs")
        #expect(macs.generic && macs.value(in: .driverinit) == .u32(32))
        try s.setParam(nsim.handle, name: "max_macs", value: .u32(16), cmode: .driverinit)
        #expect(try s.param(nsim.handle, name: "max_macs").value(in: .driverinit) == .u32(16))
        try s.setParam(nsim.handle, name: "test1", value: .bool(false), cmode: .driverinit)
        #expect(try s.param(nsim.handle, name: "test1").value(in: .driverinit) == .bool(false))
        #expect(try s.params(of: nsim.handle).map(\.name).sorted() == ["max_macs", "test1"])
    }

    @Test func liveMonitorSeesRateAndPortEvents() throws {
        let nsim = try NetdevsimDevice(id: 16)
        let s = try NetlinkSession()
        let monitor = try DevlinkMonitor()
        try s.setEswitch(nsim.handle, EswitchChanges(mode: .switchdev))
        let node = RateHandle.node(nsim.handle, "mon1")
        try s.addRateNode(node, RateChanges(txMax: 1_250_000))
        try s.setRate(node, RateChanges(txMax: 2_500_000))
        try s.deleteRateNode(node)
        let events = try monitor.collect(count: 3, timeout: 5)
        #expect(events == [.rateNew(RateObject(handle: node, txMax: 1_250_000)),
                           .rateNew(RateObject(handle: node, txMax: 2_500_000)),
                           .rateDel(RateObject(handle: node, txMax: 2_500_000))])
        try s.setSriovNumVFs(nsim.handle, 1)
        let more = try monitor.collect(count: 2, timeout: 5)
        #expect(more.contains { if case .portNew(let p) = $0 { p.index == 128 } else { false } })
        // the session's own subscription saw the same traffic
        #expect(try s.drainEvents().contains(.rateDel(RateObject(handle: node, txMax: 2_500_000))))
    }
}

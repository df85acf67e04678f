import DevlinkEmulator
import DevlinkModel
import Testing

/// devlink resources: netdevsim's FIB tree, mlx5's SF table sizes, RESOURCE_SET's checks and reload.
@Suite struct ResourceTests {
    static func ipv4fib(_ s: EmulatedSession) throws -> Resource {
        try #require(try s.perform(ListResources(H.nsim)).resource(atPath: "/IPv4/fib"))
    }

    @Test func netdevsimTree() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        let all = try s.perform(ListResources(H.nsim))
        #expect(all.resources.map(\.name) == ["IPv4", "IPv6", "nexthops"])
        #expect(all.resources.flatMap(\.flattened).map(\.id) == [1, 2, 3, 4, 5, 6, 7])
        #expect(all.resource(atPath: "IPv6/fib-rules")?.occupancy == 2)
        #expect(all.resource(atPath: "/IPv4/nosuch") == nil)
    }

    @Test func setIsPendingUntilAReloadReadsIt() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(SetResourceSize(H.nsim, id: 2, size: 96))
        #expect(try Self.ipv4fib(s).size == .max && (try Self.ipv4fib(s).sizeNew) == 96)
        // IPv6 itself is never read by nsim_fib_set_max_all: its new size stays pending.
        try s.perform(SetResourceSize(H.nsim, id: 4, size: .max - 1))
        _ = try s.perform(ReloadDevice(H.nsim))
        #expect(try Self.ipv4fib(s).size == 96)
        let ipv6 = try #require(try s.perform(ListResources(H.nsim)).resource(atPath: "IPv6"))
        #expect(ipv6.size == .max && ipv6.sizeNew == .max - 1 && ipv6.sizeValid)
    }

    @Test func sizeChecksKeepTheLastMessage() throws {
        let mlx5 = try mlx5Session(switchdev: false)
        let local = try #require(try mlx5.perform(ListResources(H.pf0)).resource(atPath: "max_local_SFs"))
        #expect(local.sizeMin == local.sizeMax)
        expectError(.EINVAL, "Size larger than maximum") {
            try mlx5.perform(SetResourceSize(H.pf0, id: 1, size: local.sizeMax + 1))
        }
        expectError(.EINVAL, "Size smaller than minimum") {
            try mlx5.perform(SetResourceSize(H.pf0, id: 1, size: local.sizeMin - 1))
        }
        expectError(.EINVAL, nil) { try mlx5.perform(SetResourceSize(H.pf0, id: 99, size: 1)) }
        #expect(try mlx5.perform(ListResources(H.pf0)).resource(atPath: "max_local_SFs") == local)
    }

    @Test func childrenLargerThanTheirParentBlockReload() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(SetResourceSize(H.nsim, id: 1, size: 10))
        #expect(try s.perform(ListResources(H.nsim)).resource(atPath: "IPv4")?.sizeValid == false)
        let ports = try s.ports(of: H.nsim)
        expectError(.EINVAL, "resources size validation failed") { _ = try s.perform(ReloadDevice(H.nsim)) }
        #expect(try s.ports(of: H.nsim) == ports)
        // Growing the parent back makes it valid again.
        try s.perform(SetResourceSize(H.nsim, id: 1, size: .max))
        _ = try s.perform(ReloadDevice(H.nsim))
    }

    @Test func fibTooSmallLeavesTheDeviceReloadFailed() throws {
        let s = try nsimSession(switchdev: false, vfs: 0)
        try s.perform(SetResourceSize(H.nsim, id: 2, size: 1))
        expectError(.EPERM, "netdevsim: Exceeded number of supported fib entries") {
            _ = try s.perform(ReloadDevice(H.nsim))
        }
        #expect(try s.ports(of: H.nsim).isEmpty)
        #expect(try s.perform(ListDeviceStatus()).map { [$0.device.description: $0.reloadFailed] } == [["netdevsim/netdevsim1": true]])
        try s.perform(SetResourceSize(H.nsim, id: 2, size: .max))
        _ = try s.perform(ReloadDevice(H.nsim))
        #expect(try s.perform(ListDeviceStatus()).map { [$0.device.description: $0.reloadFailed] } == [["netdevsim/netdevsim1": false]])
        #expect(try s.ports(of: H.nsim).map(\.netdev) == ["eth0", "eth1"])
    }

    @Test func mlx5WithoutSFSupportHasNoResources() throws {
        var spec = DeviceSpec(handle: "pci/0000:06:00.0", profile: .mlx5)
        spec.sfSupported = false
        let topology = Topology(devices: [spec])
        let s = try EmulatedSession(topology: topology)
        expectError(.EOPNOTSUPP, nil) { _ = try s.perform(ListResources(H.pf0)) }
    }
}

import DevlinkCommands
import DevlinkModel
import Testing

/// Text shapes the emulator cannot produce (priorities, weights, odd rates, caps) checked directly.
@Suite("Formatters: devlink text for every field")
struct FormatterTests {
    let dev = DeviceHandle(bus: "pci", name: "0000:03:00.0")

    @Test func rateLinesOmitZeroesAndFormatUnits() {
        var r = RateObject(handle: .node(dev, "some_group"), txShare: 1_000_000_000, txMax: 5_000_000_000)
        #expect(TextFormatter().rate(r) == "pci/0000:03:00.0/some_group: type node tx_share 8Gbit tx_max 40Gbit")
        r.txPriority = 3
        r.txWeight = 7
        r.parent = "root"
        r.tcBandwidths = [0, 0, 0, 0, 0, 0, 0, 9]
        #expect(TextFormatter().rate(r).hasSuffix(" tx_priority 3 tx_weight 7 parent root tc_7 bw 9"))
        let leaf = RateObject(handle: .leaf(PortHandle(device: dev, index: 2)), txShare: 1_500_000)
        #expect(TextFormatter().rate(leaf) == "pci/0000:03:00.0/2: type leaf tx_share 12Mbit")
        #expect(TextFormatter(iec: true).rate(leaf) == "pci/0000:03:00.0/2: type leaf tx_share 11718Kibit")
        let odd = RateObject(handle: .leaf(PortHandle(device: dev, index: 2)), txMax: 12)
        #expect(TextFormatter().rate(odd) == "pci/0000:03:00.0/2: type leaf tx_max 96bit")
    }

    @Test func vfPortWithCapsMatchesTheKernelDocExample() {
        let p = Port(handle: PortHandle(device: DeviceHandle(bus: "pci", name: "0000:06:00.0"), index: 2), type: .eth,
                     netdev: "enp6s0pf0vf1", flavour: .pcivf, controller: 0, pfnum: 0, vfnum: 1, external: false,
                     function: PortFunction(hwAddr: try? MACAddress(parsing: "00:11:22:33:44:55"), roce: true, migratable: false))
        #expect(TextFormatter().port(p) == """
            pci/0000:06:00.0/2: type eth netdev enp6s0pf0vf1 flavour pcivf controller 0 pfnum 0 vfnum 1 external false splittable false
              function:
                hw_addr 00:11:22:33:44:55 roce enable migratable disable
            """)
    }

    @Test func desiredTypeIbdevLanesAndEswitchFields() {
        let p = Port(handle: PortHandle(device: dev, index: 1), type: .eth, desiredType: .ib, netdev: "p1", ibdev: "mlx5_0",
                     flavour: .physical, portNumber: 1, splittable: true, lanes: 4)
        #expect(TextFormatter().port(p) == "pci/0000:03:00.0/1: type eth des_type ib netdev p1 ibdev mlx5_0 flavour physical port 1 splittable true lanes 4")
        #expect(TextFormatter().eswitch(DeviceHandle(bus: "netdevsim", name: "netdevsim10"), Eswitch(mode: .legacy))
            == "netdevsim/netdevsim10: mode legacy")
    }
}

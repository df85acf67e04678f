import DevlinkModel
import Testing
@testable import Netlink

/// Decoding replies a real 6.12 kernel with netdevsim sent (compare the `.out` files: devlink's view).
@Suite struct DevlinkDecoderTests {
    static let dev = DeviceHandle(bus: "netdevsim", name: "netdevsim1")

    static func replies(_ name: String, last: Bool = false) throws -> [AttributeList] {
        try Fixture.load(name).collect(familyType: capturedDevlinkFamily, last: last).messages.map(DevlinkDecoder.attributes)
    }

    @Test func devices() throws {
        #expect(try Self.replies("dev-show").map(DevlinkDecoder.device) == [Self.dev])
    }

    @Test func physicalAndVFPorts() throws {
        let ports = try Self.replies("port-show-vfs").map(DevlinkDecoder.port)
        #expect(ports.map(\.index) == [0, 1, 128, 129])
        let p0 = ports[0]
        #expect(p0.flavour == .physical && p0.type == .eth && p0.netdev == "eth0" && p0.portNumber == 1)
        #expect(p0.splittable == false && p0.pfnum == nil && p0.ifindex != nil)
        let vf1 = ports[3]
        #expect(vf1.flavour == .pcivf && vf1.netdev == "eth3")
        #expect(vf1.controller == 0 && vf1.pfnum == 0 && vf1.vfnum == 1 && vf1.external == false)
        #expect(vf1.portNumber == nil)
    }

    @Test func singlePortGet() throws {
        let p = try #require(try Self.replies("port-get-vf").map(DevlinkDecoder.port).first)
        #expect(p.handle == PortHandle(device: Self.dev, index: 128))
        #expect(p.flavour == .pcivf && p.vfnum == 0)
    }

    @Test func eswitchModes() throws {
        #expect(try Self.replies("eswitch-get-legacy").map(DevlinkDecoder.eswitch) == [Eswitch(mode: .legacy)])
        #expect(try Self.replies("eswitch-get-switchdev").map(DevlinkDecoder.eswitch) == [Eswitch(mode: .switchdev)])
    }

    @Test func rateTreeDump() throws {
        let rates = try Self.replies("rate-show-json").map(DevlinkDecoder.rate)
        // nodes newest first, then leaves (matches devlink's JSON order in rate-show-json.out)
        #expect(rates.map(\.handle.description) == ["netdevsim/netdevsim1/group2", "netdevsim/netdevsim1/group1",
                                                   "netdevsim/netdevsim1/128", "netdevsim/netdevsim1/129"])
        #expect(rates[0] == RateObject(handle: .node(Self.dev, "group2"), txMax: 6_250_000, parent: "group1"))
        #expect(rates[1] == RateObject(handle: .node(Self.dev, "group1"), txShare: 1_250_000, txMax: 12_500_000))
        #expect(rates[2] == RateObject(handle: RateHandle(device: Self.dev, target: .leaf(portIndex: 128)),
                                       txShare: 2_500_000, txMax: 25_000_000, parent: "group1"))
        #expect(rates[3].type == .leaf && rates[3].parent == "group2")
        // 6.12 sends no RATE_TC_BWS: tc-bw is absent (nil to scripts), not eight zeros.
        #expect(rates.allSatisfy { $0.absent == .tcBandwidths })
    }

    @Test func info() throws {
        let i = try #require(try Self.replies("dev-info").map(DevlinkDecoder.info).first)
        #expect(i.device == Self.dev && i.driver == "netdevsim")
        #expect(i.running.contains(DeviceInfo.Version("fw.mgmt", "10.20.30")))
    }

    @Test func params() throws {
        let ps = try Self.replies("dev-param-show").map(DevlinkDecoder.param)
        let macs = try #require(ps.first { $0.name == "max_macs" })
        #expect(macs.generic && macs.type == .u32 && macs.value(in: .driverinit) == .u32(32))
        let t = try #require(ps.first { $0.name == "test1" })
        #expect(!t.generic && t.type == .bool && t.value(in: .driverinit) == .bool(true))
    }

    @Test func monitorNotifications() throws {
        let f = try Fixture.load("monitor")
        var events: [DevlinkEvent] = []
        for (d, bytes) in f.datagrams where d == .received {
            for m in try NetlinkMessage.parseAll(bytes) where m.header.type == capturedDevlinkFamily && m.header.sequence == 0 {
                if let e = try DevlinkDecoder.event(m) { events.append(e) }
            }
        }
        let node = RateHandle.node(Self.dev, "mon1")
        #expect(events == [.rateNew(RateObject(handle: node, txMax: 1_250_000)),
                           .rateNew(RateObject(handle: node, txMax: 2_500_000)),
                           .rateDel(RateObject(handle: node, txMax: 2_500_000))])
        #expect(events.allSatisfy { if case .rateNew(let r) = $0 { r.absent == .tcBandwidths } else { true } })
    }
}

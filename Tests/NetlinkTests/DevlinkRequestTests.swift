import DevlinkModel
import Testing
@testable import Netlink

/// Our requests against what iproute2 `devlink` sent to the real kernel (fixtures), compared
/// attribute by attribute (iproute2 leaves garbage in padding bytes, so raw bytes differ there).
@Suite struct DevlinkRequestTests {
    static let dev = DeviceHandle(bus: "netdevsim", name: "netdevsim1")

    /// Attributes with nests expanded, padding ignored.
    indirect enum Node: Equatable, CustomStringConvertible {
        case leaf(UInt16, [UInt8])
        case nest(UInt16, [Node])
        var description: String {
            switch self {
            case .leaf(let t, let p): "\(t):\(p.hexString)"
            case .nest(let t, let c): "\(t){\(c.map(\.description).joined(separator: ","))}"
            }
        }
    }

    static func tree(_ bytes: [UInt8], from: Int = 0) throws -> [Node] {
        try AttributeList(parsing: bytes, from: from).map { a in
            a.nestedFlag ? .nest(a.type, try tree(a.payload)) : .leaf(a.type, a.payload)
        }
    }

    /// The devlink request iproute2 sent in fixture `name` (the last one if it sent several).
    static func sent(_ name: String) throws -> NetlinkMessage {
        let ex = try Fixture.load(name).exchanges(familyType: capturedDevlinkFamily)
        return try #require(ex.last?.request)
    }

    func expectSame(_ ours: DevlinkRequest, _ fixture: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let theirs = try Self.sent(fixture)
        let header = try GenericHeader(parsing: theirs.payload)
        #expect(header.command == ours.command, "command", sourceLocation: sourceLocation)
        #expect(theirs.header.flags.contains(.dump) == ours.isDump, "dump flag", sourceLocation: sourceLocation)
        #expect(try Self.tree(theirs.payload, from: 4) == (try Self.tree(ours.attributes)), sourceLocation: sourceLocation)
    }

    @Test func devAndEswitch() throws {
        try expectSame(.dumpDevices(), "dev-show")
        try expectSame(.getDevice(Self.dev), "dev-get")
        try expectSame(.getInfo(Self.dev), "dev-info")
        try expectSame(.getEswitch(Self.dev), "eswitch-get-legacy")
        try expectSame(.setEswitch(Self.dev, EswitchChanges(mode: .switchdev)), "eswitch-set-switchdev")
        try expectSame(.dumpParams(), "dev-param-show")
    }

    @Test func ports() throws {
        try expectSame(.dumpPorts(), "port-show")
        try expectSame(.getPort(PortHandle(device: Self.dev, index: 0)), "port-get")
        try expectSame(.setPortType(PortHandle(device: Self.dev, index: 0), .eth), "port-set-type-eth")
        try expectSame(.newPort(PortAddRequest(device: Self.dev, flavour: .pcisf, pfnum: 0, sfnum: 88)), "err-port-new-pcisf")
        try expectSame(.splitPort(PortHandle(device: Self.dev, index: 0), count: 2), "err-port-split")
        let vf = PortHandle(device: Self.dev, index: 128)
        let mac = try MACAddress(parsing: "00:11:22:33:44:55")
        try expectSame(.setPortFunction(vf, PortFunctionChanges(hwAddr: mac)), "err-function-hw-addr")
        try expectSame(.setPortFunction(vf, PortFunctionChanges(state: .active)), "err-function-state")
    }

    @Test func rates() throws {
        let leaf = RateHandle(device: Self.dev, target: .leaf(portIndex: 128))
        try expectSame(.dumpRates(), "rate-show-leaves")
        try expectSame(.getRate(leaf), "rate-get-leaf")
        try expectSame(.getRate(.node(Self.dev, "group1")), "rate-get-node")
        try expectSame(.newRateNode(.node(Self.dev, "group1"), RateChanges(txShare: 1_250_000, txMax: 12_500_000)), "rate-new-node")
        try expectSame(.newRateNode(.node(Self.dev, "group2"), RateChanges(txMax: 6_250_000, parent: "group1")), "rate-new-child")
        try expectSame(.setRate(leaf, RateChanges(txShare: 2_500_000, txMax: 25_000_000, parent: "group1")), "rate-set-leaf")
        try expectSame(.setRate(leaf, RateChanges(parent: "")), "rate-set-noparent")
        try expectSame(.deleteRateNode(.node(Self.dev, "group2")), "rate-del-child")
    }

    /// Hand-computed bytes for what the fixtures cannot show (iproute2 6.1 predates these attributes).
    @Test func capsBitfieldAndMaxIOEQs() {
        let sf = PortHandle(device: DeviceHandle(bus: "pci", name: "0000:06:00.0"), index: 32768)
        let r = DevlinkRequest.setPortFunction(sf, PortFunctionChanges(state: .active, roce: false, migratable: true, maxIOEQs: 8))
        #expect(r.command == 6)
        #expect(r.attributes.hexString ==
            "08000100" + "70636900" +                                   // BUS_NAME "pci"
            "11000200" + "303030303a30363a30302e3000000000" +           // DEV_NAME "0000:06:00.0"
            "08000300" + "00800000" +                                   // PORT_INDEX 32768
            "20009180" +                                                // PORT_FUNCTION (nested, 4+12+8+8)
            "0c000400" + "02000000" + "03000000" +                      //   CAPS value 0x2 selector 0x3
            "08000600" + "08000000" +                                   //   MAX_IO_EQS 8
            "05000200" + "01000000")                                    //   STATE active (last)
    }

    @Test func rateTxPriorityWeightAndTCBandwidths() {
        let node = RateHandle.node(DeviceHandle(bus: "pci", name: "0000:06:00.0"), "g")
        let tcs = (0..<8).map { TrafficClassBandwidth(index: UInt8($0), bandwidth: $0 == 0 ? 50 : 0) }
        let r = DevlinkRequest.setRate(node, RateChanges(txPriority: 3, txWeight: 7, tcBandwidths: tcs))
        var expected = "08000100" + "70636900" + "11000200" + "303030303a30363a30302e3000000000" +
            "0600a800" + "67000000" +          // RATE_NODE_NAME "g"
            "0800b100" + "03000000" +          // TX_PRIORITY 3
            "0800b200" + "07000000"            // TX_WEIGHT 7
        for i in 0..<8 {
            // RATE_TC_BWS nest {INDEX u8, BW u32}
            expected += "1400b480" + "05000100" + String(format: "%02x000000", i) + "08000200" + (i == 0 ? "32000000" : "00000000")
        }
        #expect(r.attributes.hexString == expected)
    }

    @Test func paramSetEncodesBoolsAsFlags() {
        let r = DevlinkRequest.setParam(Self.dev, name: "test1", value: .bool(false), cmode: .driverinit)
        let t = try? Self.tree(r.attributes)
        #expect(t?.contains(.leaf(86, [])) == false)
        let on = DevlinkRequest.setParam(Self.dev, name: "test1", value: .bool(true), cmode: .driverinit)
        #expect((try? Self.tree(on.attributes))?.contains(.leaf(86, [])) == true)
        let n = DevlinkRequest.setParam(Self.dev, name: "max_macs", value: .u32(16), cmode: .driverinit)
        #expect((try? Self.tree(n.attributes))?.contains(.leaf(83, [3])) == true)
    }
}

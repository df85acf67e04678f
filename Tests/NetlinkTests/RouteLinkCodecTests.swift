import Testing
import DevlinkModel
@testable import Netlink

/// rtnetlink requests against what iproute2 `ip` sent, and decoding of the kernel's link replies.
@Suite struct RouteLinkCodecTests {
    /// The last request of `type` iproute2 sent in fixture `name`.
    static func sent(_ name: String, type: UInt16) throws -> NetlinkMessage {
        try #require(try Fixture.load(name).exchanges(familyType: type).last?.request)
    }

    func expectSame(_ ours: RouteLinkRequest, _ fixture: String, sourceLocation: SourceLocation = #_sourceLocation) throws {
        let theirs = try Self.sent(fixture, type: ours.type)
        #expect(theirs.header.flags == ours.flags.union([.request, .ack]), "flags", sourceLocation: sourceLocation)
        #expect(Array(theirs.payload.prefix(16)) == Array(ours.payload.prefix(16)), "ifinfomsg", sourceLocation: sourceLocation)
        #expect(try DevlinkRequestTests.tree(theirs.payload, from: 16) == (try DevlinkRequestTests.tree(ours.payload, from: 16)),
                sourceLocation: sourceLocation)
    }

    @Test func bondLifecycleRequests() throws {
        try expectSame(.newBond(name: "bond0", options: BondOptions(mode: .activeBackup, miimon: 100)), "bond-new")
        // netdevsim1's eth0 was ifindex 2 and bond0 ifindex 6 in the captured guest
        try expectSame(.setUp(index: 2, false), "link-down")
        try expectSame(.setMaster(index: 2, master: 6), "bond-enslave")
        try expectSame(.setUp(index: 6, true), "link-up")
        try expectSame(.setMaster(index: 2, master: 0), "bond-release")
        try expectSame(.deleteLink(index: 6), "bond-del")
    }

    @Test func bondPrimaryOptionsRoundTrip() throws {
        // IFLA_BOND_PRIMARY (11, u32 ifindex) and IFLA_BOND_PRIMARY_RESELECT (12, u8), include/uapi/linux/if_link.h.
        var w = AttributeWriter()
        w.put(BondOptions(primary: 6, primaryReselect: .failure))
        let list = try AttributeList(parsing: w.bytes)
        #expect(try list[11]?.u32() == 6 && list[12]?.u8() == 2)
        let back = try RouteLinkDecoder.bondOptions(list)
        #expect(back.primary == 6 && back.primaryReselect == .failure)
    }

    @Test func linkLookupRequest() throws {
        let theirs = try #require(try Fixture.load("bond-show").exchanges(familyType: RouteMessage.getLink).first?.request)
        let ours = RouteLinkRequest.getLink(name: "bond0")
        #expect(try DevlinkRequestTests.tree(theirs.payload, from: 16) == (try DevlinkRequestTests.tree(ours.payload, from: 16)))
    }

    static func linkReplies(_ name: String) throws -> [LinkInfo] {
        let f = try Fixture.load(name)
        let ex = try f.exchanges(familyType: RouteMessage.getLink)
        return try ex.flatMap { $0.replies }.filter { $0.header.type == RouteMessage.newLink }.map(RouteLinkDecoder.link)
    }

    @Test func decodesBondAndSlave() throws {
        let bond = try #require(try Self.linkReplies("bond-show").last { $0.name == "bond0" })
        #expect(bond.isBond && bond.isUp)
        #expect(bond.bond?.mode == .activeBackup && bond.bond?.miimon == 100)
        let slave = try #require(try Self.linkReplies("bond-slave-show").last { $0.name == "eth0" })
        #expect(slave.master == bond.index)
        #expect(slave.slaveKind == "bond")
        #expect(slave.bondSlave?.state == 0)  // the only slave is the active one
        #expect(slave.bondSlave?.permanentAddress?.count == 6)
        #expect(slave.kind == nil)  // netdevsim netdevs have no rtnl_link_ops, hence no IFLA_INFO_KIND
    }

    @Test func dumpListsEveryLink() throws {
        let f = try Fixture.load("link-dump")
        let ex = try #require(try f.exchanges(familyType: RouteMessage.getLink).first { $0.request.header.flags.contains(.dump) })
        var c = ReplyCollector(sequence: ex.request.header.sequence, isDump: true)
        for r in ex.replies { try c.consume(r) }
        #expect(c.isComplete)
        let names = try c.reply.messages.map(RouteLinkDecoder.link).map(\.name)
        #expect(names.contains("lo") && names.contains("eth0") && names.contains("bond0"))
    }

    @Test func enslaveWhileUpError() throws {
        let f = try Fixture.load("err-bond-enslave-up")
        let ex = try #require(try f.exchanges(familyType: RouteMessage.newLink).last)
        // `ip link set eth1 up` ran just before with the same sequence number: its ACK is not ours
        let reply = try #require(ex.replies.last)
        var c = ReplyCollector(sequence: ex.request.header.sequence, isDump: false)
        #expect(throws: NetlinkError.kernel(KernelError(errno: 1, message: "Device can not be enslaved while up"))) {
            try c.consume(reply)
        }
    }
}

/// IFLA_VFINFO_LIST as the kernel sends it for a PF with VFs (RTEXT_FILTER_VF): the rates `ip link set
/// PF vf N min_tx_rate/max_tx_rate` gave each VF, in Mbit/s, read as bytes/s.
@Suite struct VFRateDecodingTests {
    static func rate(vf: UInt32, min: UInt32, max: UInt32) -> [UInt8] {
        var b: [UInt8] = []
        Bytes.append(vf, to: &b)
        Bytes.append(min, to: &b)
        Bytes.append(max, to: &b)
        return b
    }

    @Test func decodesEachVFsRate() throws {
        var w = AttributeWriter(markNested: false)
        w.putString(LinkAttr.ifname, "enp8s0f0np0")
        w.nest(LinkAttr.vfInfoList) { list in
            list.nest(VFInfoAttr.info) { $0.put(VFInfoAttr.rate, Self.rate(vf: 0, min: 0, max: 2000)) }
            list.nest(VFInfoAttr.info) { $0.put(VFInfoAttr.rate, Self.rate(vf: 1, min: 100, max: 0)) }
            list.nest(VFInfoAttr.info) { $0.put(VFInfoAttr.rate, [1, 2, 3]) }   // short: skipped, not a crash
        }
        let message = NetlinkMessage(header: NetlinkHeader(type: RouteMessage.newLink, flags: []),
                                     payload: RouteLinkRequest.ifinfo(index: 7) + w.bytes)
        let link = try RouteLinkDecoder.link(message)
        #expect(link.name == "enp8s0f0np0")
        #expect(link.vfRates == [VFRate(vf: 0, minTx: 0, maxTx: 250_000_000), VFRate(vf: 1, minTx: 12_500_000, maxTx: 0)])
    }
}

import DevlinkModel

/// rtnetlink link requests (bond create/delete/options, enslave/release, up/down, get/dump)
/// and the decoder of RTM_NEWLINK answers. Encoding matches iproute2 `ip` (no NLA_F_NESTED,
/// IFLA_INFO_KIND without NUL).
public struct RouteLinkRequest: Sendable, Equatable {
    public var type: UInt16
    public var flags: NetlinkFlags
    public var payload: [UInt8]

    /// `struct ifinfomsg` (16 bytes).
    static func ifinfo(index: Int32 = 0, flags: UInt32 = 0, change: UInt32 = 0) -> [UInt8] {
        var b: [UInt8] = [0, 0]            // AF_UNSPEC, pad
        Bytes.append(UInt16(0), to: &b)   // ifi_type
        Bytes.append(index, to: &b)
        Bytes.append(flags, to: &b)
        Bytes.append(change, to: &b)
        return b
    }

    private static func make(_ type: UInt16, _ flags: NetlinkFlags, index: Int32 = 0, ifFlags: UInt32 = 0, change: UInt32 = 0,
                             _ body: (inout AttributeWriter) -> Void = { _ in }) -> RouteLinkRequest {
        var w = AttributeWriter(markNested: false)
        body(&w)
        return RouteLinkRequest(type: type, flags: flags, payload: ifinfo(index: index, flags: ifFlags, change: change) + w.bytes)
    }

    public static func getLink(name: String) -> RouteLinkRequest {
        make(RouteMessage.getLink, []) { w in
            w.putU32(LinkAttr.extMask, linkExtMask)
            w.putString(LinkAttr.ifname, name)
        }
    }

    public static func getLink(index: Int32) -> RouteLinkRequest {
        make(RouteMessage.getLink, [], index: index) { $0.putU32(LinkAttr.extMask, linkExtMask) }
    }

    public static func dumpLinks() -> RouteLinkRequest {
        make(RouteMessage.getLink, .dump) { $0.putU32(LinkAttr.extMask, linkExtMask) }
    }

    /// `ip link add NAME type bond OPTIONS`.
    public static func newBond(name: String, options: BondOptions) -> RouteLinkRequest {
        make(RouteMessage.newLink, [.create, .exclusive]) { w in
            w.putString(LinkAttr.ifname, name)
            w.nest(LinkAttr.linkInfo) { info in
                info.put(LinkInfoAttr.kind, Array("bond".utf8))
                info.nest(LinkInfoAttr.data) { $0.put(options) }
            }
        }
    }

    /// `ip link set SLAVE type bond_slave prio N`.
    public static func setBondSlavePrio(index: Int32, prio: Int32) -> RouteLinkRequest {
        make(RouteMessage.newLink, [], index: index) { w in
            w.nest(LinkAttr.linkInfo) { info in
                info.put(LinkInfoAttr.slaveKind, Array("bond".utf8))
                info.nest(LinkInfoAttr.slaveData) { $0.putS32(BondSlaveAttr.prio, prio) }
            }
        }
    }

    /// `ip link set BOND type bond OPTIONS` (changelink).
    public static func changeBond(index: Int32, options: BondOptions) -> RouteLinkRequest {
        make(RouteMessage.newLink, [], index: index) { w in
            w.nest(LinkAttr.linkInfo) { info in
                info.put(LinkInfoAttr.kind, Array("bond".utf8))
                info.nest(LinkInfoAttr.data) { $0.put(options) }
            }
        }
    }

    public static func deleteLink(index: Int32) -> RouteLinkRequest { make(RouteMessage.delLink, [], index: index) }

    /// `ip link set SLAVE master BOND`; master 0 = `nomaster` (release).
    public static func setMaster(index: Int32, master: Int32) -> RouteLinkRequest {
        make(RouteMessage.newLink, [], index: index) { $0.putU32(LinkAttr.master, UInt32(bitPattern: master)) }
    }

    /// `ip link set DEV up|down`.
    public static func setUp(index: Int32, _ up: Bool) -> RouteLinkRequest {
        make(RouteMessage.newLink, [], index: index, ifFlags: up ? interfaceUpFlag : 0, change: interfaceUpFlag)
    }
}

extension AttributeWriter {
    mutating func put(_ o: BondOptions) {
        if let v = o.mode { putU8(BondAttr.mode, v.rawValue) }
        if let v = o.activeSlave { putU32(BondAttr.activeSlave, v) }
        if let v = o.miimon { putU32(BondAttr.miimon, v) }
        if let v = o.updelay { putU32(BondAttr.updelay, v) }
        if let v = o.downdelay { putU32(BondAttr.downdelay, v) }
        if let v = o.useCarrier { putU8(BondAttr.useCarrier, v) }
        if let v = o.arpInterval { putU32(BondAttr.arpInterval, v) }
        if let targets = o.arpIPTargets {
            nest(BondAttr.arpIPTarget) { w in
                for (i, t) in targets.enumerated() { w.put(UInt16(i), t) }
            }
        }
        if let targets = o.nsIP6Targets {
            nest(BondAttr.nsIP6Target) { w in
                for (i, t) in targets.enumerated() { w.put(UInt16(i), t) }
            }
        }
        if let v = o.primary { putU32(BondAttr.primary, v) }
        if let v = o.primaryReselect { putU8(BondAttr.primaryReselect, v.rawValue) }
        if let v = o.failOverMac { putU8(BondAttr.failOverMac, v) }
        if let v = o.xmitHashPolicy { putU8(BondAttr.xmitHashPolicy, v.rawValue) }
        if let v = o.allSlavesActive { putU8(BondAttr.allSlavesActive, v) }
        if let v = o.minLinks { putU32(BondAttr.minLinks, v) }
        if let v = o.lacpRate { putU8(BondAttr.adLacpRate, v.rawValue) }
        if let v = o.adSelect { putU8(BondAttr.adSelect, v) }
        if let v = o.lacpActive { putU8(BondAttr.adLacpActive, v) }
    }
}

public enum RouteLinkDecoder {
    /// An RTM_NEWLINK message (reply or notification).
    public static func link(_ m: NetlinkMessage) throws -> LinkInfo {
        let p = m.payload
        guard p.count >= 16 else { throw NetlinkError.truncated("ifinfomsg (\(p.count) bytes)") }
        let a = try m.attributes(after: 16)
        var l = LinkInfo(index: try Bytes.read(Int32.self, p, at: 4), name: a[LinkAttr.ifname]?.string() ?? "",
                         flags: try Bytes.read(UInt32.self, p, at: 8))
        l.mtu = try a[LinkAttr.mtu]?.u32()
        l.address = a[LinkAttr.address]?.payload
        if let m = try a[LinkAttr.master]?.s32(), m != 0 { l.master = m }
        l.operState = try a[LinkAttr.operState]?.u8()
        if let info = try a[LinkAttr.linkInfo]?.nested() {
            l.kind = info[LinkInfoAttr.kind]?.string()
            l.slaveKind = info[LinkInfoAttr.slaveKind]?.string()
            if l.kind == "bond", let data = try info[LinkInfoAttr.data]?.nested() {
                l.bond = try bondOptions(data)
                if let ad = try data[BondAttr.adInfo]?.nested() { l.bondADInfo = try adInfo(ad) }
            }
            if l.slaveKind == "bond", let data = try info[LinkInfoAttr.slaveData]?.nested() {
                l.bondSlave = try slave(data)
            }
        }
        if let list = try a[LinkAttr.vfInfoList]?.nested() {
            l.vfRates = try list.all(VFInfoAttr.info).compactMap { info in
                guard let rate = try info.nested()[VFInfoAttr.rate]?.payload, rate.count >= 12 else { return nil }
                let mbit: UInt64 = 125_000
                return VFRate(vf: try Bytes.read(UInt32.self, rate, at: 0),
                              minTx: UInt64(try Bytes.read(UInt32.self, rate, at: 4)) * mbit,
                              maxTx: UInt64(try Bytes.read(UInt32.self, rate, at: 8)) * mbit)
            }
        }
        return l
    }

    static func bondOptions(_ a: AttributeList) throws -> BondOptions {
        var o = BondOptions()
        if let m = try a[BondAttr.mode]?.u8() { o.mode = BondMode(rawValue: m) }
        o.activeSlave = try a[BondAttr.activeSlave]?.u32()
        o.miimon = try a[BondAttr.miimon]?.u32()
        o.updelay = try a[BondAttr.updelay]?.u32()
        o.downdelay = try a[BondAttr.downdelay]?.u32()
        o.useCarrier = try a[BondAttr.useCarrier]?.u8()
        o.arpInterval = try a[BondAttr.arpInterval]?.u32()
        if let targets = try a[BondAttr.arpIPTarget]?.nested() {
            o.arpIPTargets = targets.attributes.map(\.payload).filter { $0.count == 4 }
        }
        if let targets = try a[BondAttr.nsIP6Target]?.nested() {
            o.nsIP6Targets = targets.attributes.map(\.payload).filter { $0.count == 16 }
        }
        o.primary = try a[BondAttr.primary]?.u32()
        o.primaryReselect = (try a[BondAttr.primaryReselect]?.u8()).flatMap(BondPrimaryReselect.init(rawValue:))
        o.failOverMac = try a[BondAttr.failOverMac]?.u8()
        o.xmitHashPolicy = (try a[BondAttr.xmitHashPolicy]?.u8()).flatMap(BondXmitHashPolicy.init(rawValue:))
        o.allSlavesActive = try a[BondAttr.allSlavesActive]?.u8()
        o.minLinks = try a[BondAttr.minLinks]?.u32()
        o.lacpRate = (try a[BondAttr.adLacpRate]?.u8()).flatMap(BondLacpRate.init(rawValue:))
        o.adSelect = try a[BondAttr.adSelect]?.u8()
        o.lacpActive = try a[BondAttr.adLacpActive]?.u8()
        return o
    }

    static func adInfo(_ a: AttributeList) throws -> BondADInfo {
        BondADInfo(aggregatorID: try a[BondADInfoAttr.aggregator]?.u16(), numPorts: try a[BondADInfoAttr.numPorts]?.u16(),
                   actorKey: try a[BondADInfoAttr.actorKey]?.u16(), partnerKey: try a[BondADInfoAttr.partnerKey]?.u16(),
                   partnerMAC: a[BondADInfoAttr.partnerMAC]?.payload)
    }

    static func slave(_ a: AttributeList) throws -> BondSlaveInfo {
        BondSlaveInfo(state: try a[BondSlaveAttr.state]?.u8(), miiStatus: try a[BondSlaveAttr.miiStatus]?.u8(),
                      linkFailureCount: try a[BondSlaveAttr.linkFailureCount]?.u32(),
                      permanentAddress: a[BondSlaveAttr.permHwAddr]?.payload,
                      queueID: try a[BondSlaveAttr.queueID]?.u16(), aggregatorID: try a[BondSlaveAttr.adAggregatorID]?.u16(),
                      prio: try a[BondSlaveAttr.prio]?.s32())
    }
}

import DevlinkModel

/// Decodes devlink replies and notifications into DevlinkModel values. Objects are recognised by
/// their attributes, not by the reply command: older kernels answered port dumps with cmd 3 (§1.8).
public enum DevlinkDecoder {
    /// Attributes after the genetlink header of a devlink message.
    public static func attributes(_ m: NetlinkMessage) throws -> AttributeList {
        try m.attributes(after: GenericHeader.size)
    }

    public static func device(_ a: AttributeList) throws -> DeviceHandle { try device(lookingUp: a) }

    static func device(lookingUp a: some AttributeLookup) throws -> DeviceHandle {
        guard let bus = a.string(DevlinkAttr.busName) else { throw NetlinkError.missingAttribute("DEVLINK_ATTR_BUS_NAME") }
        guard let name = a.string(DevlinkAttr.devName) else { throw NetlinkError.missingAttribute("DEVLINK_ATTR_DEV_NAME") }
        return DeviceHandle(bus: bus, name: name)
    }

    /// A port message is asked for some twenty types: through a lookup table, not a search each.
    public static func port(_ a: AttributeList) throws -> Port { try a.withLookup { try port(lookingUp: $0) } }

    static func port(lookingUp a: some AttributeLookup) throws -> Port {
        let device = try device(lookingUp: a)
        guard let index = try a.u32(DevlinkAttr.portIndex) else { throw NetlinkError.missingAttribute("DEVLINK_ATTR_PORT_INDEX") }
        let handle = PortHandle(device: device, index: index)
        let flavourRaw = try a.u16(DevlinkAttr.portFlavour) ?? PortFlavour.physical.rawValue
        guard let flavour = PortFlavour(rawValue: flavourRaw) else {
            throw NetlinkError.malformed("unknown port flavour \(flavourRaw)")
        }
        var p = Port(handle: handle, flavour: flavour)
        if let t = try a.u16(DevlinkAttr.portType) { p.type = PortType(rawValue: t) ?? .notset }
        if let t = try a.u16(DevlinkAttr.portDesiredType) { p.desiredType = PortType(rawValue: t) }
        p.netdev = a.string(DevlinkAttr.portNetdevName)
        p.ifindex = try a.u32(DevlinkAttr.portNetdevIfindex)
        p.ibdev = a.string(DevlinkAttr.portIBDevName)
        p.controller = try a.u32(DevlinkAttr.portControllerNumber)
        p.pfnum = try a.u16(DevlinkAttr.portPCIPFNumber)
        p.vfnum = try a.u16(DevlinkAttr.portPCIVFNumber)
        p.sfnum = try a.u32(DevlinkAttr.portPCISFNumber)
        if let e = try a.u8(DevlinkAttr.portExternal) { p.external = e != 0 }
        p.portNumber = try a.u32(DevlinkAttr.portNumber)
        p.splitGroup = try a.u32(DevlinkAttr.portSplitGroup)
        p.splitSubportNumber = try a.u32(DevlinkAttr.portSplitSubportNumber)
        p.splittable = try (a.u8(DevlinkAttr.portSplittable) ?? 0) != 0
        p.lanes = try a.u32(DevlinkAttr.portLanes)
        if let f = a[DevlinkAttr.portFunction] { p.function = try function(try f.nested()) }
        return p
    }

    public static func function(_ a: AttributeList) throws -> PortFunction {
        var f = PortFunction()
        if let mac = a[PortFunctionAttr.hwAddr] {
            guard let m = MACAddress(bytes: mac.payload) else {
                throw NetlinkError.malformed("hardware address of \(mac.payload.count) bytes")
            }
            f.hwAddr = m
        }
        if let s = try a[PortFunctionAttr.state]?.u8() { f.state = FunctionState(rawValue: s) }
        if let s = try a[PortFunctionAttr.opstate]?.u8() { f.opstate = FunctionOpState(rawValue: s) }
        if let caps = try a[PortFunctionAttr.caps]?.bitfield32() {
            // A cap is reported only when its bit is in the selector.
            func cap(_ bit: PortFunctionCaps) -> Bool? {
                caps.selector & bit.rawValue != 0 ? caps.value & bit.rawValue != 0 : nil
            }
            f.roce = cap(.roce)
            f.migratable = cap(.migratable)
            f.ipsecCrypto = cap(.ipsecCrypto)
            f.ipsecPacket = cap(.ipsecPacket)
        }
        f.maxIOEQs = try a[PortFunctionAttr.maxIOEQs]?.u32()
        if let nested = a[PortFunctionAttr.devlink] { f.nestedDevlink = try device(try nested.nested()) }
        return f
    }

    public static func rate(_ a: AttributeList) throws -> RateObject { try a.withLookup { try rate(lookingUp: $0) } }

    static func rate(lookingUp a: some AttributeLookup) throws -> RateObject {
        let dev = try device(lookingUp: a)
        let handle: RateHandle
        if let name = a.string(DevlinkAttr.rateNodeName) {
            handle = .node(dev, name)
        } else if let index = try a.u32(DevlinkAttr.portIndex) {
            handle = RateHandle(device: dev, target: .leaf(portIndex: index))
        } else {
            throw NetlinkError.missingAttribute("DEVLINK_ATTR_PORT_INDEX or DEVLINK_ATTR_RATE_NODE_NAME")
        }
        // Every field read first (in the order errors were always reported) and the object made
        // once: filling in a `var` copied it twice.
        let txShare = try a.u64(DevlinkAttr.rateTxShare) ?? 0
        let txMax = try a.u64(DevlinkAttr.rateTxMax) ?? 0
        let txPriority = try a.u32(DevlinkAttr.rateTxPriority) ?? 0
        let txWeight = try a.u32(DevlinkAttr.rateTxWeight) ?? 0
        let parent = a.string(DevlinkAttr.rateParentNodeName)
        var bandwidths = RateObject.noBandwidths
        let classes = a.all(DevlinkAttr.rateTCBandwidths)
        for tc in classes {
            let n = try tc.nested()
            let index = Int(try n.require(RateTCAttr.index, "DEVLINK_RATE_TC_ATTR_INDEX").u8())
            let bw = try n[RateTCAttr.bandwidth]?.u32() ?? 0
            if index < bandwidths.count { bandwidths[index] = bw }
        }
        var object = RateObject(handle: handle, txShare: txShare, txMax: txMax, txPriority: txPriority, txWeight: txWeight,
                                parent: parent?.isEmpty == false ? parent : nil, tcBandwidths: bandwidths)
        // A kernel with tc-bw sends all eight (devlink_rate_put_tc_bws); none means it has none.
        if classes.isEmpty { object.absent = .tcBandwidths }
        return object
    }

    public static func eswitch(_ a: some AttributeLookup) throws -> Eswitch {
        var e = Eswitch()
        if let m = try a[DevlinkAttr.eswitchMode]?.u16() { e.mode = EswitchMode(rawValue: m) }
        if let m = try a[DevlinkAttr.eswitchInlineMode]?.u8() { e.inlineMode = EswitchInlineMode(rawValue: m) }
        if let m = try a[DevlinkAttr.eswitchEncapMode]?.u8() { e.encapMode = EswitchEncapMode(rawValue: m) }
        return e
    }

    public static func info(_ a: some AttributeLookup) throws -> DeviceInfo {
        func versions(_ type: UInt16) throws -> [DeviceInfo.Version] {
            try a.all(type).map { v in
                let n = try v.nested()
                return DeviceInfo.Version(n[DevlinkAttr.infoVersionName]?.string() ?? "",
                                          n[DevlinkAttr.infoVersionValue]?.string() ?? "")
            }
        }
        return DeviceInfo(device: try device(lookingUp: a),
                          driver: a[DevlinkAttr.infoDriverName]?.string() ?? "",
                          serialNumber: a[DevlinkAttr.infoSerialNumber]?.string(),
                          boardSerialNumber: a[DevlinkAttr.infoBoardSerialNumber]?.string(),
                          fixed: try versions(DevlinkAttr.infoVersionFixed),
                          running: try versions(DevlinkAttr.infoVersionRunning),
                          stored: try versions(DevlinkAttr.infoVersionStored))
    }

    public static func param(_ a: some AttributeLookup) throws -> Param {
        try ParamCodec.decode(device: try device(lookingUp: a), try a.require(DevlinkAttr.param, "DEVLINK_ATTR_PARAM").nested())
    }

    /// A notification from the `config` group, or nil for kinds dls does not model (traps, regions...).
    public static func event(_ m: NetlinkMessage) throws -> DevlinkEvent? {
        let cmd = try GenericHeader(parsing: m.body).command
        let a = try attributes(m)
        switch cmd {
        case DevlinkCommand.new:
            // old kernels used cmd 3 for port messages too
            return a.contains(DevlinkAttr.portIndex) ? .portNew(try port(a)) : .deviceNew(try device(a))
        case DevlinkCommand.del: return .deviceDel(try device(a))
        case DevlinkCommand.portNew: return .portNew(try port(a))
        case DevlinkCommand.portDel: return .portDel(try port(a))
        case DevlinkCommand.rateNew: return .rateNew(try rate(a))
        case DevlinkCommand.rateDel: return .rateDel(try rate(a))
        case DevlinkCommand.paramNew: return .paramNew(try param(a))
        default: return nil
        }
    }
}

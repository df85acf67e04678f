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
        DeviceHandle(bus: try a.require(DevlinkAttr.busName, "DEVLINK_ATTR_BUS_NAME").string(),
                     name: try a.require(DevlinkAttr.devName, "DEVLINK_ATTR_DEV_NAME").string())
    }

    /// A port message is asked for some twenty types: through a lookup table, not a search each.
    public static func port(_ a: AttributeList) throws -> Port { try a.withLookup { try port(lookingUp: $0) } }

    static func port(lookingUp a: some AttributeLookup) throws -> Port {
        let handle = PortHandle(device: try device(lookingUp: a),
                                index: try a.require(DevlinkAttr.portIndex, "DEVLINK_ATTR_PORT_INDEX").u32())
        let flavourRaw = try a[DevlinkAttr.portFlavour]?.u16() ?? PortFlavour.physical.rawValue
        guard let flavour = PortFlavour(rawValue: flavourRaw) else {
            throw NetlinkError.malformed("unknown port flavour \(flavourRaw)")
        }
        var p = Port(handle: handle, flavour: flavour)
        if let t = try a[DevlinkAttr.portType]?.u16() { p.type = PortType(rawValue: t) ?? .notset }
        if let t = try a[DevlinkAttr.portDesiredType]?.u16() { p.desiredType = PortType(rawValue: t) }
        p.netdev = a[DevlinkAttr.portNetdevName]?.string()
        p.ifindex = try a[DevlinkAttr.portNetdevIfindex]?.u32()
        p.ibdev = a[DevlinkAttr.portIBDevName]?.string()
        p.controller = try a[DevlinkAttr.portControllerNumber]?.u32()
        p.pfnum = try a[DevlinkAttr.portPCIPFNumber]?.u16()
        p.vfnum = try a[DevlinkAttr.portPCIVFNumber]?.u16()
        p.sfnum = try a[DevlinkAttr.portPCISFNumber]?.u32()
        if let e = try a[DevlinkAttr.portExternal]?.u8() { p.external = e != 0 }
        p.portNumber = try a[DevlinkAttr.portNumber]?.u32()
        p.splitGroup = try a[DevlinkAttr.portSplitGroup]?.u32()
        p.splitSubportNumber = try a[DevlinkAttr.portSplitSubportNumber]?.u32()
        p.splittable = try (a[DevlinkAttr.portSplittable]?.u8() ?? 0) != 0
        p.lanes = try a[DevlinkAttr.portLanes]?.u32()
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
        if let name = a[DevlinkAttr.rateNodeName] {
            handle = .node(dev, name.string())
        } else if let index = try a[DevlinkAttr.portIndex]?.u32() {
            handle = RateHandle(device: dev, target: .leaf(portIndex: index))
        } else {
            throw NetlinkError.missingAttribute("DEVLINK_ATTR_PORT_INDEX or DEVLINK_ATTR_RATE_NODE_NAME")
        }
        var r = RateObject(handle: handle)
        r.txShare = try a[DevlinkAttr.rateTxShare]?.u64() ?? 0
        r.txMax = try a[DevlinkAttr.rateTxMax]?.u64() ?? 0
        r.txPriority = try a[DevlinkAttr.rateTxPriority]?.u32() ?? 0
        r.txWeight = try a[DevlinkAttr.rateTxWeight]?.u32() ?? 0
        if let p = a[DevlinkAttr.rateParentNodeName]?.string(), !p.isEmpty { r.parent = p }
        for tc in a.all(DevlinkAttr.rateTCBandwidths) {
            let n = try tc.nested()
            let index = Int(try n.require(RateTCAttr.index, "DEVLINK_RATE_TC_ATTR_INDEX").u8())
            let bw = try n[RateTCAttr.bandwidth]?.u32() ?? 0
            if index < r.tcBandwidths.count { r.tcBandwidths[index] = bw }
        }
        return r
    }

    public static func eswitch(_ a: AttributeList) throws -> Eswitch {
        var e = Eswitch()
        if let m = try a[DevlinkAttr.eswitchMode]?.u16() { e.mode = EswitchMode(rawValue: m) }
        if let m = try a[DevlinkAttr.eswitchInlineMode]?.u8() { e.inlineMode = EswitchInlineMode(rawValue: m) }
        if let m = try a[DevlinkAttr.eswitchEncapMode]?.u8() { e.encapMode = EswitchEncapMode(rawValue: m) }
        return e
    }

    public static func info(_ a: AttributeList) throws -> DeviceInfo {
        func versions(_ type: UInt16) throws -> [DeviceInfo.Version] {
            try a.all(type).map { v in
                let n = try v.nested()
                return DeviceInfo.Version(n[DevlinkAttr.infoVersionName]?.string() ?? "",
                                          n[DevlinkAttr.infoVersionValue]?.string() ?? "")
            }
        }
        return DeviceInfo(device: try device(a),
                          driver: a[DevlinkAttr.infoDriverName]?.string() ?? "",
                          serialNumber: a[DevlinkAttr.infoSerialNumber]?.string(),
                          boardSerialNumber: a[DevlinkAttr.infoBoardSerialNumber]?.string(),
                          fixed: try versions(DevlinkAttr.infoVersionFixed),
                          running: try versions(DevlinkAttr.infoVersionRunning),
                          stored: try versions(DevlinkAttr.infoVersionStored))
    }

    public static func param(_ a: AttributeList) throws -> Param {
        try ParamCodec.decode(device: try device(a), try a.require(DevlinkAttr.param, "DEVLINK_ATTR_PARAM").nested())
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

import DevlinkModel

/// One devlink request ready to send: command, dump or do, and the encoded attributes.
/// Encoding follows iproute2 byte for byte (NUL-terminated strings, unpadded u64s, nested flag set).
public struct DevlinkRequest: Sendable, Equatable {
    public var command: UInt8
    public var isDump: Bool
    public var attributes: [UInt8]

    public init(command: UInt8, isDump: Bool = false, attributes: [UInt8] = []) {
        (self.command, self.isDump, self.attributes) = (command, isDump, attributes)
    }

    /// genlmsghdr + attributes, i.e. the netlink payload.
    public var payload: [UInt8] { GenericHeader(command: command, version: DevlinkFamily.version).bytes + attributes }

    /// The complete message for `family` with `sequence` (what `exchange` sends).
    public func message(family: UInt16, sequence: UInt32) -> NetlinkMessage {
        let flags: NetlinkFlags = isDump ? [.request, .ack, .dump] : [.request, .ack]
        return NetlinkMessage(header: NetlinkHeader(type: family, flags: flags, sequence: sequence), payload: payload)
    }

    private static func with(_ command: UInt8, dump: Bool = false, _ body: (inout AttributeWriter) -> Void) -> DevlinkRequest {
        var w = AttributeWriter()
        body(&w)
        return DevlinkRequest(command: command, isDump: dump, attributes: w.bytes)
    }

    // MARK: devices

    public static func dumpDevices() -> DevlinkRequest { DevlinkRequest(command: DevlinkCommand.get, isDump: true) }

    public static func getDevice(_ d: DeviceHandle) -> DevlinkRequest { with(DevlinkCommand.get) { $0.put(d) } }

    public static func getInfo(_ d: DeviceHandle) -> DevlinkRequest { with(DevlinkCommand.infoGet) { $0.put(d) } }

    public static func getEswitch(_ d: DeviceHandle) -> DevlinkRequest { with(DevlinkCommand.eswitchGet) { $0.put(d) } }

    public static func setEswitch(_ d: DeviceHandle, _ c: EswitchChanges) -> DevlinkRequest {
        with(DevlinkCommand.eswitchSet) { w in
            w.put(d)
            if let m = c.mode { w.putU16(DevlinkAttr.eswitchMode, m.rawValue) }
            if let m = c.inlineMode { w.putU8(DevlinkAttr.eswitchInlineMode, m.rawValue) }
            if let m = c.encapMode { w.putU8(DevlinkAttr.eswitchEncapMode, m.rawValue) }
        }
    }

    // MARK: params

    public static func dumpParams() -> DevlinkRequest { DevlinkRequest(command: DevlinkCommand.paramGet, isDump: true) }

    public static func getParam(_ d: DeviceHandle, name: String) -> DevlinkRequest {
        with(DevlinkCommand.paramGet) { w in
            w.put(d)
            w.putString(DevlinkAttr.paramName, name)
        }
    }

    /// PARAM_SET: name, type, cmode, data. A false bool is sent as an absent flag (the kernel's encoding).
    public static func setParam(_ d: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) -> DevlinkRequest {
        with(DevlinkCommand.paramSet) { w in
            w.put(d)
            w.putString(DevlinkAttr.paramName, name)
            w.putU8(DevlinkAttr.paramType, ParamCodec.wireType(value.type))
            w.putU8(DevlinkAttr.paramValueCMode, cmode.rawValue)
            switch value {
            case .u8(let v): w.putU8(DevlinkAttr.paramValueData, v)
            case .u16(let v): w.putU16(DevlinkAttr.paramValueData, v)
            case .u32(let v): w.putU32(DevlinkAttr.paramValueData, v)
            case .u64(let v): w.putU64(DevlinkAttr.paramValueData, v)
            case .string(let v): w.putString(DevlinkAttr.paramValueData, v)
            case .bool(let v): if v { w.putFlag(DevlinkAttr.paramValueData) }
            }
        }
    }

    // MARK: ports

    /// PORT_GET dump of every device (the policy of older kernels has no dump selector; dls filters).
    public static func dumpPorts() -> DevlinkRequest { DevlinkRequest(command: DevlinkCommand.portGet, isDump: true) }

    public static func getPort(_ p: PortHandle) -> DevlinkRequest { with(DevlinkCommand.portGet) { $0.put(p) } }

    public static func setPortType(_ p: PortHandle, _ type: PortType) -> DevlinkRequest {
        with(DevlinkCommand.portSet) { w in
            w.put(p)
            w.putU16(DevlinkAttr.portType, type.rawValue)
        }
    }

    /// PORT_NEW. CONTROLLER_NUMBER is a u32 attribute (the kernel reads it as u16; low bytes first on LE).
    public static func newPort(_ r: PortAddRequest) -> DevlinkRequest {
        with(DevlinkCommand.portNew) { w in
            w.put(r.device)
            if let i = r.portIndex { w.putU32(DevlinkAttr.portIndex, i) }
            if let f = r.flavour { w.putU16(DevlinkAttr.portFlavour, f.rawValue) }
            if let pf = r.pfnum { w.putU16(DevlinkAttr.portPCIPFNumber, pf) }
            if let sf = r.sfnum { w.putU32(DevlinkAttr.portPCISFNumber, sf) }
            if let c = r.controller { w.putU32(DevlinkAttr.portControllerNumber, c) }
        }
    }

    public static func deletePort(_ p: PortHandle) -> DevlinkRequest { with(DevlinkCommand.portDel) { $0.put(p) } }

    public static func splitPort(_ p: PortHandle, count: UInt32) -> DevlinkRequest {
        with(DevlinkCommand.portSplit) { w in
            w.put(p)
            w.putU32(DevlinkAttr.portSplitCount, count)
        }
    }

    public static func unsplitPort(_ p: PortHandle) -> DevlinkRequest { with(DevlinkCommand.portUnsplit) { $0.put(p) } }

    /// PORT_SET with a PORT_FUNCTION nest holding only the given attributes (kernel applies state last).
    public static func setPortFunction(_ p: PortHandle, _ c: PortFunctionChanges) -> DevlinkRequest {
        with(DevlinkCommand.portSet) { w in
            w.put(p)
            w.nest(DevlinkAttr.portFunction) { f in
                if let mac = c.hwAddr { f.put(PortFunctionAttr.hwAddr, mac.bytes) }
                let caps = c.caps
                if !caps.selector.isEmpty {
                    f.putBitfield32(PortFunctionAttr.caps, value: caps.value.rawValue, selector: caps.selector.rawValue)
                }
                if let eqs = c.maxIOEQs { f.putU32(PortFunctionAttr.maxIOEQs, eqs) }
                if let s = c.state { f.putU8(PortFunctionAttr.state, s.rawValue) }
            }
        }
    }

    // MARK: rates

    public static func dumpRates() -> DevlinkRequest { DevlinkRequest(command: DevlinkCommand.rateGet, isDump: true) }

    public static func getRate(_ r: RateHandle) -> DevlinkRequest { with(DevlinkCommand.rateGet) { $0.put(r) } }

    public static func setRate(_ r: RateHandle, _ c: RateChanges) -> DevlinkRequest {
        with(DevlinkCommand.rateSet) { w in
            w.put(r)
            w.put(c)
        }
    }

    public static func newRateNode(_ r: RateHandle, _ c: RateChanges) -> DevlinkRequest {
        with(DevlinkCommand.rateNew) { w in
            w.put(r)
            w.put(c)
        }
    }

    public static func deleteRateNode(_ r: RateHandle) -> DevlinkRequest { with(DevlinkCommand.rateDel) { $0.put(r) } }
}

extension AttributeWriter {
    mutating func put(_ d: DeviceHandle) {
        putString(DevlinkAttr.busName, d.bus)
        putString(DevlinkAttr.devName, d.name)
    }

    mutating func put(_ p: PortHandle) {
        put(p.device)
        putU32(DevlinkAttr.portIndex, p.index)
    }

    mutating func put(_ r: RateHandle) {
        put(r.device)
        switch r.target {
        case .leaf(let index): putU32(DevlinkAttr.portIndex, index)
        case .node(let name): putString(DevlinkAttr.rateNodeName, name)
        }
    }

    /// Rate attributes in the kernel's apply order; tc-bw as 8 repeated nests.
    mutating func put(_ c: RateChanges) {
        if let v = c.txShare { putU64(DevlinkAttr.rateTxShare, v) }
        if let v = c.txMax { putU64(DevlinkAttr.rateTxMax, v) }
        if let v = c.txPriority { putU32(DevlinkAttr.rateTxPriority, v) }
        if let v = c.txWeight { putU32(DevlinkAttr.rateTxWeight, v) }
        if let v = c.parent { putString(DevlinkAttr.rateParentNodeName, v) }
        for tc in c.tcBandwidths ?? [] {
            nest(DevlinkAttr.rateTCBandwidths) { n in
                n.putU8(RateTCAttr.index, tc.index)
                n.putU32(RateTCAttr.bandwidth, tc.bandwidth)
            }
        }
    }
}

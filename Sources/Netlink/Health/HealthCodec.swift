import DevlinkModel

extension DevlinkRequest {
    public static func dumpHealthReporters() -> DevlinkRequest {
        DevlinkRequest(command: DevlinkCommand.healthReporterGet, isDump: true)
    }

    /// A reporter request: the handle and HEALTH_REPORTER_NAME, as devlink's dl_opts_put writes them.
    private static func reporter(_ command: UInt8, _ d: DeviceHandle, _ port: UInt32?, _ name: String,
                                 _ body: (inout AttributeWriter) -> Void = { _ in }) -> DevlinkRequest {
        var w = AttributeWriter()
        w.put(d)
        if let port { w.putU32(DevlinkAttr.portIndex, port) }
        w.putString(DevlinkAttr.healthReporterName, name)
        body(&w)
        return DevlinkRequest(command: command, attributes: w.bytes)
    }

    /// HEALTH_REPORTER_SET: GRACEFUL_PERIOD u64, AUTO_RECOVER u8, AUTO_DUMP u8 for what is given.
    public static func setHealthReporter(_ op: SetHealthReporter) -> DevlinkRequest {
        reporter(DevlinkCommand.healthReporterSet, op.device, op.port, op.name) { w in
            if let g = op.gracePeriod { w.putU64(DevlinkAttr.healthReporterGracefulPeriod, g) }
            if let b = op.burstPeriod { w.putU64(DevlinkAttr.healthReporterBurstPeriod, b) }
            if let a = op.autoRecover { w.putU8(DevlinkAttr.healthReporterAutoRecover, a ? 1 : 0) }
            if let a = op.autoDump { w.putU8(DevlinkAttr.healthReporterAutoDump, a ? 1 : 0) }
        }
    }

    /// GET, RECOVER, DIAGNOSE, DUMP_CLEAR and TEST are do requests naming the reporter; DUMP_GET is a
    /// dump request with the same attributes (devlink's cmd_health_object_common, NLM_F_DUMP for dump show).
    public static func healthReporter(_ command: UInt8, _ id: HealthReporterID, dump: Bool = false) -> DevlinkRequest {
        var r = reporter(command, id.device, id.port, id.name)
        r.isDump = dump
        return r
    }
}

extension DevlinkDecoder {
    /// A HEALTH_REPORTER_GET reply: the handle (a port reporter's with its port index) and the
    /// HEALTH_REPORTER nest.
    static func healthReporter(_ a: some AttributeLookup) throws -> HealthReporter {
        let device = try device(lookingUp: a)
        let port = try a[DevlinkAttr.portIndex]?.u32()
        let nest = try a.require(DevlinkAttr.healthReporter, "DEVLINK_ATTR_HEALTH_REPORTER").nested()
        let stateRaw = try nest.require(DevlinkAttr.healthReporterState, "DEVLINK_ATTR_HEALTH_REPORTER_STATE").u8()
        guard let state = HealthState(rawValue: stateRaw) else { throw NetlinkError.malformed("unknown health state \(stateRaw)") }
        return HealthReporter(
            device: device, port: port,
            name: try nest.require(DevlinkAttr.healthReporterName, "DEVLINK_ATTR_HEALTH_REPORTER_NAME").string(),
            state: state,
            errorCount: try nest.require(DevlinkAttr.healthReporterErrorCount, "DEVLINK_ATTR_HEALTH_REPORTER_ERR_COUNT").u64(),
            recoverCount: try nest.require(DevlinkAttr.healthReporterRecoverCount, "DEVLINK_ATTR_HEALTH_REPORTER_RECOVER_COUNT").u64(),
            gracePeriod: try nest[DevlinkAttr.healthReporterGracefulPeriod]?.u64(),
            burstPeriod: try nest[DevlinkAttr.healthReporterBurstPeriod]?.u64(),
            autoRecover: try nest[DevlinkAttr.healthReporterAutoRecover].map { try $0.u8() != 0 },
            autoDump: try nest[DevlinkAttr.healthReporterAutoDump].map { try $0.u8() != 0 },
            lastDump: try nest[DevlinkAttr.healthReporterDumpTimeNS]?.u64())
    }

    /// One reply message's part of a formatted message: the DEVLINK_ATTR_FMSG nest's items in order
    /// (devlink_fmsg_prepare_skb). A long message spans several replies; their items are appended.
    static func healthMessageItems(_ a: some AttributeLookup) throws -> [HealthMessage.Item] {
        guard let fmsg = a[DevlinkAttr.fmsg] else { return [] }
        var items: [HealthMessage.Item] = []
        var type: UInt8?
        for attribute in try fmsg.nested() {
            switch attribute.type {
            case DevlinkAttr.fmsgObjectStart: items.append(.objectStart)
            case DevlinkAttr.fmsgPairStart: items.append(.pairStart)
            case DevlinkAttr.fmsgArrayStart: items.append(.arrayStart)
            case DevlinkAttr.fmsgNestEnd: items.append(.end)
            case DevlinkAttr.fmsgName: items.append(.name(attribute.string()))
            case DevlinkAttr.fmsgValueType: type = try attribute.u8()
            case DevlinkAttr.fmsgValueData: items.append(.value(try healthValue(type, attribute)))
            default: throw NetlinkError.malformed("unknown formatted message attribute \(attribute.type)")
            }
        }
        return items
    }

    /// A value by its DEVLINK_ATTR_FMSG_OBJ_VALUE_TYPE (the types devlink_fmsg_item_fill_type sends; a
    /// flag travels as a u8). A u16 is read into a u32: devlink prints both with %u.
    private static func healthValue(_ type: UInt8?, _ a: Attribute) throws -> HealthMessage.Value {
        switch type {
        case VarAttrType.u8: return .u8(try a.u8())
        case VarAttrType.u16: return .u32(UInt32(try a.u16()))
        case VarAttrType.u32: return .u32(try a.u32())
        case VarAttrType.u64: return .u64(try a.u64())
        case VarAttrType.flag: return .bool(try a.u8() != 0)
        case VarAttrType.nulString: return .string(a.string())
        case VarAttrType.binary: return .binary(a.payload)
        default: throw NetlinkError.malformed("unknown formatted message value type \(type.map(String.init) ?? "none")")
        }
    }
}

import DevlinkModel

/// DEVLINK_ATTR_PARAM nests: {NAME, GENERIC, TYPE, VALUES_LIST{VALUE{CMODE, DATA}...}}.
enum ParamCodec {
    static func wireType(_ t: ParamType) -> UInt8 {
        switch t {
        case .u8: VarAttrType.u8
        case .u16: VarAttrType.u16
        case .u32: VarAttrType.u32
        case .u64: VarAttrType.u64
        case .string: VarAttrType.string
        case .bool: VarAttrType.flag
        }
    }

    static func modelType(_ wire: UInt8) throws -> ParamType {
        switch wire {
        case VarAttrType.u8: return .u8
        case VarAttrType.u16: return .u16
        case VarAttrType.u32: return .u32
        case VarAttrType.u64: return .u64
        case VarAttrType.string, VarAttrType.nulString: return .string
        case VarAttrType.flag: return .bool
        default: throw NetlinkError.malformed("unknown parameter type \(wire)")
        }
    }

    static func decode(device: DeviceHandle, _ a: AttributeList) throws -> Param {
        let name = try a.require(DevlinkAttr.paramName, "DEVLINK_ATTR_PARAM_NAME").string()
        let type = try modelType(try a.require(DevlinkAttr.paramType, "DEVLINK_ATTR_PARAM_TYPE").u8())
        var values: [Param.ModeValue] = []
        if let list = a[DevlinkAttr.paramValuesList] {
            for v in try list.nested().all(DevlinkAttr.paramValue) {
                let n = try v.nested()
                let raw = try n.require(DevlinkAttr.paramValueCMode, "DEVLINK_ATTR_PARAM_VALUE_CMODE").u8()
                guard let cmode = ParamCMode(rawValue: raw) else { continue }
                values.append(Param.ModeValue(cmode: cmode, value: try value(type, n[DevlinkAttr.paramValueData])))
            }
        }
        return Param(device: device, name: name, generic: a.contains(DevlinkAttr.paramGeneric), type: type, values: values)
    }

    /// A bool is a flag: present = true, absent = false.
    static func value(_ type: ParamType, _ data: Attribute?) throws -> ParamValue {
        if type == .bool { return .bool(data != nil) }
        guard let data else { throw NetlinkError.missingAttribute("DEVLINK_ATTR_PARAM_VALUE_DATA") }
        switch type {
        case .u8: return .u8(try data.u8())
        case .u16: return .u16(try data.u16())
        case .u32: return .u32(try data.u32())
        case .u64: return .u64(try data.u64())
        case .string: return .string(data.string())
        case .bool: return .bool(true)
        }
    }
}

/// `enum devlink_param_cmode`.
public enum ParamCMode: UInt8, DevlinkNameTable, Codable {
    case runtime = 0, driverinit = 1, permanent = 2

    public static let spellings = ["runtime", "driverinit", "permanent"]
}

/// DEVLINK_VAR_ATTR_TYPE_* of a parameter (the iproute2 names are `u8`, `u16`, `u32`, `u64`, `string`, `flag`).
public enum ParamType: UInt8, DevlinkNameTable, Codable {
    case u8 = 1, u16 = 2, u32 = 3, u64 = 4, string = 5, bool = 6

    public static let spellings = ["u8", "u16", "u32", "u64", "string", "flag"]
    public static let firstRawValue: UInt8 = 1
}

/// A parameter value; the case matches the parameter's `ParamType`.
public enum ParamValue: Hashable, Sendable, CustomStringConvertible, Codable {
    case u8(UInt8), u16(UInt16), u32(UInt32), u64(UInt64), string(String), bool(Bool)

    public var type: ParamType {
        switch self {
        case .u8: .u8
        case .u16: .u16
        case .u32: .u32
        case .u64: .u64
        case .string: .string
        case .bool: .bool
        }
    }

    public var description: String {
        switch self {
        case .u8(let v): "\(v)"
        case .u16(let v): "\(v)"
        case .u32(let v): "\(v)"
        case .u64(let v): "\(v)"
        case .string(let v): v
        case .bool(let v): v ? "true" : "false"
        }
    }
}

/// A devlink parameter with its value in each configuration mode it supports.
public struct Param: Equatable, Sendable, Codable {
    public struct ModeValue: Equatable, Sendable, Codable {
        public var cmode: ParamCMode
        public var value: ParamValue
        public init(cmode: ParamCMode, value: ParamValue) {
            self.cmode = cmode
            self.value = value
        }
    }

    public var device: DeviceHandle
    public var name: String
    public var generic: Bool
    public var type: ParamType
    public var values: [ModeValue]

    public init(device: DeviceHandle, name: String, generic: Bool, type: ParamType, values: [ModeValue]) {
        (self.device, self.name, self.generic, self.type, self.values) = (device, name, generic, type, values)
    }

    public func value(in cmode: ParamCMode) -> ParamValue? {
        values.first { $0.cmode == cmode }?.value
    }
}

import DevlinkModel

/// The handle a command line named, already split the way devlink splits it.
public enum HandleValue: Sendable, Equatable {
    case device(DeviceHandle)
    case port(PortHandle)
    case rate(RateHandle)
    /// An interface name (`lag`, `link`).
    case netdev(String)

    public var device: DeviceHandle? {
        switch self {
        case .device(let d): return d
        case .port(let p): return p.device
        case .rate(let r): return r.device
        case .netdev: return nil
        }
    }

    /// The interface name of a `netdev` handle.
    public var interfaceName: String? {
        if case .netdev(let name) = self { return name }
        return nil
    }
}

/// One parsed option value.
public enum OptionValue: Sendable, Equatable {
    case number(UInt64)
    /// Bytes per second.
    case rate(UInt64)
    case bool(Bool)
    case word(String)
    case mac(MACAddress)
    /// Bandwidth share per traffic class 0...7.
    case trafficClasses([UInt32])
    case flag
}

/// A command line after table lookup and option parsing: which command, its handle, its options.
public struct ParsedCommand: Sendable {
    public let spec: CommandSpec
    public var handle: HandleValue?
    /// Option values by `OptionSpec.key`, plus the option name that set them (`parent` vs `noparent`).
    public var values: [String: (name: String, value: OptionValue)] = [:]
    /// Index (into the command's words) of each option's first word, for error carets.
    public var wordIndexes: [String: Int] = [:]
    public var handleWordIndex: Int?

    public init(spec: CommandSpec) { self.spec = spec }

    public func has(_ key: String) -> Bool { values[key] != nil }

    public func number(_ key: String) -> UInt64? {
        if case .number(let n)? = values[key]?.value { return n }
        return nil
    }

    public func rate(_ key: String) -> UInt64? {
        if case .rate(let n)? = values[key]?.value { return n }
        return nil
    }

    public func bool(_ key: String) -> Bool? {
        if case .bool(let b)? = values[key]?.value { return b }
        return nil
    }

    public func word(_ key: String) -> String? {
        if case .word(let w)? = values[key]?.value { return w }
        return nil
    }

    public func mac(_ key: String) -> MACAddress? {
        if case .mac(let m)? = values[key]?.value { return m }
        return nil
    }

    public func trafficClasses(_ key: String) -> [UInt32]? {
        if case .trafficClasses(let t)? = values[key]?.value { return t }
        return nil
    }

    /// Which spelling set a shared key (`noparent` vs `parent`).
    public func setter(_ key: String) -> String? { values[key]?.name }

    public var device: DeviceHandle? { handle?.device }
}

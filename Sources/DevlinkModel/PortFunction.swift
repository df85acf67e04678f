/// Capability bits of DEVLINK_PORT_FN_ATTR_CAPS (a bitfield32; valid mask 0xF).
public struct PortFunctionCaps: OptionSet, Hashable, Sendable, Codable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public static let roce = PortFunctionCaps(rawValue: 1 << 0)
    public static let migratable = PortFunctionCaps(rawValue: 1 << 1)
    public static let ipsecCrypto = PortFunctionCaps(rawValue: 1 << 2)
    public static let ipsecPacket = PortFunctionCaps(rawValue: 1 << 3)
    public static let validMask = PortFunctionCaps(rawValue: 0xF)
}

/// The function behind a PCI port (PF/VF/SF) as the kernel reports it. Every field is optional because the
/// kernel only reports what the driver supports (e.g. caps other than roce only for VFs).
public struct PortFunction: Equatable, Sendable, Codable {
    public var hwAddr: MACAddress?
    public var state: FunctionState?
    public var opstate: FunctionOpState?
    public var roce: Bool?
    public var migratable: Bool?
    public var ipsecCrypto: Bool?
    public var ipsecPacket: Bool?
    public var maxIOEQs: UInt32?
    /// The function's own devlink instance (e.g. `auxiliary/mlx5_core.sf.2` of an attached SF), if reported.
    public var nestedDevlink: DeviceHandle?

    public init(hwAddr: MACAddress? = nil, state: FunctionState? = nil, opstate: FunctionOpState? = nil,
                roce: Bool? = nil, migratable: Bool? = nil, ipsecCrypto: Bool? = nil, ipsecPacket: Bool? = nil,
                maxIOEQs: UInt32? = nil, nestedDevlink: DeviceHandle? = nil) {
        self.hwAddr = hwAddr
        self.state = state
        self.opstate = opstate
        self.roce = roce
        self.migratable = migratable
        self.ipsecCrypto = ipsecCrypto
        self.ipsecPacket = ipsecPacket
        self.maxIOEQs = maxIOEQs
        self.nestedDevlink = nestedDevlink
    }
}

/// One `port function set` request: only the attributes given are carried, as in one PORT_SET netlink message
/// (the read-only `opstate` and `nestedDevlink` never are). The kernel applies them in the order hw_addr,
/// caps, max_io_eqs, state.
public typealias PortFunctionChanges = PortFunction

extension PortFunction {
    public var isEmpty: Bool { self == PortFunctionChanges() }

    /// The CAPS bitfield32 as sent: selector = caps mentioned, value = the enabled ones.
    public var caps: (value: PortFunctionCaps, selector: PortFunctionCaps) {
        var value: PortFunctionCaps = []
        var selector: PortFunctionCaps = []
        for (flag, bit) in [(roce, PortFunctionCaps.roce), (migratable, .migratable),
                            (ipsecCrypto, .ipsecCrypto), (ipsecPacket, .ipsecPacket)] {
            guard let flag else { continue }
            selector.insert(bit)
            if flag { value.insert(bit) }
        }
        return (value, selector)
    }
}

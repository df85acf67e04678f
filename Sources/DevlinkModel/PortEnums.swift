/// `enum devlink_port_type` (reference §1.6).
public enum PortType: UInt16, DevlinkNameTable, Codable {
    case notset = 0, auto = 1, eth = 2, ib = 3

    public static let spellings = ["notset", "auto", "eth", "ib"]
}

/// `enum devlink_port_flavour`. `unused` has no CLI name: iproute2 prints `<unknown flavour>`.
public enum PortFlavour: UInt16, DevlinkNameTable, Codable {
    case physical = 0, cpu = 1, dsa = 2, pcipf = 3, pcivf = 4, virtual = 5, unused = 6, pcisf = 7

    public static let spellings = ["physical", "cpu", "dsa", "pcipf", "pcivf", "virtual", "<unknown flavour>", "pcisf"]

    /// PCI function flavours carry controller/pfnum (and vfnum/sfnum) attributes.
    public var isPCIFunction: Bool { self == .pcipf || self == .pcivf || self == .pcisf }

    /// Flavours that carry a port number (and may be split).
    public var hasPortNumber: Bool { self == .physical || self == .cpu || self == .dsa }
}

/// `enum devlink_port_fn_state`.
public enum FunctionState: UInt8, DevlinkNameTable, Codable {
    case inactive = 0, active = 1

    public static let spellings = ["inactive", "active"]
}

/// `enum devlink_port_fn_opstate` (read-only; driven by the driver).
public enum FunctionOpState: UInt8, DevlinkNameTable, Codable {
    case detached = 0, attached = 1

    public static let spellings = ["detached", "attached"]
}

/// `enum devlink_rate_type`.
public enum RateType: UInt16, DevlinkNameTable, Codable {
    case leaf = 0, node = 1

    public static let spellings = ["leaf", "node"]
}

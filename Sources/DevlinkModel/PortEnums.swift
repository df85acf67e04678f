/// `enum devlink_port_type` (reference §1.6).
public enum PortType: UInt16, DevlinkNamed, Codable {
    case notset = 0, auto = 1, eth = 2, ib = 3

    public var name: String {
        switch self {
        case .notset: "notset"
        case .auto: "auto"
        case .eth: "eth"
        case .ib: "ib"
        }
    }
}

/// `enum devlink_port_flavour`. `unused` has no CLI name: iproute2 prints `<unknown flavour>`.
public enum PortFlavour: UInt16, DevlinkNamed, Codable {
    case physical = 0, cpu = 1, dsa = 2, pcipf = 3, pcivf = 4, virtual = 5, unused = 6, pcisf = 7

    public var name: String {
        switch self {
        case .physical: "physical"
        case .cpu: "cpu"
        case .dsa: "dsa"
        case .pcipf: "pcipf"
        case .pcivf: "pcivf"
        case .virtual: "virtual"
        case .unused: "<unknown flavour>"
        case .pcisf: "pcisf"
        }
    }

    /// PCI function flavours carry controller/pfnum (and vfnum/sfnum) attributes.
    public var isPCIFunction: Bool { self == .pcipf || self == .pcivf || self == .pcisf }

    /// Flavours that carry a port number (and may be split).
    public var hasPortNumber: Bool { self == .physical || self == .cpu || self == .dsa }
}

/// `enum devlink_port_fn_state`.
public enum FunctionState: UInt8, DevlinkNamed, Codable {
    case inactive = 0, active = 1

    public var name: String { self == .active ? "active" : "inactive" }
}

/// `enum devlink_port_fn_opstate` (read-only; driven by the driver).
public enum FunctionOpState: UInt8, DevlinkNamed, Codable {
    case detached = 0, attached = 1

    public var name: String { self == .attached ? "attached" : "detached" }
}

/// `enum devlink_rate_type`.
public enum RateType: UInt16, DevlinkNamed, Codable {
    case leaf = 0, node = 1

    public var name: String { self == .leaf ? "leaf" : "node" }
}

/// `enum devlink_eswitch_mode`.
public enum EswitchMode: UInt16, DevlinkNamed, Codable {
    case legacy = 0, switchdev = 1, switchdevInactive = 2

    public var name: String {
        switch self {
        case .legacy: "legacy"
        case .switchdev: "switchdev"
        case .switchdevInactive: "switchdev_inactive"
        }
    }
}

/// `enum devlink_eswitch_inline_mode`.
public enum EswitchInlineMode: UInt8, DevlinkNamed, Codable {
    case none = 0, link = 1, network = 2, transport = 3

    public var name: String {
        switch self {
        case .none: "none"
        case .link: "link"
        case .network: "network"
        case .transport: "transport"
        }
    }
}

/// `enum devlink_eswitch_encap_mode` (CLI also accepts the legacy aliases `disable`/`enable`).
public enum EswitchEncapMode: UInt8, DevlinkNamed, Codable {
    case none = 0, basic = 1

    public var name: String { self == .basic ? "basic" : "none" }
}

/// What `eswitch get` reports: each field only if the driver implements its getter.
public struct Eswitch: Equatable, Sendable, Codable {
    public var mode: EswitchMode?
    public var inlineMode: EswitchInlineMode?
    public var encapMode: EswitchEncapMode?

    public init(mode: EswitchMode? = nil, inlineMode: EswitchInlineMode? = nil, encapMode: EswitchEncapMode? = nil) {
        self.mode = mode
        self.inlineMode = inlineMode
        self.encapMode = encapMode
    }
}

/// One ESWITCH_SET request: only the given attributes are sent (kernel order: mode, inline, encap).
public struct EswitchChanges: Equatable, Sendable, Codable {
    public var mode: EswitchMode?
    public var inlineMode: EswitchInlineMode?
    public var encapMode: EswitchEncapMode?

    public init(mode: EswitchMode? = nil, inlineMode: EswitchInlineMode? = nil, encapMode: EswitchEncapMode? = nil) {
        self.mode = mode
        self.inlineMode = inlineMode
        self.encapMode = encapMode
    }

    public var isEmpty: Bool { mode == nil && inlineMode == nil && encapMode == nil }
}

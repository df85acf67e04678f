/// `enum devlink_eswitch_mode`.
public enum EswitchMode: UInt16, DevlinkNameTable, Codable {
    case legacy = 0, switchdev = 1, switchdevInactive = 2

    public static let spellings = ["legacy", "switchdev", "switchdev_inactive"]
}

/// `enum devlink_eswitch_inline_mode`.
public enum EswitchInlineMode: UInt8, DevlinkNameTable, Codable {
    case none = 0, link = 1, network = 2, transport = 3

    public static let spellings = ["none", "link", "network", "transport"]
}

/// `enum devlink_eswitch_encap_mode` (CLI also accepts the legacy aliases `disable`/`enable`).
public enum EswitchEncapMode: UInt8, DevlinkNameTable, Codable {
    case none = 0, basic = 1

    public static let spellings = ["none", "basic"]
}

/// An eswitch's three attributes, each optional. As what `eswitch get` reports: a field only if the
/// driver implements its getter. As an ESWITCH_SET request (`EswitchChanges`): only the given
/// attributes are sent, in the kernel's order mode, inline, encap.
public struct Eswitch: Equatable, Sendable, Codable {
    public var mode: EswitchMode?
    public var inlineMode: EswitchInlineMode?
    public var encapMode: EswitchEncapMode?

    public init(mode: EswitchMode? = nil, inlineMode: EswitchInlineMode? = nil, encapMode: EswitchEncapMode? = nil) {
        (self.mode, self.inlineMode, self.encapMode) = (mode, inlineMode, encapMode)
    }

    public var isEmpty: Bool { mode == nil && inlineMode == nil && encapMode == nil }
}

/// One ESWITCH_SET request: the same three optional attributes.
public typealias EswitchChanges = Eswitch

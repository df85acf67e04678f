// The mlx5 LAG of one card as the driver holds it (`struct mlx5_lag`, lag.md §1.1-§1.2) and as debugfs
// shows it (`/sys/kernel/debug/mlx5/<bdf>/lag/`, §1.15).

/// `enum mlx5_lag_mode`; `name` is debugfs's `type` spelling.
public enum LagMode: UInt8, DevlinkNameTable, Codable {
    case none = 0, roce = 1, sriov = 2, multipath = 3, mpesw = 4

    public static let spellings = ["none", "roce", "switchdev", "multipath", "multiport_eswitch"]
}

/// `lagc.port_select_mode`; `name` is `mlx5_get_str_port_sel_mode`'s spelling.
public enum LagPortSelectMode: UInt8, DevlinkNameTable, Codable {
    case queueAffinity = 0, hash = 1, mpesw = 2

    public static let spellings = ["queue_affinity", "hash", "mpesw"]
}

/// `MLX5_LAG_MODE_FLAG_*` bits of `mode_flags`.
public struct LagModeFlags: OptionSet, Hashable, Sendable, CustomStringConvertible, Codable {
    public let rawValue: UInt8
    public init(rawValue: UInt8) { self.rawValue = rawValue }

    public static let hashBased = LagModeFlags(rawValue: 1 << 0)
    public static let sharedFDB = LagModeFlags(rawValue: 1 << 1)
    public static let fdbSelectionNative = LagModeFlags(rawValue: 1 << 2)

    /// Flag names in bit order (`hash_based`, `shared_fdb`, `fdb_sel_mode_native`).
    public var names: [String] {
        [(LagModeFlags.hashBased, "hash_based"), (.sharedFDB, "shared_fdb"), (.fdbSelectionNative, "fdb_sel_mode_native")]
            .filter { contains($0.0) }.map(\.1)
    }

    public var description: String { names.joined(separator: ",") }
}

/// The LAG of one card: which PFs are members, whether hardware LAG is active and how.
public struct HardwareLag: Equatable, Sendable, Codable {
    /// Member PFs, PF0 (the one every LAG firmware command goes to) first.
    public var devices: [DeviceHandle]
    public var mode: LagMode
    public var flags: LagModeFlags
    /// nil while inactive.
    public var portSelectMode: LagPortSelectMode?
    /// The virtual→physical port map (1-based physical ports; `ports × buckets` entries). Native
    /// (`[1, 2]`) while inactive.
    public var map: [UInt8]
    /// The RDMA devices of the members, in PF order: `["mlx5_bond_0"]` in RoCE LAG, else one per PF.
    public var rdmaDevices: [String]
    /// The bond whose slaves are these PFs' netdevs, if any.
    public var bond: String?
    /// Why the LAG is not active although a bond holds a member (the emulator's explanation; nil when
    /// active, when no bond is involved, or when the backend cannot tell).
    public var reason: String?

    public init(devices: [DeviceHandle], mode: LagMode = .none, flags: LagModeFlags = [],
                portSelectMode: LagPortSelectMode? = nil, map: [UInt8] = [], rdmaDevices: [String] = [],
                bond: String? = nil, reason: String? = nil) {
        (self.devices, self.mode, self.flags, self.portSelectMode, self.map, self.rdmaDevices, self.bond, self.reason) =
            (devices, mode, flags, portSelectMode, map, rdmaDevices, bond, reason)
    }

    public var isActive: Bool { mode != .none }

    /// debugfs `state`.
    public var state: String { isActive ? "active" : "disabled" }

    /// The single RDMA device serving the bond in RoCE LAG (`mlx5_bond_0`), or PF0's device.
    public var rdmaDevice: String? { rdmaDevices.first }
}

// Linux bonding option values with the kernel's names and numbers (uapi if_bonding.h,
// bond_options.c; reference lag.md §3.2). `rawValue` is what IFLA_BOND_* carries.

/// `mode`: balance-rr 0 (the kernel's default) ... balance-alb 6.
public enum BondMode: UInt8, DevlinkNameTable, Codable {
    case balanceRR = 0, activeBackup = 1, balanceXOR = 2, broadcast = 3, ieee8023ad = 4, balanceTLB = 5, balanceALB = 6

    public static let spellings = ["balance-rr", "active-backup", "balance-xor", "broadcast", "802.3ad", "balance-tlb", "balance-alb"]

    /// What the bond tells lower devices it does (`bond_lag_tx_type`, lag.md §1.5).
    public var lagTxType: LagTxType {
        switch self {
        case .balanceRR: .roundRobin
        case .activeBackup: .activeBackup
        case .broadcast: .broadcast
        case .balanceXOR, .ieee8023ad: .hash
        case .balanceTLB, .balanceALB: .unknown
        }
    }

    /// `bond_mode_uses_arp`: every mode but 802.3ad, balance-tlb and balance-alb can use ARP monitoring.
    public var usesArp: Bool { self != .ieee8023ad && self != .balanceTLB && self != .balanceALB }

    /// `bond_mode_uses_primary`: active-backup, balance-tlb and balance-alb have a primary slave.
    public var usesPrimary: Bool { self == .activeBackup || self == .balanceTLB || self == .balanceALB }

    /// Modes in which only one slave (or the LACP-selected ones) transmits: slaves start as backup.
    public var usesBackupSlaves: Bool { self == .activeBackup || self == .ieee8023ad }
}

/// `xmit_hash_policy`: layer2 0 (default) ... vlan+srcmac 5.
public enum BondXmitHashPolicy: UInt8, DevlinkNameTable, Codable {
    case layer2 = 0, layer34 = 1, layer23 = 2, encap23 = 3, encap34 = 4, vlanSrcMAC = 5

    public static let spellings = ["layer2", "layer3+4", "layer2+3", "encap2+3", "encap3+4", "vlan+srcmac"]

    /// `bond_lag_hash_type` (only meaningful when the tx type is hash).
    public var lagHashType: LagHashType {
        switch self {
        case .layer2: .l2
        case .layer34: .l34
        case .layer23: .l23
        case .encap23: .e23
        case .encap34: .e34
        case .vlanSrcMAC: .vlanSrcMAC
        }
    }
}

/// `lacp_rate` (802.3ad only): slow 0, fast 1.
public enum BondLacpRate: UInt8, DevlinkNameTable, Codable {
    case slow = 0, fast = 1

    public static let spellings = ["slow", "fast"]
}

/// `primary_reselect` (bond_primary_reselect_tbl): always 0 (default), better 1, failure 2.
public enum BondPrimaryReselect: UInt8, DevlinkNameTable, Codable {
    case always = 0, better = 1, failure = 2

    public static let spellings = ["always", "better", "failure"]
}

/// `enum netdev_lag_tx_type`.
public enum LagTxType: UInt8, DevlinkNameTable, Codable {
    case unknown = 0, random = 1, broadcast = 2, roundRobin = 3, activeBackup = 4, hash = 5

    public static let spellings = ["unknown", "random", "broadcast", "roundrobin", "activebackup", "hash"]
}

/// `enum netdev_lag_hash`.
public enum LagHashType: UInt8, DevlinkNameTable, Codable {
    case none = 0, l2 = 1, l34 = 2, l23 = 3, e23 = 4, e34 = 5, vlanSrcMAC = 6, unknown = 7

    public static let spellings = ["none", "l2", "l34", "l23", "e23", "e34", "vlan_srcmac", "unknown"]
}

/// A slave's MII link state (`BOND_LINK_*`, IFLA_BOND_SLAVE_MII_STATUS).
public enum BondLinkState: UInt8, DevlinkNameTable, Codable {
    case up = 0, fail = 1, down = 2, back = 3

    public static let spellings = ["up", "fail", "down", "back"]
}

/// A slave's role (IFLA_BOND_SLAVE_STATE): active 0, backup 1.
public enum BondSlaveState: UInt8, DevlinkNameTable, Codable {
    case active = 0, backup = 1

    public static let spellings = ["active", "backup"]
}

import DevlinkModel

/// Everything beyond devlink that bonding and mlx5 LAG need: bonds, one LAG per LAG-capable card,
/// RDMA device names, firmware command logs, the driver's log, and queued LAG work. Part of
/// `EmulatorState`, so snapshots and restores cover it.
struct LinkState: Equatable, Sendable, Codable {
    var bonds: [String: BondRecord] = [:]
    var lags: [LagRecord] = []
    var rdma = RdmaTable()
    var firmwareLogs: [DeviceHandle: [FirmwareCommand]] = [:]
    /// Armed one-shot firmware failures, consumed in order by matching commands.
    var firmwareFaults: [FirmwareFault] = []
    /// Netdevs whose cable is pulled: they get no carrier even when up.
    var unplugged: Set<String> = []
    /// LAGs (indexes into `lags`) whose bond work is queued; queueing twice is a no-op, like
    /// `queue_delayed_work` on a pending work item.
    var queuedLagWork: [Int] = []
    /// When each queued LAG's bond work runs (DriverLatency.bondWork after it was queued); work queued
    /// without an entry is due at once.
    var lagWorkDue: [Int: EmulatorInstant] = [:]
    /// dmesg lines of the bonding and mlx5 drivers, oldest first.
    var kernelLog: [String] = []
    /// The IPv4 main table (FibTable.swift).
    var fib = FibTable()
    /// FIB notifier events queued for mlx5's multipath work, oldest first (LagMultipath.swift).
    var fibWork: [FibWork] = []
    /// When the queued FIB work runs (DriverLatency.fibWork after the first of it was queued).
    var fibWorkDue: EmulatorInstant?
}

/// A one-shot firmware failure: the next command with this opcode (on `device`, or on any device)
/// completes with `status` and `syndrome`.
public struct FirmwareFault: Equatable, Sendable, Codable {
    public var opcode: FirmwareOpcode
    public var status: FirmwareStatus
    public var syndrome: UInt32
    public var device: DeviceHandle?

    public init(opcode: FirmwareOpcode, status: FirmwareStatus, syndrome: UInt32, device: DeviceHandle? = nil) {
        self.opcode = opcode
        self.status = status
        self.syndrome = syndrome
        self.device = device
    }
}

/// A bond master (`struct bonding` params and slave list).
struct BondRecord: Equatable, Sendable, Codable {
    var name: String
    var mode: BondMode = .balanceRR
    // The module default is miimon 0 (bond_main.c `static int miimon`): a netlink-created bond has no
    // link monitoring until miimon is given, except that setting an 802.3ad/tlb/alb mode forces 100
    // (bond_option_mode_set, BOND_DEFAULT_MIIMON). Checked in the guest (6.12).
    var miimon: UInt32 = 0
    /// In miimon ticks, as bond->params.updelay/downdelay keep them (_bond_option_delay_set stores
    /// value / miimon); shown as ticks × miimon.
    var updelay: UInt32 = 0
    var downdelay: UInt32 = 0
    var xmitHashPolicy: BondXmitHashPolicy = .layer2
    var lacpRate: BondLacpRate = .slow
    var minLinks: UInt32 = 0
    /// bond->params.arp_interval (ms) and arp_targets (dotted quads, at most BOND_MAX_ARP_TARGETS).
    var arpInterval: UInt32 = 0
    var arpTargets: [String] = []
    /// bond->params.ns_targets (inet_ntop text, at most BOND_MAX_NS_TARGETS).
    var nsTargets: [String] = []
    /// bond->params.primary: the name given, kept while that interface is not (or no longer) a slave.
    var primary = ""
    var primaryReselect: BondPrimaryReselect = .always
    /// bond->force_primary: the next selection takes the primary (set when it is named or enslaved).
    var forcePrimary = false
    /// Set by an option whose kernel setter calls bond_select_active_slave; the request runs it.
    var needsReselect = false
    /// In enslave order.
    var slaves: [SlaveRecord] = []
    var activeSlave: String?

    /// bond->primary_slave: the slave named by `primary`, in a mode that has one.
    var primarySlave: SlaveRecord? {
        guard mode.usesPrimary, !primary.isEmpty else { return nil }
        return slaves.first { $0.name == primary }
    }
}

struct SlaveRecord: Equatable, Sendable, Codable {
    var name: String
    var state: BondSlaveState
    var mii: BondLinkState
    var linkFailureCount: UInt32 = 0
    var prio: Int32 = 0

    /// What `bond_lower_state_changed` reports: FAIL still counts as link up.
    var lowerState: LowerState { LowerState(linkUp: mii == .up || mii == .fail, txEnabled: state == .active) }
}

/// `struct netdev_lag_lower_state_info`.
struct LowerState: Equatable, Sendable, Codable {
    var linkUp = false
    var txEnabled = false
}

/// `struct lag_tracker`: the driver's copy of what the bond told it.
struct LagTracker: Equatable, Sendable, Codable {
    var txType: LagTxType = .unknown
    var hashType: LagHashType = .none
    var netdevState: [LowerState]
    var isBonded = false
    var hasInactive = false
}

/// `struct mlx5_lag` of one card, plus the firmware's side of the LAG.
struct LagRecord: Equatable, Sendable, Codable {
    /// Member PFs by dev index (PCI function); nil where that PF is absent (then the LAG never forms).
    var members: [DeviceHandle?]
    var tracker: LagTracker
    var mode: LagMode = .none
    var flags: LagModeFlags = []
    var portSelectMode: LagPortSelectMode?
    var v2p: [UInt8]
    /// The firmware's LAG context while the firmware is in LAG mode. It can outlive the driver's
    /// state: after a failed DESTROY_LAG the driver says NONE but the firmware is still in LAG.
    var firmware: LagContext?
    var vportLag = false
    /// Why the last activation failed, for the `reason` of the view; cleared when it forms.
    var lastFailure: String?
    /// The route multipath LAG follows (`mp->fib`), nil when none.
    var multipathFib: MultipathFib?

    var ports: Int { members.count }
    var dev0: DeviceHandle? { members.first ?? nil }
    var nativeMap: [UInt8] { (0..<members.count).map { UInt8($0 + 1) } }
}

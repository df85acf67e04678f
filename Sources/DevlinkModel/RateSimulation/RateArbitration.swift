/// How a driver arbitrates among siblings of a rate tree: the rules `simulate` follows. Each rule
/// names the kernel function or document it comes from (docs/rates.md has the same list).
public struct RateArbitration: Equatable, Sendable {
    public enum Rules: Equatable, Sendable {
        /// mlx5 (drivers/net/ethernet/mellanox/mlx5/core/esw/qos.c): one DWRR TSAR per node, no
        /// priorities, `tx_share` turned into a relative `bw_share` weight among siblings.
        case mlx5
        /// Documentation/networking/devlink/devlink-port.rst, "Rate object management": strict
        /// `tx_priority`, then WFQ by `tx_weight`, `tx_share` a minimum. netdevsim stores the values
        /// without arbitrating, so for it this is what the document promises, not what a driver does.
        case documented
    }

    public var rules: Rules
    /// The uplink's speed in bytes/s: what the whole tree shares. Nil when unknown (unlimited).
    public var link: UInt64?
    /// Kernel release as (major, minor); it decides mlx5's root (see `mlx5Group0`).
    public var kernel: (major: Int, minor: Int)
    /// MLX5_CAP_QOS(dev, max_tsar_bw_share): the largest bw_share firmware takes. The driver reads it
    /// from the device; 100 is assumed here (not read from any device, see docs/rates.md).
    public var maxBandwidthShare: UInt64

    public init(rules: Rules, link: UInt64?, kernel: (major: Int, minor: Int) = (6, 12), maxBandwidthShare: UInt64 = 100) {
        self.rules = rules
        self.link = link
        self.kernel = kernel
        self.maxBandwidthShare = max(1, maxBandwidthShare)
        self.honoursPriorityAndWeight = rules == .documented
    }

    public static func == (a: RateArbitration, b: RateArbitration) -> Bool {
        a.rules == b.rules && a.link == b.link && a.kernel == b.kernel && a.maxBandwidthShare == b.maxBandwidthShare
            && a.honoursPriorityAndWeight == b.honoursPriorityAndWeight
    }

    /// The rules for a driver name as `dev info` reports it (`mlx5_core`, `netdevsim`, ...).
    public static func rules(forDriver driver: String) -> Rules {
        driver.hasPrefix("mlx5") ? .mlx5 : .documented
    }

    /// Up to 6.12, mlx5 put every vport without a parent node into an internal "group0" TSAR that
    /// competes with the user's nodes as one sibling (esw/qos.c `esw->qos.group0`; commit 1ae258f8
    /// "net/mlx5: E-switch, Introduce rate limiting groups API": "Assign all vports to internal
    /// unlimited zero group by default"). The 2024 rework into
    /// `mlx5_esw_sched_node` (commit 045815fe and its series, net-next for 6.13 — inferred from the
    /// merge date) attaches such vports to the root TSAR directly, next to the nodes.
    public var mlx5Group0: Bool {
        rules == .mlx5 && (kernel.major < 6 || (kernel.major == 6 && kernel.minor <= 12))
    }

    /// Whether the driver arbitrates by `tx_priority` / `tx_weight`: ice does (its devlink rate ops
    /// ice_devlink_rate_leaf_tx_priority_set / ..._tx_weight_set program its scheduler nodes); mlx5
    /// has no such ops; netdevsim only stores them.
    public var honoursPriorityAndWeight: Bool

    /// The rules and whether priority/weight count, for a driver name as `dev info` reports it.
    public static func forDriver(_ driver: String, link: UInt64?, kernel: (major: Int, minor: Int) = (6, 12)) -> RateArbitration {
        var arbitration = RateArbitration(rules: rules(forDriver: driver), link: link, kernel: kernel)
        arbitration.honoursPriorityAndWeight = driver == "ice"
        return arbitration
    }

    /// A device's rate values are in 1 Mbit/s units on mlx5 (esw_qos_devlink_rate_to_mbps divides by
    /// MLX5_LINKSPEED_UNIT = 125000 bytes/s).
    static let mlx5RateUnit: UInt64 = 125_000

    /// mlx5's bw_share of each sibling from their `tx_share` (bytes/s), as the driver computes it:
    /// esw_qos_calculate_min_rate_divider takes the largest min_rate (Mbit/s) among the siblings and
    /// divides it by max_tsar_bw_share (at least 1); esw_qos_calc_bw_share gives each
    /// min(fw_max, max(DIV_ROUND_UP(min_rate, divider), MLX5_MIN_BW_SHARE = 1)). With no min_rate
    /// among the siblings the divider is 0 (or 1 when the parent has a bw_share) and every sibling gets
    /// the same share, 0 or 1: an even split either way.
    public func mlx5BandwidthShares(_ shares: [UInt64]) -> [UInt64] {
        let rates = shares.map { $0 / Self.mlx5RateUnit }
        let largest = rates.max() ?? 0
        guard largest > 0 else { return rates.map { _ in 0 } }
        let divider = max(largest / maxBandwidthShare, 1)
        return rates.map { Self.mlx5BandwidthShare($0, divider: divider, limit: maxBandwidthShare) }
    }

    /// esw_qos_calc_bw_share with a non-zero divider.
    static func mlx5BandwidthShare(_ value: UInt64, divider: UInt64, limit: UInt64) -> UInt64 {
        min(limit, max((value + divider - 1) / divider, 1))
    }

    /// mlx5's weight of each traffic class in a TC arbiter from `tc-bw` (6.17+):
    /// esw_qos_set_tc_arbiter_bw_shares gives class t esw_qos_calc_bw_share(tc_bw[t] * fw_max,
    /// sum of tc_bw, fw_max), so a class set to 0 still gets the minimum share 1.
    public func mlx5TrafficClassShares(_ tcBandwidths: [UInt32]) -> [UInt64] {
        let total = tcBandwidths.reduce(UInt64(0)) { $0 + UInt64($1) }
        guard total > 0 else { return tcBandwidths.map { _ in 1 } }
        return tcBandwidths.map { Self.mlx5BandwidthShare(UInt64($0) * maxBandwidthShare, divider: total, limit: maxBandwidthShare) }
    }
}

/// Bond options as `ip link add NAME type bond ...` / `ip link set NAME type bond ...` send them:
/// only the non-nil ones are applied, in the kernel's attribute order (IFLA_BOND_* numbers).
public struct BondConfig: Equatable, Sendable {
    public var mode: BondMode?
    public var miimon: UInt32?
    public var updelay: UInt32?
    public var downdelay: UInt32?
    public var xmitHashPolicy: BondXmitHashPolicy?
    public var lacpRate: BondLacpRate?
    public var minLinks: UInt32?
    /// ARP monitoring interval in ms (IFLA_BOND_ARP_INTERVAL); not in 802.3ad, tlb, alb.
    public var arpInterval: UInt32?
    /// IPv4 targets as dotted quads (IFLA_BOND_ARP_IP_TARGET replaces the whole list; [] clears it).
    public var arpIPTargets: [String]?
    /// The primary slave's name (IFLA_BOND_PRIMARY carries its ifindex); active-backup, tlb and alb only.
    public var primary: String?
    public var primaryReselect: BondPrimaryReselect?

    public init(mode: BondMode? = nil, miimon: UInt32? = nil, updelay: UInt32? = nil, downdelay: UInt32? = nil,
                xmitHashPolicy: BondXmitHashPolicy? = nil, lacpRate: BondLacpRate? = nil, minLinks: UInt32? = nil,
                primary: String? = nil, primaryReselect: BondPrimaryReselect? = nil, arpInterval: UInt32? = nil,
                arpIPTargets: [String]? = nil) {
        self.arpInterval = arpInterval
        self.arpIPTargets = arpIPTargets
        self.mode = mode
        self.miimon = miimon
        self.updelay = updelay
        self.downdelay = downdelay
        self.xmitHashPolicy = xmitHashPolicy
        self.lacpRate = lacpRate
        self.minLinks = minLinks
        self.primary = primary
        self.primaryReselect = primaryReselect
    }

    public var isEmpty: Bool { self == BondConfig() }
}

/// One slave of a bond as `ip -d link show` / IFLA_INFO_SLAVE_DATA reports it.
public struct BondSlave: Equatable, Sendable {
    public var name: String
    public var ifindex: UInt32
    public var state: BondSlaveState
    public var miiStatus: BondLinkState
    public var linkFailureCount: UInt32
    /// Failover priority (IFLA_BOND_SLAVE_PRIO; active-backup, tlb, alb).
    public var prio: Int32

    public init(name: String, ifindex: UInt32, state: BondSlaveState, miiStatus: BondLinkState, linkFailureCount: UInt32 = 0,
                prio: Int32 = 0) {
        self.prio = prio
        self.name = name
        self.ifindex = ifindex
        self.state = state
        self.miiStatus = miiStatus
        self.linkFailureCount = linkFailureCount
    }
}

/// A bond master with its effective options and slaves (in enslave order), plus the hardware LAG its
/// slaves formed when the backend can see it (the emulator always; the kernel only through debugfs).
public struct Bond: Equatable, Sendable {
    public var name: String
    public var ifindex: UInt32
    public var adminUp: Bool
    public var carrier: Bool
    public var mode: BondMode
    public var miimon: UInt32
    public var updelay: UInt32
    public var downdelay: UInt32
    public var xmitHashPolicy: BondXmitHashPolicy
    /// Reported in 802.3ad mode only.
    public var lacpRate: BondLacpRate?
    public var minLinks: UInt32
    /// The current active slave (active-backup), if any.
    public var activeSlave: String?
    public var arpInterval: UInt32
    public var arpIPTargets: [String]
    /// The primary slave, reported while the named interface is a slave (bond->primary_slave).
    public var primary: String?
    public var primaryReselect: BondPrimaryReselect
    public var slaves: [BondSlave]
    /// The hardware LAG of the card whose ports are slaves of this bond, if any.
    public var hardwareLag: HardwareLag?

    public init(name: String, ifindex: UInt32, adminUp: Bool = false, carrier: Bool = false, mode: BondMode = .balanceRR,
                miimon: UInt32 = 0, updelay: UInt32 = 0, downdelay: UInt32 = 0,
                xmitHashPolicy: BondXmitHashPolicy = .layer2, lacpRate: BondLacpRate? = nil, minLinks: UInt32 = 0,
                activeSlave: String? = nil, primary: String? = nil, primaryReselect: BondPrimaryReselect = .always,
                arpInterval: UInt32 = 0, arpIPTargets: [String] = [],
                slaves: [BondSlave] = [], hardwareLag: HardwareLag? = nil) {
        self.arpInterval = arpInterval
        self.arpIPTargets = arpIPTargets
        self.name = name
        self.ifindex = ifindex
        self.adminUp = adminUp
        self.carrier = carrier
        self.mode = mode
        self.miimon = miimon
        self.updelay = updelay
        self.downdelay = downdelay
        self.xmitHashPolicy = xmitHashPolicy
        self.lacpRate = lacpRate
        self.minLinks = minLinks
        self.activeSlave = activeSlave
        self.primary = primary
        self.primaryReselect = primaryReselect
        self.slaves = slaves
        self.hardwareLag = hardwareLag
    }
}

/// A network interface (RTM_GETLINK): what `link show` needs.
public struct NetInterface: Equatable, Sendable {
    public enum Kind: String, Equatable, Sendable {
        /// A physical function's uplink (or its uplink representor in switchdev).
        case uplink
        /// A VF/SF/host-PF representor.
        case representor
        case bond
        /// Anything else the kernel reports (IFLA_INFO_KIND, or none).
        case other
    }

    public var name: String
    public var ifindex: UInt32
    public var kind: Kind
    public var adminUp: Bool
    public var carrier: Bool
    /// The bond this interface is enslaved to.
    public var master: String?

    public init(name: String, ifindex: UInt32, kind: Kind, adminUp: Bool, carrier: Bool, master: String? = nil) {
        self.name = name
        self.ifindex = ifindex
        self.kind = kind
        self.adminUp = adminUp
        self.carrier = carrier
        self.master = master
    }
}

/// IPv4 dotted quads for bond ARP targets (iproute2 `get_addr32`), as 32-bit values in network order.
public enum IPv4Text {
    /// The four bytes of `a.b.c.d`, or nil.
    public static func bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCII), let n = UInt8(p) else { return nil }
            out.append(n)
        }
        return out
    }

    public static func text(_ bytes: [UInt8]) -> String { bytes.map(String.init).joined(separator: ".") }
}

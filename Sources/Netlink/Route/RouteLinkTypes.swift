import DevlinkModel

/// Bond options as sent in IFLA_INFO_DATA (only the given ones) and as read back from the kernel.
public struct BondOptions: Equatable, Sendable {
    public var mode: BondMode?
    /// ifindex; 0 clears.
    public var activeSlave: UInt32?
    public var miimon: UInt32?
    public var updelay: UInt32?
    public var downdelay: UInt32?
    public var useCarrier: UInt8?
    public var arpInterval: UInt32?
    /// IPv4 targets, 4 bytes each in network order (nested, entry types 0, 1, ... as iproute2 sends them).
    public var arpIPTargets: [[UInt8]]?
    /// IPv6 NS targets, 16 bytes each (nested, entry types 0, 1, ...).
    public var nsIP6Targets: [[UInt8]]?
    public var primary: UInt32?
    public var primaryReselect: BondPrimaryReselect?
    public var failOverMac: UInt8?
    public var xmitHashPolicy: BondXmitHashPolicy?
    public var allSlavesActive: UInt8?
    public var minLinks: UInt32?
    public var lacpRate: BondLacpRate?
    public var adSelect: UInt8?
    public var lacpActive: UInt8?

    public init(mode: BondMode? = nil, activeSlave: UInt32? = nil, miimon: UInt32? = nil, updelay: UInt32? = nil,
                downdelay: UInt32? = nil, useCarrier: UInt8? = nil, primary: UInt32? = nil, failOverMac: UInt8? = nil,
                xmitHashPolicy: BondXmitHashPolicy? = nil, allSlavesActive: UInt8? = nil, minLinks: UInt32? = nil,
                lacpRate: BondLacpRate? = nil, adSelect: UInt8? = nil, lacpActive: UInt8? = nil,
                primaryReselect: BondPrimaryReselect? = nil, arpInterval: UInt32? = nil, arpIPTargets: [[UInt8]]? = nil,
                nsIP6Targets: [[UInt8]]? = nil) {
        (self.mode, self.activeSlave, self.miimon, self.updelay, self.downdelay, self.useCarrier) =
            (mode, activeSlave, miimon, updelay, downdelay, useCarrier)
        (self.arpInterval, self.arpIPTargets, self.nsIP6Targets, self.primary, self.primaryReselect, self.failOverMac) =
            (arpInterval, arpIPTargets, nsIP6Targets, primary, primaryReselect, failOverMac)
        (self.xmitHashPolicy, self.allSlavesActive, self.minLinks, self.lacpRate, self.adSelect, self.lacpActive) =
            (xmitHashPolicy, allSlavesActive, minLinks, lacpRate, adSelect, lacpActive)
    }
}

/// 802.3ad aggregator info of a bond (IFLA_BOND_AD_INFO), present in 802.3ad mode.
public struct BondADInfo: Equatable, Sendable {
    public var aggregatorID: UInt16?
    public var numPorts: UInt16?
    public var actorKey: UInt16?
    public var partnerKey: UInt16?
    public var partnerMAC: [UInt8]?
}

/// A bond slave's view (IFLA_INFO_SLAVE_DATA with slave kind "bond").
public struct BondSlaveInfo: Equatable, Sendable {
    /// 0 active, 1 backup
    public var state: UInt8?
    /// 0 up, 1 fail, 2 down, 3 back
    public var miiStatus: UInt8?
    public var linkFailureCount: UInt32?
    public var permanentAddress: [UInt8]?
    public var queueID: UInt16?
    public var aggregatorID: UInt16?
    public var prio: Int32? = nil

    public var isActive: Bool { state == 0 }
}

/// One network interface as RTM_GETLINK reports it (the parts dls uses).
public struct LinkInfo: Equatable, Sendable {
    public var index: Int32
    public var name: String
    public var flags: UInt32
    public var mtu: UInt32?
    public var address: [UInt8]?
    /// ifindex of the master (bond) if enslaved.
    public var master: Int32?
    public var operState: UInt8?
    /// IFLA_INFO_KIND, e.g. "bond", "netdevsim" (nil for plain devices).
    public var kind: String?
    public var slaveKind: String?
    public var bond: BondOptions?
    public var bondADInfo: BondADInfo?
    public var bondSlave: BondSlaveInfo?
    /// IFLA_VF_RATE of each VF of a PF, bytes/s.
    public var vfRates: [VFRate] = []

    public var isUp: Bool { flags & interfaceUpFlag != 0 }
    /// IFF_LOWER_UP: the driver reports carrier.
    public var hasCarrier: Bool { flags & lowerUpFlag != 0 }
    public var isBond: Bool { kind == "bond" }
}

// rtnetlink link + bonding numbers (reference lag.md §3.1, §3.2).

/// rtnetlink message types (`RTM_*`) for links and routes.
public enum RouteMessage {
    public static let newLink: UInt16 = 16
    public static let delLink: UInt16 = 17
    public static let getLink: UInt16 = 18
    public static let newRoute: UInt16 = 24
    public static let delRoute: UInt16 = 25
    public static let getRoute: UInt16 = 26
}

public enum LinkAttr {
    public static let address: UInt16 = 1
    public static let ifname: UInt16 = 3
    public static let mtu: UInt16 = 4
    public static let master: UInt16 = 10
    public static let operState: UInt16 = 16
    public static let linkInfo: UInt16 = 18
    public static let extMask: UInt16 = 29
    /// IFLA_VFINFO_LIST: one IFLA_VF_INFO nest per VF (with RTEXT_FILTER_VF).
    public static let vfInfoList: UInt16 = 22
}

/// Inside IFLA_VFINFO_LIST.
public enum VFInfoAttr {
    /// IFLA_VF_INFO, one per VF.
    public static let info: UInt16 = 1
    /// IFLA_VF_RATE: struct ifla_vf_rate { u32 vf; u32 min_tx_rate; u32 max_tx_rate } in Mbit/s.
    public static let rate: UInt16 = 6
}

public enum LinkInfoAttr {
    public static let kind: UInt16 = 1
    public static let data: UInt16 = 2
    public static let slaveKind: UInt16 = 4
    public static let slaveData: UInt16 = 5
}

public enum BondAttr {
    public static let mode: UInt16 = 1
    public static let activeSlave: UInt16 = 2
    public static let miimon: UInt16 = 3
    public static let updelay: UInt16 = 4
    public static let downdelay: UInt16 = 5
    public static let useCarrier: UInt16 = 6
    public static let arpInterval: UInt16 = 7
    public static let arpIPTarget: UInt16 = 8
    public static let nsIP6Target: UInt16 = 31
    public static let primary: UInt16 = 11
    public static let primaryReselect: UInt16 = 12
    public static let failOverMac: UInt16 = 13
    public static let xmitHashPolicy: UInt16 = 14
    public static let allSlavesActive: UInt16 = 17
    public static let minLinks: UInt16 = 18
    public static let adLacpRate: UInt16 = 21
    public static let adSelect: UInt16 = 22
    public static let adInfo: UInt16 = 23
    public static let adLacpActive: UInt16 = 29
}

public enum BondADInfoAttr {
    public static let aggregator: UInt16 = 1
    public static let numPorts: UInt16 = 2
    public static let actorKey: UInt16 = 3
    public static let partnerKey: UInt16 = 4
    public static let partnerMAC: UInt16 = 5
}

public enum BondSlaveAttr {
    public static let state: UInt16 = 1
    public static let miiStatus: UInt16 = 2
    public static let linkFailureCount: UInt16 = 3
    public static let permHwAddr: UInt16 = 4
    public static let queueID: UInt16 = 5
    public static let adAggregatorID: UInt16 = 6
    public static let prio: UInt16 = 9
}

/// `IFF_UP` in ifinfomsg flags.
public let interfaceUpFlag: UInt32 = 0x1
/// `IFF_LOWER_UP` (carrier) in ifinfomsg flags.
public let lowerUpFlag: UInt32 = 0x10000
/// RTEXT_FILTER_VF | RTEXT_FILTER_SKIP_STATS, as `ip` asks.
let linkExtMask: UInt32 = 0x9

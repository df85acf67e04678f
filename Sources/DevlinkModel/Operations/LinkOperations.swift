// Links and bonds over rtnetlink (lag.md §3), and the mlx5 hardware LAG they drive. Interfaces are
// named, as users name them; errors are the kernel's errno and extack text.

/// All network interfaces, in ifindex order (RTM_GETLINK dump).
public typealias ListInterfaces = Read<InterfacesList>
public enum InterfacesList: ReadSubject {
    public typealias Reply = [NetInterface]; public static let command = "RTM_GETLINK"
}

/// All bonds, in ifindex order.
public typealias ListBonds = Read<BondsList>
public enum BondsList: ReadSubject { public typealias Reply = [Bond]; public static let command = "RTM_GETLINK" }

/// A request on one interface, named as users name it.
public protocol LinkOperationKind: HandleOperationKind where Handle == String {}

/// One bond; ENODEV if there is no interface of that name, EINVAL if it is not a bond.
public typealias GetBond = HandleOperation<BondRead>
public enum BondRead: LinkOperationKind, HandleQueryKind { public typealias Reply = Bond; public static let command = "RTM_GETLINK" }

/// `ip link add NAME type bond OPTIONS` (RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL).
public typealias CreateBond = HandleOperation<BondCreate>
public enum BondCreate: LinkOperationKind { public typealias Changes = BondConfig; public static let command = "RTM_NEWLINK" }

/// `ip link set NAME type bond OPTIONS` (changelink: options applied in attribute order).
public typealias ChangeBond = HandleOperation<BondChange>
public enum BondChange: LinkOperationKind { public typealias Changes = BondConfig; public static let command = "RTM_NEWLINK" }

/// `ip link del NAME` (RTM_DELLINK; a bond releases its slaves first).
public typealias DeleteLink = HandleOperation<LinkDelete>
public enum LinkDelete: LinkOperationKind { public static let command = "RTM_DELLINK" }

/// `ip link set SLAVE master BOND` (the slave is the handle, the bond the change); answers the
/// extack warning a successful reply carried (mlx5:
/// `"mlx5_core: Can't activate LAG offload, TX type isn't supported"`), or nil.
public typealias Enslave = HandleOperation<SlaveAdd>
public enum SlaveAdd: LinkOperationKind {
    public typealias Changes = String; public typealias Reply = String?; public static let command = "RTM_NEWLINK"
}

/// `ip link set SLAVE nomaster` (a no-op for an interface without master).
public typealias Release = HandleOperation<SlaveRelease>
public enum SlaveRelease: LinkOperationKind { public static let command = "RTM_NEWLINK" }

/// `ip link set SLAVE type bond_slave prio N` (IFLA_INFO_SLAVE_DATA { IFLA_BOND_SLAVE_PRIO }): the
/// slave's failover priority; EOPNOTSUPP for an interface without master.
public typealias SetBondSlavePrio = HandleOperation<SlavePrioSet>
public enum SlavePrioSet: LinkOperationKind { public typealias Changes = Int32; public static let command = "RTM_NEWLINK" }

/// `ip link set NAME up|down` (`changes`: up).
public typealias SetLinkUp = HandleOperation<LinkUpSet>
public enum LinkUpSet: LinkOperationKind { public typealias Changes = Bool; public static let command = "RTM_NEWLINK" }

/// The hardware LAG of the card `device` belongs to; nil when the device has no LAG (not LAG-capable)
/// or the backend cannot observe it.
public typealias GetHardwareLag = DeviceRead<HardwareLagRead>
public enum HardwareLagRead: ReadSubject {
    public typealias Reply = HardwareLag?; public static let command = "mlx5 lag debugfs"
}

/// LAG firmware commands issued on `device`, oldest first (empty when the backend cannot observe them).
public typealias GetFirmwareLog = DeviceRead<FirmwareLogRead>
public enum FirmwareLogRead: ReadSubject {
    public typealias Reply = [FirmwareCommand]; public static let command = "mlx5 firmware log"
}

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

/// One bond; ENODEV if there is no interface of that name, EINVAL if it is not a bond.
public struct GetBond: DeviceQuery {
    public typealias Reply = Bond
    public static let command = "RTM_GETLINK"
    public var name: String
    public init(named name: String) { self.name = name }
}

/// `ip link add NAME type bond OPTIONS` (RTM_NEWLINK with NLM_F_CREATE|NLM_F_EXCL).
public struct CreateBond: DeviceOperation {
    public typealias Reply = Void
    public static let command = "RTM_NEWLINK"
    public var name: String
    public var config: BondConfig
    public init(name: String, config: BondConfig) { (self.name, self.config) = (name, config) }
}

/// `ip link set NAME type bond OPTIONS` (changelink: options applied in attribute order).
public struct ChangeBond: DeviceOperation {
    public typealias Reply = Void
    public static let command = "RTM_NEWLINK"
    public var name: String
    public var config: BondConfig
    public init(name: String, config: BondConfig) { (self.name, self.config) = (name, config) }
}

/// `ip link del NAME` (RTM_DELLINK; a bond releases its slaves first).
public struct DeleteLink: DeviceOperation {
    public typealias Reply = Void
    public static let command = "RTM_DELLINK"
    public var name: String
    public init(named name: String) { self.name = name }
}

/// `ip link set SLAVE master BOND`; answers the extack warning a successful reply carried (mlx5:
/// `"mlx5_core: Can't activate LAG offload, TX type isn't supported"`), or nil.
public struct Enslave: DeviceOperation {
    public typealias Reply = String?
    public static let command = "RTM_NEWLINK"
    public var slave: String
    public var bond: String
    public init(_ slave: String, to bond: String) { (self.slave, self.bond) = (slave, bond) }
}

/// `ip link set SLAVE nomaster` (a no-op for an interface without master).
public struct Release: DeviceOperation {
    public typealias Reply = Void
    public static let command = "RTM_NEWLINK"
    public var slave: String
    public init(_ slave: String) { self.slave = slave }
}

/// `ip link set SLAVE type bond_slave prio N` (IFLA_INFO_SLAVE_DATA { IFLA_BOND_SLAVE_PRIO }): the
/// slave's failover priority; EOPNOTSUPP for an interface without master.
public struct SetBondSlavePrio: DeviceOperation {
    public typealias Reply = Void
    public static let command = "RTM_NEWLINK"
    public var slave: String
    public var prio: Int32
    public init(_ slave: String, prio: Int32) { (self.slave, self.prio) = (slave, prio) }
}

/// `ip link set NAME up|down`.
public struct SetLinkUp: DeviceOperation {
    public typealias Reply = Void
    public static let command = "RTM_NEWLINK"
    public var name: String
    public var up: Bool
    public init(_ name: String, up: Bool) { (self.name, self.up) = (name, up) }
}

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

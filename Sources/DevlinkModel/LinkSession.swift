/// Links and bonds (rtnetlink) plus the hardware LAG they drive, next to devlink's `DeviceSession`.
///
/// Methods mirror single rtnetlink requests (lag.md §3): `createBond` is RTM_NEWLINK with
/// NLM_F_CREATE|NLM_F_EXCL and IFLA_LINKINFO{kind "bond", data}, `enslave`/`release` are RTM_NEWLINK on
/// the slave with IFLA_MASTER (bond ifindex / 0), `setLink(up:)` changes IFF_UP, `deleteLink` is
/// RTM_DELLINK. Errors are the kernel's errno and extack text. Interfaces are named, as users name them.
///
/// The hardware LAG reacts asynchronously (the driver's bond work runs after the request returns):
/// poll with `settle()` as for other driver work.
public protocol LinkSession: DeviceSession {
    /// All network interfaces, in ifindex order.
    func interfaces() throws -> [NetInterface]
    /// All bonds, in ifindex order.
    func bonds() throws -> [Bond]
    /// One bond; ENODEV if there is no interface of that name, EINVAL if it is not a bond.
    func bond(named name: String) throws -> Bond
    /// `ip link add NAME type bond OPTIONS`.
    func createBond(name: String, config: BondConfig) throws
    /// `ip link set NAME type bond OPTIONS` (changelink: options applied in attribute order).
    func changeBond(name: String, config: BondConfig) throws
    /// `ip link del NAME` (a bond releases its slaves first).
    func deleteLink(named name: String) throws
    /// `ip link set SLAVE master BOND`. Returns the extack warning a successful reply carried (mlx5:
    /// `"mlx5_core: Can't activate LAG offload, TX type isn't supported"`), or nil.
    @discardableResult
    func enslave(_ slave: String, to bond: String) throws -> String?
    /// `ip link set SLAVE nomaster` (a no-op for an interface without master).
    func release(_ slave: String) throws
    /// `ip link set NAME up|down`.
    func setLink(_ name: String, up: Bool) throws
    /// The hardware LAG of the card `device` belongs to; nil when the device has no LAG (not LAG-capable)
    /// or the backend cannot observe it.
    func hardwareLag(_ device: DeviceHandle) throws -> HardwareLag?
    /// LAG firmware commands issued on `device`, oldest first (empty when the backend cannot observe them).
    func firmwareLog(_ device: DeviceHandle) throws -> [FirmwareCommand]
}

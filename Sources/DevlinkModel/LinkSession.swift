/// Links and bonds (rtnetlink) plus the hardware LAG they drive, next to devlink's `DeviceSession`.
///
/// A session that has them: its link operations (`DevlinkModel/Operations/LinkOperations.swift`) are
/// performed like devlink's. They mirror single rtnetlink requests (lag.md §3): `createBond` is RTM_NEWLINK with
/// NLM_F_CREATE|NLM_F_EXCL and IFLA_LINKINFO{kind "bond", data}, `enslave`/`release` are RTM_NEWLINK on
/// the slave with IFLA_MASTER (bond ifindex / 0), `setLink(up:)` changes IFF_UP, `deleteLink` is
/// RTM_DELLINK. Errors are the kernel's errno and extack text. Interfaces are named, as users name them.
///
/// The hardware LAG reacts asynchronously (the driver's bond work runs after the request returns):
/// poll with `settle()` as for other driver work.
public protocol LinkSession: DeviceSession {}

/// The link operations by name (each is `perform` of one operation type).
extension LinkSession {
    public func interfaces() throws -> [NetInterface] { try perform(ListInterfaces()) }
    public func bonds() throws -> [Bond] { try perform(ListBonds()) }
    public func bond(named name: String) throws -> Bond { try perform(GetBond(name)) }
    public func createBond(name: String, config: BondConfig) throws { try perform(CreateBond(name, config)) }
    public func changeBond(name: String, config: BondConfig) throws { try perform(ChangeBond(name, config)) }
    public func deleteLink(named name: String) throws { try perform(DeleteLink(name)) }
    @discardableResult
    public func enslave(_ slave: String, to bond: String) throws -> String? { try perform(Enslave(slave, bond)) }
    public func release(_ slave: String) throws { try perform(Release(slave)) }
    public func setBondSlavePrio(_ slave: String, prio: Int32) throws { try perform(SetBondSlavePrio(slave, prio)) }
    public func setLink(_ name: String, up: Bool) throws { try perform(SetLinkUp(name, up)) }
    public func hardwareLag(_ device: DeviceHandle) throws -> HardwareLag? { try perform(GetHardwareLag(device)) }
    public func firmwareLog(_ device: DeviceHandle) throws -> [FirmwareCommand] { try perform(GetFirmwareLog(device)) }
}

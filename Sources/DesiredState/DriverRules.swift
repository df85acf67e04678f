import DevlinkModel

/// The ordering knowledge the planner needs, per driver, in one place (docs/desired-state.md lists the
/// same rules with their sources). Every rule names the kernel function it comes from.
public enum DriverRules {
    public enum Profile: String, Sendable {
        case mlx5, netdevsim
        /// Any other driver: only the devlink core's and the PCI core's rules apply.
        case generic
    }

    /// The profile of a device from `dev info`'s driver name.
    public static func profile(driver: String?) -> Profile {
        switch driver {
        case "mlx5_core": .mlx5
        case "netdevsim": .netdevsim
        default: .generic
        }
    }

    /// devlink core, devlink_nl_eswitch_set_doit → devlink_rate_nodes_check: an eswitch mode change is
    /// refused ("Rate node(s) exists.", EBUSY) while the device has rate nodes, so nodes are deleted
    /// (children first, leaves unparented) before any mode change and created again after it.
    public static let rateNodesBlockModeChange = true

    /// devlink_nl_rate_del_doit: a node with children is refused ("Node has children. Cannot delete
    /// node.", EBUSY), so children are unparented or deleted first.
    public static let nodeDeleteNeedsNoChildren = true

    /// PCI core sriov_numvfs_store (drivers/pci/iov.c) and netdevsim's nsim_bus_dev_numvfs_store: a
    /// non-zero VF count cannot change to another non-zero count (EBUSY); it goes through 0.
    public static let numVFsChangeGoesThroughZero = true

    /// The numvfs change is made outside switchdev mode: "legacy, then numvfs, then switchdev".
    /// mlx5: NVIDIA's switchdev set-up order (VFs created while the eswitch is legacy; the
    /// representors appear with the switch to switchdev, mlx5_eswitch_enable_locked). netdevsim:
    /// nsim_bus_dev_vfs_disable drops a switchdev device to legacy when its VFs go, so a change of a
    /// non-zero count is a legacy round trip anyway; from 0 VFs, nsim_bus_dev_vfs_enable adds the VF
    /// ports in switchdev directly.
    public static func numVFsChangeNeedsLegacy(_ profile: Profile, currentVFs: UInt32) -> Bool {
        switch profile {
        case .mlx5: true
        case .netdevsim, .generic: currentVFs != 0
        }
    }

    /// Params whose validate callback refuses a change in switchdev mode. mlx5:
    /// esw_port_metadata_validate (eswitch_offloads.c): "E-Switch must either disabled or non
    /// switchdev mode" (EBUSY). They are set inside a legacy window.
    public static func legacyOnlyParams(_ profile: Profile) -> [String] {
        profile == .mlx5 ? ["esw_port_metadata"] : []
    }

    /// An SF is set inactive and waited for until detached before `port del` (NVIDIA's SF life
    /// cycle: deactivate, then delete; mlx5_devlink_sf_port_del frees an attached SF's hardware only
    /// after the driver's vhca event). Re-activating before the detach completes is refused by
    /// mlx5_sf_activate ("SF is inactivated but it is still attached", EBUSY), so every `state
    /// inactive` waits for `opstate detached`.
    public static let sfDetachBeforeDelete = true

    /// mlx5_sf_activate queues the SF's auxiliary device; the port reports `opstate attached` once the
    /// SF driver bound (mlx5_sf_dev_state_change_handler). Apply waits for it, so what runs after the
    /// apply (the SF's netdev, services) finds the SF there.
    public static let waitForSFAttach = true

    /// Leaving switchdev removes the VF representor ports (both drivers: mlx5_eswitch_disable_locked,
    /// nsim_esw_legacy_enable) and, on mlx5, the SF ports (mlx5_sf_table_esw_event deletes them). The
    /// planner deletes SFs itself first (detach, then delete), so nothing relies on the implicit removal.
    public static func leavingSwitchdevRemovesSFs(_ profile: Profile) -> Bool { profile == .mlx5 }

    /// Default timeout of a wait for asynchronous driver work (SF attach/detach), seconds.
    public static let defaultWaitTimeout = 10.0
}

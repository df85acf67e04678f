import DevlinkModel

/// rtnetlink link requests on bonds and their slaves, with the kernel's checks and errors
/// (bond_netlink.c, bond_main.c `bond_enslave`/`__bond_release_one`, rtnetlink `do_set_master`;
/// lag.md §3.3-§3.4). Each request fires the netdev notifiers the mlx5 LAG listens to.
extension EmulatorState {
    /// The ENODEV `ip` itself reports for an unknown name (same text as the netlink backend).
    static func noInterface(_ name: String) -> DevlinkError { DevlinkError(.ENODEV, "no network interface named \(name)") }

    func netdevOrThrow(_ name: String) throws(DevlinkError) -> Netdev {
        guard let netdev = netdevs[name] else { throw Self.noInterface(name) }
        return netdev
    }

    /// `primary` travels as an ifindex, so an unknown name fails before the request, as over netlink.
    func checkPrimaryExists(_ config: BondConfig) throws(DevlinkError) {
        if let primary = config.primary, !primary.isEmpty, !netdevs.contains(primary) { throw Self.noInterface(primary) }
    }

    mutating func createBond(name: String, config: BondConfig) throws(DevlinkError) {
        // IFLA_IFNAME policy: NLA_STRING of at most IFNAMSIZ-1 bytes.
        guard name.utf8.count < 16 else { throw DevlinkError(.ERANGE, "Attribute failed policy validation") }
        guard !name.isEmpty, name != ".", name != "..",
              !name.contains(where: { $0 == "/" || $0 == ":" || $0.isWhitespace }) else { throw DevlinkError(.EINVAL) }
        guard !netdevs.contains(name) else { throw DevlinkError(.EEXIST) }
        try checkPrimaryExists(config)
        // bond_newlink: changelink on the fresh (down, slaveless) bond, then register; a bad option
        // means nothing is registered.
        var bond = BondRecord(name: name)
        try bond.apply(config, isUp: false)
        bond.needsReselect = false   // no slaves yet
        _ = netdevs.register(name: name, kind: .bond, port: nil)
        links.bonds[name] = bond
    }

    mutating func changeBond(name: String, config: BondConfig) throws(DevlinkError) {
        let netdev = try netdevOrThrow(name)
        try checkPrimaryExists(config)
        guard var bond = links.bonds[name] else { throw DevlinkError(.EOPNOTSUPP) }
        defer {
            // An option applied before a later one failed keeps its effect, reselection included.
            let reselect = bond.needsReselect
            bond.needsReselect = false
            links.bonds[name] = bond
            if reselect { selectActiveSlave(name) }
        }
        try bond.apply(config, isUp: netdev.adminUp)
    }

    mutating func deleteLink(named name: String) throws(DevlinkError) {
        _ = try netdevOrThrow(name)
        // Only devices with rtnl_link_ops can be deleted; PF uplinks and representors cannot.
        guard let bond = links.bonds[name] else { throw DevlinkError(.EOPNOTSUPP) }
        for slave in bond.slaves { releaseSlave(slave.name, from: name) }
        log(bond: name, "Released all slaves")
        links.bonds[name] = nil
        netdevs.unregister(name: name)
    }

    /// `ip link set SLAVE master BOND`; returns the extack warning of a successful reply.
    mutating func enslave(_ slaveName: String, to bondName: String) throws(DevlinkError) -> String? {
        let master = try netdevOrThrow(bondName)
        let slave = try netdevOrThrow(slaveName)
        if slave.master == bondName { return nil }   // do_set_master: same master is a no-op
        // A master without ndo_add_slave (anything but a bond here).
        guard master.kind == .bond, links.bonds[bondName] != nil else { throw DevlinkError(.EOPNOTSUPP) }
        if let old = slave.master { releaseSlave(slaveName, from: old) }   // released (and closed) first
        if slaveName == bondName { throw DevlinkError(.EPERM, "Cannot enslave bond to itself.") }
        if links.bonds[slaveName]?.slaves.contains(where: { $0.name == bondName }) == true {
            throw DevlinkError(.EBUSY)   // netdev_upper_dev_link refuses loops
        }
        guard netdevs[slaveName]?.adminUp == false else {
            throw DevlinkError(.EPERM, "Device can not be enslaved while up")
        }
        guard var bond = links.bonds[bondName] else { throw DevlinkError(.EOPNOTSUPP) }
        // bond_enslave opens the slave; carrier follows the cable.
        let carrier = !links.unplugged.contains(slaveName)
        netdevs.modify(slaveName) {
            $0.adminUp = true
            $0.carrier = carrier
            $0.master = bondName
        }
        // bond_enslave: with miimon the carrier (and updelay), with ARP monitoring the carrier, else up.
        let mii: BondLinkState
        if bond.miimon != 0 {
            mii = carrier ? (bond.updelay > 0 ? .back : .up) : .down
        } else {
            mii = bond.arpInterval != 0 && !carrier ? .down : .up
        }
        let state: BondSlaveState = bond.mode.usesBackupSlaves ? .backup : .active
        bond.slaves.append(SlaveRecord(name: slaveName, state: state, mii: mii))
        // bond_enslave: the interface named as primary becomes the primary slave and is forced.
        if bond.primarySlave?.name == slaveName { bond.forcePrimary = true }
        links.bonds[bondName] = bond
        let role = state == .active ? "an active" : "a backup"
        log(bond: bondName, "(slave \(slaveName)): Enslaving as \(role) interface with \(mii == .up ? "an up" : "a down") link")
        let warning = lagChangeUpper(bond: bondName, linking: true)
        lowerStateChanged(slaveName)
        if bond.mode == .activeBackup { selectActiveSlave(bondName) }
        updateBondCarrier(bondName)
        return warning
    }

    /// `ip link set SLAVE nomaster`.
    mutating func release(_ slaveName: String) throws(DevlinkError) {
        let slave = try netdevOrThrow(slaveName)
        guard let master = slave.master else { return }
        releaseSlave(slaveName, from: master)
    }

    /// `__bond_release_one`: inactive, unlinked (CHANGEUPPER), closed; a new active slave is chosen.
    mutating func releaseSlave(_ slaveName: String, from bondName: String) {
        guard var bond = links.bonds[bondName], let i = bond.slaves.firstIndex(where: { $0.name == slaveName }) else { return }
        let wasActive = bond.activeSlave == slaveName
        let role = bond.slaves[i].state == .active ? "active" : "backup"
        bond.slaves[i].state = .backup
        links.bonds[bondName] = bond
        lowerStateChanged(slaveName)
        bond.slaves.remove(at: i)
        if wasActive { bond.activeSlave = nil }
        links.bonds[bondName] = bond
        netdevs.modify(slaveName) {
            $0.master = nil
            $0.adminUp = false
            $0.carrier = false
        }
        netdevStopped(slaveName)
        log(bond: bondName, "(slave \(slaveName)): Releasing \(role) interface")
        _ = lagChangeUpper(bond: bondName, linking: false)
        // __bond_release_one selects a new active slave only when the released one was active.
        if bond.mode == .activeBackup, wasActive { selectActiveSlave(bondName) }
        updateBondCarrier(bondName)
    }

    /// `ip link set SLAVE type bond_slave prio N`: rtnetlink refuses slave data on an interface without
    /// master (EOPNOTSUPP); bond_opts[BOND_OPT_PRIO] allows active-backup, tlb and alb only; then
    /// bond_option_prio_set reselects unless a primary slave is set.
    mutating func setBondSlavePrio(_ slaveName: String, prio: Int32) throws(DevlinkError) {
        let netdev = try netdevOrThrow(slaveName)
        guard let master = netdev.master, var bond = links.bonds[master],
              let i = bond.slaves.firstIndex(where: { $0.name == slaveName }) else { throw DevlinkError(.EOPNOTSUPP) }
        guard bond.mode.usesPrimary else { throw DevlinkError(Errno(number: 13), "option not supported in mode") }
        bond.slaves[i].prio = prio
        links.bonds[master] = bond
        if bond.primarySlave == nil { selectActiveSlave(master) }
    }

    /// `ip link set NAME up|down`.
    mutating func setLink(_ name: String, up: Bool) throws(DevlinkError) {
        let netdev = try netdevOrThrow(name)
        guard netdev.adminUp != up else { return }
        netdevs.modify(name) { $0.adminUp = up }
        if !up { netdevStopped(name) }
        if links.bonds[name] != nil {
            updateBondCarrier(name)
        } else {
            updateCarrier(name)
        }
    }

    /// Pulls or plugs the cable of a netdev (emulator only): carrier = up and plugged.
    mutating func setCable(_ name: String, plugged: Bool) throws(DevlinkError) {
        let netdev = try netdevOrThrow(name)
        guard netdev.kind != .bond else { throw DevlinkError(.EOPNOTSUPP) }
        if plugged { links.unplugged.remove(name) } else { links.unplugged.insert(name) }
        updateCarrier(name)
    }

    /// A non-bond netdev's carrier: up and cable plugged. The bond notices through miimon (in settle).
    private mutating func updateCarrier(_ name: String) {
        let plugged = !links.unplugged.contains(name)
        netdevs.modify(name) { $0.carrier = $0.adminUp && plugged }
    }

    /// A bond has carrier while up with at least `min_links` (at least one) slave whose link is up.
    mutating func updateBondCarrier(_ name: String) {
        guard let bond = links.bonds[name] else { return }
        let up = bond.slaves.filter { $0.mii == .up || $0.mii == .fail }.count
        netdevs.modify(name) { $0.carrier = $0.adminUp && up >= max(1, Int(bond.minLinks)) }
    }

    /// Slaves whose netdev disappeared (a representor's port was deleted) are released, as
    /// NETDEV_UNREGISTER makes the bond do.
    mutating func releaseVanishedSlaves() {
        guard !links.bonds.isEmpty else { return }
        for name in links.bonds.keys.sorted() {
            for slave in links.bonds[name]?.slaves ?? [] where !netdevs.contains(slave.name) {
                guard var bond = links.bonds[name] else { continue }
                bond.slaves.removeAll { $0.name == slave.name }
                let wasActive = bond.activeSlave == slave.name
                if wasActive { bond.activeSlave = nil }
                links.bonds[name] = bond
                _ = lagChangeUpper(bond: name, linking: false)
                if bond.mode == .activeBackup, wasActive { selectActiveSlave(name) }
                updateBondCarrier(name)
            }
        }
    }
}

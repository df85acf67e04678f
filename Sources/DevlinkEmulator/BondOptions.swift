import DevlinkModel

/// Bond option changes with `bond_opt_check_deps` (lag.md §3.3): an option unsupported in the current
/// mode is EACCES "option not supported in mode"; NOSLAVES options on a bond with slaves ENOTEMPTY;
/// IFDOWN options on an up bond EBUSY. Options apply one at a time in IFLA_BOND_* order, so an error
/// leaves the earlier ones applied, as `bond_changelink` does.
extension BondRecord {
    mutating func apply(_ config: BondConfig, isUp: Bool) throws(DevlinkError) {
        if let mode = config.mode {
            try checkDeps(noSlaves: true, ifDown: true, isUp: isUp)
            self.mode = mode
        }
        if let miimon = config.miimon { self.miimon = miimon }
        if let updelay = config.updelay {
            // bond_option_updelay_set/downdelay_set refuse without MII monitoring (no extack).
            guard miimon != 0 else { throw DevlinkError(.EPERM) }
            self.updelay = updelay
        }
        if let downdelay = config.downdelay {
            guard miimon != 0 else { throw DevlinkError(.EPERM) }
            self.downdelay = downdelay
        }
        if let policy = config.xmitHashPolicy { xmitHashPolicy = policy }
        if let minLinks = config.minLinks { self.minLinks = minLinks }
        if let rate = config.lacpRate {
            guard mode == .ieee8023ad else { throw DevlinkError(Errno(number: 13), "option not supported in mode") }
            try checkDeps(noSlaves: false, ifDown: true, isUp: isUp)
            lacpRate = rate
        }
    }

    /// bond_opt_check_deps, then the extack bond_opt_error_interpret sets for its errno (since 6.0,
    /// "bonding: netlink error message support for options"; the guest's 6.12 answers the ENOTEMPTY
    /// text, LiveBondTests).
    private func checkDeps(noSlaves: Bool, ifDown: Bool, isUp: Bool) throws(DevlinkError) {
        if noSlaves, !slaves.isEmpty {
            throw DevlinkError(Errno(number: 39), "unable to set option because the bond device has slaves")   // ENOTEMPTY
        }
        if ifDown, isUp { throw DevlinkError(.EBUSY, "unable to set option because the bond is up") }
    }

    func view(ifindex: UInt32, netdev: Netdev?, slaveIndex: (String) -> UInt32, lag: HardwareLag?) -> Bond {
        Bond(name: name, ifindex: ifindex, adminUp: netdev?.adminUp ?? false, carrier: netdev?.carrier ?? false,
             mode: mode, miimon: miimon, updelay: updelay, downdelay: downdelay, xmitHashPolicy: xmitHashPolicy,
             lacpRate: mode == .ieee8023ad ? lacpRate : nil, minLinks: minLinks,
             activeSlave: mode == .activeBackup ? activeSlave : nil,
             slaves: slaves.map { BondSlave(name: $0.name, ifindex: slaveIndex($0.name), state: $0.state,
                                            miiStatus: $0.mii, linkFailureCount: $0.linkFailureCount) },
             hardwareLag: lag)
    }
}

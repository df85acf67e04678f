import DevlinkModel

/// Bond option changes with `bond_opt_check_deps` (lag.md §3.3): an option unsupported in the current
/// mode is EACCES "option not supported in mode"; NOSLAVES options on a bond with slaves ENOTEMPTY;
/// IFDOWN options on an up bond EBUSY. Options apply one at a time in IFLA_BOND_* order, so an error
/// leaves the earlier ones applied, as `bond_changelink` does.
extension BondRecord {
    /// `bond_option_primary_set`: a slave's name makes it the primary and forces the next selection;
    /// another name is remembered for when it is enslaved (and drops the current primary slave); ""
    /// clears. Whether bond_select_active_slave runs is left in `needsReselect`.
    mutating func setPrimary(_ name: String) {
        if name.isEmpty || slaves.contains(where: { $0.name == name }) {
            forcePrimary = !name.isEmpty
            needsReselect = true
        } else if primarySlave != nil {
            needsReselect = true
        }
        primary = String(name.utf8.prefix(15)) ?? name
    }

    mutating func apply(_ config: BondConfig, isUp: Bool) throws(DevlinkError) {
        if let mode = config.mode {
            try checkDeps(noSlaves: true, ifDown: true, isUp: isUp)
            self.mode = mode
            // bond_option_mode_set: a mode without ARP monitoring (802.3ad, tlb, alb) gets
            // BOND_DEFAULT_MIIMON when MII monitoring is off.
            if !mode.usesArp {
                arpInterval = 0
                if miimon == 0 { miimon = 100 }
            }
        }
        if let miimon = config.miimon {
            try Self.checkIntMax(miimon)
            self.miimon = miimon   // the delays stay in ticks: their ms value follows the new interval
            if miimon != 0 { arpInterval = 0 }   // bond_option_miimon_set turns ARP monitoring off
        }
        if let updelay = config.updelay { self.updelay = try delayTicks(updelay) }
        if let downdelay = config.downdelay { self.downdelay = try delayTicks(downdelay) }
        if let interval = config.arpInterval {
            // bond_changelink refuses both monitors in one request, before the option's own checks.
            if interval != 0, let m = config.miimon, m != 0 {
                throw DevlinkError(.EINVAL, "ARP monitoring cannot be used with MII monitoring")
            }
            guard mode.usesArp else { throw DevlinkError(Errno(number: 13), "option not supported in mode") }
            try Self.checkIntMax(interval)
            arpInterval = interval
            if interval != 0 { miimon = 0 }   // bond_option_arp_interval_set turns MII monitoring off
        }
        if let targets = config.arpIPTargets {
            // bond_changelink clears the list, then adds each target (_bond_option_arp_ip_target_add):
            // 0.0.0.0/8 and 255.255.255.255 are refused, as are duplicates and a 17th target; the ones
            // added before a refusal stay.
            arpTargets = []
            for target in targets {
                guard let b = IPv4Text.bytes(target), b[0] != 0, b != [255, 255, 255, 255],
                      !arpTargets.contains(IPv4Text.text(b)), arpTargets.count < 16 else {
                    throw DevlinkError(.EINVAL, "invalid option value")
                }
                arpTargets.append(IPv4Text.text(b))
            }
        }
        if let targets = config.nsIP6Targets {
            // bond_changelink clears the list, then bond_option_ns_ip6_targets_set adds each: ::,
            // ::1, multicast (bond_is_ip6_target_ok), duplicates and a 17th are refused; no mode limit.
            nsTargets = []
            for target in targets {
                guard let b = IPv6Text.bytes(target), b != [UInt8](repeating: 0, count: 16),
                      b != [UInt8](repeating: 0, count: 15) + [1], b[0] != 0xff,
                      !nsTargets.contains(IPv6Text.text(b)), nsTargets.count < 16 else {
                    throw DevlinkError(.EINVAL, "invalid option value")
                }
                nsTargets.append(IPv6Text.text(b))
            }
        }
        if let primary = config.primary {
            // bond_opts[BOND_OPT_PRIMARY]: active-backup, balance-tlb and balance-alb only.
            guard mode.usesPrimary else { throw DevlinkError(Errno(number: 13), "option not supported in mode") }
            setPrimary(primary)
        }
        if let reselect = config.primaryReselect {
            // No mode restriction (checked in the guest: balance-rr takes it).
            primaryReselect = reselect
            needsReselect = true
        }
        if let policy = config.xmitHashPolicy { xmitHashPolicy = policy }
        if let minLinks = config.minLinks {
            try Self.checkIntMax(minLinks)
            self.minLinks = minLinks
        }
        if let rate = config.lacpRate {
            guard mode == .ieee8023ad else { throw DevlinkError(Errno(number: 13), "option not supported in mode") }
            try checkDeps(noSlaves: false, ifDown: true, isUp: isUp)
            lacpRate = rate
        }
    }

    /// bond_opt_parse on bond_intmax_tbl (miimon, updelay, downdelay, min_links): 0 ... INT_MAX; the
    /// netlink u32 is read into an int, so anything above INT_MAX is out of range.
    static func checkIntMax(_ value: UInt32) throws(DevlinkError) {
        guard value <= UInt32(Int32.max) else { throw DevlinkError(.EINVAL, "invalid option value") }
    }

    /// `_bond_option_delay_set`, after the range check: EPERM without MII monitoring (no extack), else
    /// the value in whole miimon ticks (a remainder is dropped with a warning in the kernel log).
    func delayTicks(_ ms: UInt32) throws(DevlinkError) -> UInt32 {
        try Self.checkIntMax(ms)
        guard miimon != 0 else { throw DevlinkError(.EPERM) }
        return ms / miimon
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
             mode: mode, miimon: miimon, updelay: updelay &* miimon, downdelay: downdelay &* miimon,
             xmitHashPolicy: xmitHashPolicy,
             lacpRate: mode == .ieee8023ad ? lacpRate : nil, minLinks: minLinks,
             activeSlave: mode == .activeBackup ? activeSlave : nil, primary: primarySlave?.name,
             primaryReselect: primaryReselect, arpInterval: arpInterval, arpIPTargets: arpTargets,
             nsIP6Targets: nsTargets,
             slaves: slaves.map { BondSlave(name: $0.name, ifindex: slaveIndex($0.name), state: $0.state,
                                            miiStatus: $0.mii, linkFailureCount: $0.linkFailureCount, prio: $0.prio) },
             hardwareLag: lag)
    }
}

import DevlinkModel

/// The mlx5 LAG netdev notifier (lag.md §1.4): bonding's CHANGEUPPER and CHANGELOWERSTATE events update
/// each LAG's tracker synchronously, inside the request; the bond work that acts on the tracker is only
/// queued (it runs in `settle()`).
extension EmulatorState {
    /// The LAG and PF slot whose uplink netdev is `name`.
    func lagSlot(ofNetdev name: String) -> (lag: Int, index: Int)? {
        guard let netdev = netdevs[name], netdev.kind == .uplink, let device = netdev.port?.device else { return nil }
        for (l, lag) in links.lags.enumerated() {
            if let i = lag.members.firstIndex(where: { $0 == device }) { return (l, i) }
        }
        return nil
    }

    /// NETDEV_CHANGEUPPER for a slave of `bond` (linking or unlinking); returns the extack warning mlx5
    /// attaches to the enslave reply. Walks the bond's current slaves, as `for_each_netdev_in_bond_rcu`.
    mutating func lagChangeUpper(bond name: String, linking: Bool) -> String? {
        guard let bond = links.bonds[name] else { return nil }
        var warning: String?
        for l in links.lags.indices {
            let ports = links.lags[l].ports
            var bondStatus = 0
            var hasInactive = false
            for slave in bond.slaves {
                if let slot = lagSlot(ofNetdev: slave.name), slot.lag == l {
                    bondStatus |= 1 << slot.index
                    hasInactive = hasInactive || slave.state == .backup
                }
            }
            guard bondStatus != 0 else { continue }   // none of this LAG's netdevs: not our event
            var tracker = links.lags[l].tracker
            if linking {
                tracker.txType = bond.mode.lagTxType
                tracker.hashType = tracker.txType == .hash ? bond.xmitHashPolicy.lagHashType : .none
            }
            tracker.hasInactive = hasInactive
            let isInLag = bond.slaves.count == ports && bondStatus == (1 << ports) - 1
            let modeSupported = tracker.txType == .activeBackup || tracker.txType == .hash
            let ready = lagNetdevsReady(l)
            if isInLag, !ready {
                warning = "mlx5_core: Can't activate LAG offload, PF is configured with more than 64 VFs"
            } else if isInLag, !modeSupported {
                warning = "mlx5_core: Can't activate LAG offload, TX type isn't supported"
            }
            let isBonded = isInLag && modeSupported
            let changed = tracker.isBonded != isBonded
            tracker.isBonded = isBonded
            links.lags[l].tracker = tracker
            if changed { queueLagWork(l) }
        }
        return warning
    }

    /// NETDEV_CHANGELOWERSTATE from bonding for one slave (`bond_lower_state_changed`): always "changed"
    /// for the driver, which queues its bond work.
    mutating func lowerStateChanged(_ slaveName: String) {
        guard let master = netdevs[slaveName]?.master, let bond = links.bonds[master],
              let slave = bond.slaves.first(where: { $0.name == slaveName }),
              let slot = lagSlot(ofNetdev: slaveName) else { return }
        links.lags[slot.lag].tracker.netdevState[slot.index] = slave.lowerState
        queueLagWork(slot.lag)
    }

    /// NDEVS_READY: every PF of the LAG is present with its uplink netdev.
    func lagNetdevsReady(_ l: Int) -> Bool {
        links.lags[l].members.allSatisfy { member in
            guard let member else { return false }
            return netdevs.byName.values.contains { $0.kind == .uplink && $0.port?.device == member }
        }
    }

    mutating func queueLagWork(_ l: Int) {
        guard !links.queuedLagWork.contains(l) else { return }
        links.queuedLagWork.append(l)
        links.lagWorkDue[l] = clock.now.adding(.bondWork)
    }
}

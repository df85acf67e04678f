import DevlinkModel

/// The model's link view (what `lag` and `link` commands use) on the real kernel: rtnetlink for links
/// and bonds, devlink ports to tell uplinks from representors, debugfs for the mlx5 hardware LAG.
/// The firmware command log is not observable on a real kernel: always empty.
extension NetlinkSession: LinkSession {
    public var facets: SessionFacets { SessionFacets(links: self) }

    /// The link operations, added to `NetlinkSession.handlers`.
    static func linkHandlers(_ table: consuming OperationHandlers<NetlinkSession>) -> OperationHandlers<NetlinkSession> {
        table
            .on(ListInterfaces.self) { s, _ in try s.interfaceList() }
            .on(ListBonds.self) { s, _ in
                let all = try s.links()
                return try all.filter(\.isBond).sorted { $0.index < $1.index }.map { try s.bond($0, all: all) }
            }
            .on(GetBond.self) { s, op in
                let l = try s.link(named: op.handle)
                guard l.isBond else { throw DevlinkError(.EINVAL, "\(op.handle) is not a bond") }
                return try s.bond(l, all: try s.links())
            }
            .on(CreateBond.self) { s, op in try s.createBond(name: op.handle, options: s.bondOptions(op.changes)) }
            .on(ChangeBond.self) { s, op in try s.changeBond(name: op.handle, options: s.bondOptions(op.changes)) }
            .on(DeleteLink.self) { s, op in try s.deleteLink(named: op.handle) }
            .on(Enslave.self) { s, op in try s.enslave(op.handle, to: op.changes) }
            .on(Release.self) { s, op in try s.release(op.handle) }
            .on(SetBondSlavePrio.self) { s, op in
                try s.perform(.setBondSlavePrio(index: try s.link(named: op.handle).index, prio: op.changes))
            }
            .on(SetLinkUp.self) { s, op in try s.setLink(op.handle, up: op.changes) }
            .on(GetHardwareLag.self) { s, op in
                guard op.device.bus == "pci" else { return nil }   // only PCI functions (mlx5) form a hardware LAG
                return s.lagDebugfs.read(op.device)
            }
            // The firmware command log is not observable on a real kernel.
            .on(GetFirmwareLog.self) { _, _ in [] }
    }

    private func interfaceList() throws -> [NetInterface] {
        let all = try links()
        let roles = try netdevRoles()
        let names = Dictionary(all.map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
        return all.sorted { $0.index < $1.index }.map { l in
            let kind: NetInterface.Kind = l.isBond ? .bond : roles[l.name] ?? .other
            return NetInterface(name: l.name, ifindex: UInt32(bitPattern: l.index), kind: kind, adminUp: l.isUp,
                                carrier: l.hasCarrier, master: l.master.flatMap { names[$0] })
        }
    }

    // MARK: building the model's values

    /// uplink (physical port) or representor (VF/SF/PF port) by the devlink port owning each netdev.
    func netdevRoles() throws -> [String: NetInterface.Kind] {
        var roles: [String: NetInterface.Kind] = [:]
        for p in try ports(of: nil) {
            guard let netdev = p.netdev else { continue }
            roles[netdev] = p.flavour == .physical ? .uplink : .representor
        }
        return roles
    }

    /// The request's options; `primary` goes as an ifindex, resolved first as `ip` does (an unknown
    /// name fails before anything is sent; "" sends 0, which the kernel reads as no primary).
    func bondOptions(_ c: BondConfig) throws -> BondOptions {
        var o = BondOptions(c)
        if let name = c.primary { o.primary = name.isEmpty ? 0 : UInt32(bitPattern: try link(named: name).index) }
        return o
    }

    func bond(_ l: LinkInfo, all: [LinkInfo]) throws -> Bond {
        let o = l.bond ?? BondOptions()
        let mode = o.mode ?? .balanceRR
        let names = Dictionary(all.map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
        let slaves = all.filter { $0.master == l.index }.sorted { $0.index < $1.index }
        var b = Bond(name: l.name, ifindex: UInt32(bitPattern: l.index), adminUp: l.isUp, carrier: l.hasCarrier, mode: mode,
                     miimon: o.miimon ?? 0, updelay: o.updelay ?? 0, downdelay: o.downdelay ?? 0,
                     xmitHashPolicy: o.xmitHashPolicy ?? .layer2,
                     lacpRate: mode == .ieee8023ad ? (o.lacpRate ?? .slow) : nil, minLinks: o.minLinks ?? 0,
                     activeSlave: mode == .activeBackup ? o.activeSlave.flatMap { names[Int32(bitPattern: $0)] } : nil,
                     primary: o.primary.flatMap { names[Int32(bitPattern: $0)] },
                     primaryReselect: o.primaryReselect ?? .always, arpInterval: o.arpInterval ?? 0,
                     arpIPTargets: (o.arpIPTargets ?? []).map(IPv4Text.text),
                     nsIP6Targets: (o.nsIP6Targets ?? []).map(IPv6Text.text))
        b.slaves = slaves.map { s in
            BondSlave(name: s.name, ifindex: UInt32(bitPattern: s.index),
                      state: s.bondSlave?.state.flatMap(BondSlaveState.init(rawValue:)) ?? .backup,
                      miiStatus: s.bondSlave?.miiStatus.flatMap(BondLinkState.init(rawValue:)) ?? .down,
                      linkFailureCount: s.bondSlave?.linkFailureCount ?? 0, prio: s.bondSlave?.prio ?? 0)
        }
        // The hardware LAG of the first slave that is a PCI uplink (an mlx5 PF), if any.
        if !slaves.isEmpty {
            let owners = Dictionary(try ports(of: nil).compactMap { p in p.netdev.map { ($0, p.device) } },
                                    uniquingKeysWith: { a, _ in a })
            for s in slaves {
                guard let device = owners[s.name], var lag = try hardwareLag(device) else { continue }
                lag.bond = l.name
                b.hardwareLag = lag
                break
            }
        }
        return b
    }
}

extension BondOptions {
    /// The options `ip link add/set ... type bond` sends for a model BondConfig.
    init(_ c: BondConfig) {
        self.init(mode: c.mode, miimon: c.miimon, updelay: c.updelay, downdelay: c.downdelay,
                  xmitHashPolicy: c.xmitHashPolicy, minLinks: c.minLinks, lacpRate: c.lacpRate,
                  primaryReselect: c.primaryReselect, arpInterval: c.arpInterval,
                  arpIPTargets: c.arpIPTargets.map { $0.compactMap(IPv4Text.bytes) },
                  nsIP6Targets: c.nsIP6Targets.map { $0.compactMap(IPv6Text.bytes) })
    }
}

import DevlinkModel

/// The journal for bonds and links: a bond removed is created again with its options and slaves, an
/// enslaved interface is released (and brought back to its old admin state), and so on.
final class JournalingLinkSession: JournalingSession, LinkSession {
    private let links: LinkSession

    override var facets: SessionFacets { SessionFacets(links: self, timed: inner.timedSession) }

    init(_ inner: LinkSession, journal: UndoJournal) {
        links = inner
        super.init(inner, journal: journal)
    }

    /// The link changes dls can undo, added to `JournalingSession.undoPlans` (reads go straight through).
    static func linkUndoPlans(_ table: consuming OperationHandlers<JournalingSession>) -> OperationHandlers<JournalingSession> {
        table
            .on(CreateBond.self) { j, op in try links(j).createBond(name: op.handle, config: op.changes) }
            .on(ChangeBond.self) { j, op in try links(j).changeBond(name: op.handle, config: op.changes) }
            .on(DeleteLink.self) { j, op in try links(j).deleteLink(named: op.handle) }
            .on(Enslave.self) { j, op in try links(j).enslave(op.handle, to: op.changes) }
            .on(Release.self) { j, op in try links(j).release(op.handle) }
            .on(SetLinkUp.self) { j, op in try links(j).setLink(op.handle, up: op.changes) }
            .on(SetBondSlavePrio.self) { j, op in try links(j).setBondSlavePrio(op.handle, prio: op.changes) }
            .on(AddRoute.self) { j, op in try links(j).addRoute(op.route, replace: op.replace) }
            .on(DeleteRoute.self) { j, op in try links(j).deleteRoute(op.handle) }
    }

    /// The journal as a link journal: it is one exactly when the wrapped session has links.
    private static func links(_ journal: JournalingSession) throws -> JournalingLinkSession {
        guard let links = journal as? JournalingLinkSession else { throw DevlinkError(.EOPNOTSUPP) }
        return links
    }

    private func interface(_ name: String) throws -> NetInterface {
        guard let found = try links.interfaces().first(where: { $0.name == name }) else {
            throw DevlinkError(.ENODEV, "no network interface named \(name)")
        }
        return found
    }

    private func createBond(name: String, config: BondConfig) throws {
        try links.createBond(name: name, config: config)
        journal.record(.deleteLink(name))
    }

    private func changeBond(name: String, config: BondConfig) throws {
        try change("lag set \(name)", read: { try links.bond(named: name) },
                   apply: { try links.changeBond(name: name, config: config) }) { old in
            guard let now = try? links.bond(named: name) else { return [] }
            let fields: [UndoField<BondConfig, Bond>] = [
                UndoField(\.mode, \.mode), UndoField(\.miimon, \.miimon), UndoField(\.updelay, \.updelay),
                UndoField(\.downdelay, \.downdelay), UndoField(\.xmitHashPolicy, \.xmitHashPolicy),
                UndoField(\.lacpRate, \.lacpRate), UndoField(\.minLinks, \.minLinks), UndoField(\.primary, \.primary) { $0 ?? "" },
                UndoField(\.arpIPTargets, \.arpIPTargets), UndoField(\.nsIP6Targets, \.nsIP6Targets),
                UndoField(\.primaryReselect, \.primaryReselect),
            ]
            var undo = UndoField.undo(fields, requested: config, old: old, now: now, from: BondConfig())
            // ARP and MII monitoring switch each other off: give both back.
            if now.arpInterval != old.arpInterval || now.miimon != old.miimon {
                undo.arpInterval = old.arpInterval
                undo.miimon = old.miimon
            }
            return undo.isEmpty ? [] : [.changeBond(name, undo)]
        }
    }

    private func deleteLink(named name: String) throws {
        try change("lag del \(name)", read: { try links.bond(named: name) }, apply: { try links.deleteLink(named: name) }) { old in
            (try? interface(name)) == nil ? [.recreateBond(old)] : []
        }
    }

    @discardableResult
    private func enslave(_ slave: String, to bond: String) throws -> String? {
        var warning: String?
        try change("lag slave add \(bond) \(slave)", read: { try interface(slave) },
                   apply: { warning = try links.enslave(slave, to: bond) }) { old in
            guard let now = try? interface(slave), now.master != old.master else { return [] }
            var steps: [UndoStep] = [old.master.map { .enslave(slave, to: $0) } ?? .release(slave)]
            if old.master == nil { steps.append(.setLink(slave, up: old.adminUp)) }
            return steps
        }
        return warning
    }

    private func release(_ slave: String) throws {
        try change("lag slave del \(slave)", read: { try interface(slave) }, apply: { try links.release(slave) }) { old in
            guard let master = old.master, (try? interface(slave))?.master == nil else { return [] }
            return [.enslave(slave, to: master)]
        }
    }

    private func setBondSlavePrio(_ slave: String, prio: Int32) throws {
        func current() throws -> Int32? {
            guard let master = try interface(slave).master else { return nil }
            return try links.bond(named: master).slaves.first { $0.name == slave }?.prio
        }
        try change("lag slave set \(slave) prio \(prio)", read: current,
                   apply: { try links.setBondSlavePrio(slave, prio: prio) }) { old in
            guard let old, (try? current()) != old else { return [] }
            return [.setBondSlavePrio(slave, old)]
        }
    }

    /// A route is keyed by prefix and metric (one alias each in the main table): undo deletes what was
    /// added and puts back what was replaced or deleted.
    private func addRoute(_ route: Route, replace: Bool) throws {
        let key = RouteSelector(prefix: route.prefix, metric: route.metric)
        try change("route \(replace ? "replace" : "add") \(route.prefix)",
                   read: { try links.routes().first { $0.prefix == route.prefix && $0.metric == route.metric } },
                   apply: { try links.addRoute(route, replace: replace) }) { old in
            old.map { [.restoreRoute($0)] } ?? [.deleteRoute(key)]
        }
    }

    private func deleteRoute(_ selector: RouteSelector) throws {
        try change("route del \(selector.prefix)", read: { try links.routes() },
                   apply: { try links.deleteRoute(selector) }) { old in
            let now = (try? links.routes()) ?? old
            let gone = old.filter { r in !now.contains { $0.prefix == r.prefix && $0.metric == r.metric } }
            return gone.map { .restoreRoute($0) }
        }
    }

    private func setLink(_ name: String, up: Bool) throws {
        try change("link set \(name)", read: { try interface(name).adminUp }, apply: { try links.setLink(name, up: up) }) { old in
            (try? interface(name))?.adminUp == old ? [] : [.setLink(name, up: old)]
        }
    }
}

extension UndoReplay {
    /// The link steps: each one request, except a bond created again with its options and slaves.
    static func applyLink(_ step: UndoStep, on links: LinkSession) throws {
        switch step {
        case .deleteLink(let name): try links.deleteLink(named: name)
        case .changeBond(let name, let config): try links.changeBond(name: name, config: config)
        case .enslave(let slave, let bond):
            // The kernel enslaves only interfaces that are down; enslaving opens the slave again.
            try links.setLink(slave, up: false)
            try links.enslave(slave, to: bond)
        case .release(let slave): try links.release(slave)
        case .setLink(let name, let up): try links.setLink(name, up: up)
        case .setBondSlavePrio(let slave, let prio): try links.setBondSlavePrio(slave, prio: prio)
        case .deleteRoute(let selector): try links.deleteRoute(selector)
        case .restoreRoute(let route):
            // Only what a request sets; the kernel works out dead/linkdown again.
            var request = route
            for i in request.nexthops.indices { (request.nexthops[i].dead, request.nexthops[i].linkdown) = (false, false) }
            try links.addRoute(request, replace: true)
        case .recreateBond(let bond):
            // The delays only with MII monitoring (without it the kernel refuses them, EPERM).
            let mii = bond.miimon != 0
            let config = BondConfig(mode: bond.mode, miimon: bond.miimon, updelay: mii ? bond.updelay : nil,
                                    downdelay: mii ? bond.downdelay : nil,
                                    xmitHashPolicy: bond.xmitHashPolicy, lacpRate: bond.lacpRate, minLinks: bond.minLinks,
                                    primaryReselect: bond.primaryReselect == .always ? nil : bond.primaryReselect,
                                    arpInterval: bond.arpInterval == 0 ? nil : bond.arpInterval,
                                    arpIPTargets: bond.arpIPTargets.isEmpty ? nil : bond.arpIPTargets,
                                    nsIP6Targets: bond.nsIP6Targets.isEmpty ? nil : bond.nsIP6Targets)
            try links.createBond(name: bond.name, config: config)
            for slave in bond.slaves {
                try links.setLink(slave.name, up: false)
                try links.enslave(slave.name, to: bond.name)
            }
            if let primary = bond.primary { try links.changeBond(name: bond.name, config: BondConfig(primary: primary)) }
            if bond.adminUp { try links.setLink(bond.name, up: true) }
        default:
            break
        }
    }
}

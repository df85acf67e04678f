import DevlinkModel

/// A legacy window (switchdev → legacy → switchdev, DriverRules.numVFsChangeNeedsLegacy and
/// legacyOnlyParams) deletes everything that exists only in switchdev: SFs, VF representors with their
/// rate leaves, rate nodes. What the document does not mention must be left alone, so the planner
/// creates those objects again after the window, as they were: the document as written wins, and
/// with `prune` only what it lists comes back.
extension DevicePlanner {
    struct Carried {
        var ports: [PortKey: Port?]
        var nodes: [String: RateObject]
        var leaves: [PortKey: RateObject]
    }

    func captureSwitchdevObjects() -> Carried { Carried(ports: ports, nodes: nodes, leaves: leaves) }

    /// Adds to `want` what the window deletes and the document leaves alone. VFs beyond the new count
    /// are gone for good.
    mutating func carryOver(_ old: Carried, vfCount: UInt32) {
        let prunePorts = prune && want.ports != nil
        let pruneRates = prune && want.rates != nil
        var wantedPorts = want.ports ?? []
        var kept: Set<PortKey> = []
        for key in old.ports.keys.sorted() {
            guard let known = old.ports[key], let port = known else { continue }
            if case .vf(let n) = key, n >= vfCount { continue }
            let function = port.function.map(Snapshot.function)
            if let i = wantedPorts.firstIndex(where: { $0.key == key }) {
                if !prunePorts, let function { wantedPorts[i].function = Self.fill(wantedPorts[i].function, from: function) }
                kept.insert(key)
            } else if !prunePorts || !key.isSF {
                // Prune deletes unlisted SFs; VFs are the VF count's, and their attributes are kept.
                var doc = PortDocument(key: key, function: function)
                if key.isSF {
                    doc.pfnum = port.pfnum
                    doc.sfnum = port.sfnum
                    if let controller = port.controller, controller != 0 { doc.controller = controller }
                }
                wantedPorts.append(doc)
                kept.insert(key)
            }
        }
        for port in wantedPorts { kept.insert(port.key) }
        if !wantedPorts.isEmpty { want.ports = wantedPorts }

        var wantedRates = want.rates ?? []
        var nodeNames = Set(wantedRates.compactMap(\.key.nodeName))
        if !pruneRates {
            for name in old.nodes.keys.sorted() where !nodeNames.contains(name) {
                guard let node = old.nodes[name] else { continue }
                wantedRates.append(Snapshot.rate(.node(name), node, always: true))
                nodeNames.insert(name)
            }
        }
        for key in old.leaves.keys.sorted() where kept.contains(key) {
            guard let leaf = old.leaves[key] else { continue }
            var carried = Snapshot.rate(.leaf(key), leaf, always: false)
            if let parent = carried.parent, !nodeNames.contains(parent) { carried.parent = nil }
            if let i = wantedRates.firstIndex(where: { $0.key == .leaf(key) }) {
                if !pruneRates { wantedRates[i] = Self.fill(wantedRates[i], from: carried) }
            } else if !pruneRates, carried != RateDocument(key: .leaf(key)) {
                wantedRates.append(carried)
            }
        }
        // Listed nodes keep their unmentioned attributes too.
        if !pruneRates {
            for (i, rate) in wantedRates.enumerated() {
                guard let name = rate.key.nodeName, let node = old.nodes[name] else { continue }
                wantedRates[i] = Self.fill(rate, from: Snapshot.rate(.node(name), node, always: true))
            }
        }
        if !wantedRates.isEmpty { want.rates = wantedRates }
    }

    static func fill(_ wanted: FunctionDocument?, from old: FunctionDocument) -> FunctionDocument {
        wanted.map { DocumentSchema.function.filling($0, from: old) } ?? old
    }

    static func fill(_ wanted: RateDocument, from old: RateDocument) -> RateDocument {
        DocumentSchema.rate.filling(wanted, from: old)
    }
}

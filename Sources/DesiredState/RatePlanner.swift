import DevlinkModel
import RateUnits

/// The rate part of a device's plan: nodes created parents first, attribute changes, leaves, and
/// (with prune) nodes deleted children first once nothing points at them.
extension DevicePlanner {
    mutating func planRates() throws(PlanError) {
        let wanted = want.rates ?? []
        let ratesPath = path + ".rates"
        let pruning = prune && want.rates != nil
        var wantedNodes: [String: RateDocument] = [:]
        wantedNodes.reserveCapacity(wanted.count)
        steps.reserveCapacity(steps.count + wanted.count)
        for rate in wanted { if let name = rate.key.nodeName { wantedNodes[name] = rate } }
        let doomed = pruning ? Set(nodes.keys.filter { wantedNodes[$0] == nil }) : []

        // Every parent must be a node that stays or that the document creates.
        for rate in wanted {
            guard let parent = rate.parent, !parent.isEmpty else { continue }
            if wantedNodes[parent] == nil {
                if nodes[parent] == nil {
                    throw PlanError(path: Self.parentPath(ratesPath, rate.key),
                                    message: "no rate node \(parent) on this device or in the document")
                }
                if doomed.contains(parent) {
                    throw PlanError(path: Self.parentPath(ratesPath, rate.key),
                                    message: "node \(parent) is not in the document, so prune deletes it")
                }
            }
        }

        // New nodes, parents first (the kernel needs the parent to exist): always the first in
        // document order whose parent exists. Ready ones wait in `ready` (indexes, largest first, so
        // the next is popped from the end); a node's children join it when it is created.
        let existing = nodes
        var created = 0
        let device = handle.description
        let pending = wanted.filter { $0.key.nodeName.map { nodes[$0] == nil } ?? false }
        var ready: [Int] = []
        var waiting: [String: [Int]] = [:]
        nodes.reserveCapacity(nodes.count + pending.count)
        for (index, rate) in pending.enumerated().reversed() {
            if let parent = rate.parent, !parent.isEmpty, nodes[parent] == nil {
                waiting[parent, default: []].append(index)
            } else {
                ready.append(index)
            }
        }
        while let next = ready.popLast() {
            let rate = pending[next]
            guard let name = rate.key.nodeName else { continue }
            let fresh = RateObject(handle: .node(handle, name))
            let (changes, words, _) = Self.rateChanges(rate, fresh, prune: false, notes: false)
            add(.create, Self.command("port function rate add ", device, "/", name, words),
                .addNode(.node(handle, name), changes))
            nodes[name] = fresh.applying(changes)
            created += 1
            for child in waiting.removeValue(forKey: name) ?? [] {
                let at = ready.firstIndex { $0 < child } ?? ready.count
                ready.insert(child, at: at)
            }
        }
        if created < pending.count {
            // Only a loop through existing nodes can leave some (the decoder refuses loops within the
            // document); the kernel would say "Rate node loop" — say it here, before sending.
            let names = pending.compactMap(\.key.nodeName).filter { nodes[$0] == nil }.joined(separator: ", ")
            throw PlanError(path: ratesPath, message: "parent loop among \(names)")
        }

        // Existing nodes the document changes (with prune, unlisted attributes go back to defaults).
        for rate in wanted {
            guard let name = rate.key.nodeName, existing[name] != nil, let old = nodes[name] else { continue }
            let (changes, words, notes) = Self.rateChanges(rate, old, prune: pruning)
            guard !changes.isEmpty else { continue }
            add(.change, Self.command("port function rate set ", device, "/", name, words),
                .setNode(.node(handle, name), changes), change: notes)
            nodes[name] = old.applying(changes)
        }

        // Leaves: the listed ones, and with prune every other leaf back to defaults.
        var leafKeys: [PortKey] = []
        var wantedLeaves: [PortKey: RateDocument] = [:]
        for rate in wanted {
            guard case .leaf(let key) = rate.key else { continue }
            wantedLeaves[key] = rate
            guard ports.keys.contains(key) else {
                throw PlanError(path: Node.path(ratesPath, rate.key.description),
                                message: "no port \(key) on this device (list it under ports, or set sriov.numvfs)")
            }
            leafKeys.append(key)
        }
        if pruning {
            leafKeys += leaves.keys.filter { wantedLeaves[$0] == nil && ports.keys.contains($0) }.sorted()
        }
        for key in leafKeys {
            let rate = wantedLeaves[key] ?? RateDocument(key: .leaf(key))
            let old = leaves[key] ?? RateObject(handle: RateHandle(device: handle, target: .leaf(portIndex: 0)))
            let (changes, words, notes) = Self.rateChanges(rate, old, prune: pruning)
            guard !changes.isEmpty else { continue }
            let isNew = ports[key].map { $0 == nil } ?? true
            add(isNew ? .create : .change, Self.command("port function rate set ", portText(key), "", "", words),
                .setLeaf(handle, key, changes), change: isNew ? nil : notes)
            leaves[key] = old.applying(changes)
        }

        for name in nodesChildrenFirst(doomed) {
            add(.delete, "port function rate del \(handle)/\(name)", .deleteNode(.node(handle, name)))
            nodes[name] = nil
        }
    }

    /// A rate's parent member, spelled only for an error (the optimizer otherwise computed it for
    /// every rate ahead of the check).
    @inline(never)
    static func parentPath(_ ratesPath: String, _ key: RateKey) -> String {
        Node.path(ratesPath, key.description) + ".parent"
    }

    /// `verb` + `object` + `separator` + `name` + `words`: one string grown in place (the plan writes
    /// one of these per step).
    static func command(_ verb: String, _ object: String, _ separator: String, _ name: String,
                        _ words: String) -> String {
        var text = verb
        text.reserveCapacity(verb.utf8.count + object.utf8.count + separator.utf8.count + name.utf8.count
                             + words.utf8.count)
        text += object
        text += separator
        text += name
        text += words
        return text
    }

    /// The request that takes `old` to `rate` (unlisted attributes: unchanged, or with `prune` reset),
    /// its devlink words in the kernel's order (each after a space, ready to follow the object), and
    /// `name old → new` notes joined by ", ". Strings grown in place, not lists: a plan has a rate
    /// step per node and leaf. `notes: false` leaves the notes out (a new node has no old values
    /// worth saying).
    static func rateChanges(_ rate: RateDocument, _ old: RateObject, prune: Bool, notes withNotes: Bool = true)
        -> (RateChanges, words: String, notes: String) {
        var changes = RateChanges()
        var words = ""
        var notes = ""
        /// Whether to write a note, with the separator written when it is not the first.
        func noting() -> Bool {
            guard withNotes else { return false }
            if !notes.isEmpty { notes += ", " }
            return true
        }
        /// A number attribute's new value (nil: no change): unlisted, it is unchanged, or with `prune`
        /// back to 0.
        func changed<Value: BinaryInteger>(_ word: String, _ wanted: Value?, _ current: Value,
                                           _ text: (Value) -> String) -> Value? {
            guard let new = wanted ?? (prune ? 0 : nil), new != current else { return nil }
            let newText = text(new)
            words += " "
            words += word
            words += " "
            words += newText
            if noting() {
                notes += word
                notes += " "
                notes += text(current)
                notes += " → "
                notes += newText
            }
            return new
        }
        changes.txShare = changed("tx_share", rate.txShare, old.txShare, AttributeCodec.rateWord)
        changes.txMax = changed("tx_max", rate.txMax, old.txMax, AttributeCodec.rateWord)
        changes.txPriority = changed("tx_priority", rate.txPriority, old.txPriority) { String($0) }
        changes.txWeight = changed("tx_weight", rate.txWeight, old.txWeight) { String($0) }
        if let shares = rate.tcBandwidths ?? (prune ? RateObject.noBandwidths : nil), shares != old.tcBandwidths {
            changes.tcBandwidths = shares.enumerated().map { TrafficClassBandwidth(index: UInt8($0.offset), bandwidth: $0.element) }
            words += " tc-bw " + AttributeCodec<[UInt32]>.shares.word(shares)
            if noting() { notes += "tc-bw changed" }
        }
        if let parent = rate.parent ?? (prune ? "" : nil), parent != (old.parent ?? "") {
            changes.parent = parent
            if parent.isEmpty {
                words += " noparent"
            } else {
                words += " parent "
                words += parent
            }
            if noting() {
                notes += "parent "
                notes += old.parent ?? "none"
                notes += " → "
                notes += parent.isEmpty ? "none" : parent
            }
        }
        return (changes, words, notes)
    }
}

/// One thing a rate tree cannot honour, with the handles involved.
public struct RateFinding: Equatable, Sendable {
    public enum Rule: String, Sendable, CaseIterable {
        /// Children's tx_share add up to more than the parent's tx_max.
        case sharesAboveParentMax = "shares-above-parent-max"
        /// Siblings' tx_share add up to more than the uplink.
        case sharesAboveLink = "shares-above-link"
        /// tx_share above the object's own tx_max.
        case shareAboveMax = "share-above-max"
        /// tx_priority / tx_weight on a driver that does not arbitrate by them.
        case ignoredPriorityWeight = "ignored-priority-weight"
        /// A leaf whose ancestors (or the link) cap it below its own tx_share.
        case cappedBelowShare = "capped-below-share"
        /// A VF with rates from both devlink and `ip link set ... vf N max_tx_rate/min_tx_rate`.
        case vfRateConflict = "vf-rate-conflict"
    }

    public var rule: Rule
    /// The objects involved, the one to fix first.
    public var handles: [String]
    /// The rate that is too high (a sum of shares, a share), bytes/s.
    public var amount: UInt64
    /// The limit it runs into (a tx_max, the link), bytes/s.
    public var limit: UInt64
    /// For `cappedBelowShare`: the ancestor whose tx_max caps the leaf, nil for the link.
    /// For `ignoredPriorityWeight`: amount is tx_priority, limit tx_weight.
    public var limitedBy: String?

    private func shares(_ names: [String], _ rate: (UInt64) -> String) -> String {
        names.count == 1 ? "the tx_share of \(names[0]) is \(rate(amount))"
            : "the tx_share of \(names.joined(separator: ", ")) add up to \(rate(amount))"
    }

    /// The sentence a report prints; `rate` formats a rate as the caller's output does.
    public func message(_ rate: (UInt64) -> String) -> String {
        let first = handles.first ?? ""
        switch rule {
        case .sharesAboveParentMax:
            return "\(shares(Array(handles.dropFirst()), rate)), above the tx_max \(rate(limit)) of \(first)"
        case .sharesAboveLink:
            return "\(shares(handles, rate)), above the link speed \(rate(limit))"
        case .shareAboveMax:
            return "\(first) has tx_share \(rate(amount)) above its own tx_max \(rate(limit))"
        case .ignoredPriorityWeight:
            let what = [amount > 0 ? "tx_priority \(amount)" : nil, limit > 0 ? "tx_weight \(limit)" : nil].compactMap { $0 }
            return "\(first) sets \(what.joined(separator: " and ")), which the driver does not arbitrate by"
        case .cappedBelowShare:
            let by = limitedBy.map { "the tx_max of \($0)" } ?? "the link speed"
            return "\(first) has tx_share \(rate(amount)) but \(by) caps it at \(rate(limit))"
        case .vfRateConflict:
            return "\(first) has devlink rates and ip link VF rates (min_tx_rate \(rate(amount)), max_tx_rate \(rate(limit))); both program the same vport and the last one set wins"
        }
    }
}

/// `rate lint`: the trees `simulate` can only answer with "not what you asked for".
public enum RateLinter {
    /// `vfLinkRates`: per leaf, the rates `ip link` set on its VF (min, max in bytes/s), when the
    /// backend can read them.
    public static func lint(device: DeviceHandle, objects: [RateObject], arbitration: RateArbitration,
                            vfLinkRates: [RateHandle: (minTx: UInt64, maxTx: UInt64)] = [:]) throws(RateTree.Invalid) -> [RateFinding] {
        let own = objects.filter { $0.handle.device == device }
        // The plain tree (no group0): findings name the user's objects, not driver internals.
        let tree = try RateTree(own)
        let e = tree.elements
        var findings: [RateFinding] = []
        for p in tree.preorder {
            let children = e[p].children.compactMap { e[$0].object }.filter { $0.txShare > 0 }
            guard !children.isEmpty else { continue }
            let sum = children.reduce(UInt64(0)) { $0 &+ $1.txShare }
            let names = children.map(\.handle.description)
            if let parent = e[p].object, parent.txMax > 0, sum > parent.txMax {
                findings.append(RateFinding(rule: .sharesAboveParentMax, handles: [parent.handle.description] + names,
                                            amount: sum, limit: parent.txMax))
            }
            if let link = arbitration.link, sum > link {
                findings.append(RateFinding(rule: .sharesAboveLink, handles: names, amount: sum, limit: link))
            }
        }
        for i in tree.preorder {
            guard let object = e[i].object else { continue }
            let handle = object.handle.description
            if object.txMax > 0, object.txShare > object.txMax {
                findings.append(RateFinding(rule: .shareAboveMax, handles: [handle], amount: object.txShare,
                                            limit: object.txMax))
            }
            if !arbitration.honoursPriorityAndWeight, object.txPriority > 0 || object.txWeight > 0 {
                findings.append(RateFinding(rule: .ignoredPriorityWeight, handles: [handle],
                                            amount: UInt64(object.txPriority), limit: UInt64(object.txWeight)))
            }
            if e[i].kind == .leaf, object.txShare > 0 {
                // The tightest cap above the leaf: an ancestor's tx_max or the link.
                var tightest: (limit: UInt64, by: String)?
                for a in tree.ancestors(of: i) {
                    if let max = e[a].object?.txMax, max > 0, max < (tightest?.limit ?? .max) {
                        tightest = (max, e[a].handle ?? "")
                    }
                }
                if let link = arbitration.link, link < (tightest?.limit ?? .max) { tightest = (link, "link") }
                if let tightest, tightest.limit < object.txShare {
                    let ancestor = tightest.by == "link" ? nil : tightest.by
                    findings.append(RateFinding(rule: .cappedBelowShare, handles: [handle] + (ancestor.map { [$0] } ?? []),
                                                amount: object.txShare, limit: tightest.limit, limitedBy: ancestor))
                }
            }
            if let vf = vfLinkRates[object.handle], vf.minTx > 0 || vf.maxTx > 0, object.txShare > 0 || object.txMax > 0 {
                // mlx5: ndo_set_vf_rate (mlx5_eswitch_set_vport_rate) and the devlink leaf ops write the
                // same vport min_rate/max_rate, so whichever ran last is in force.
                findings.append(RateFinding(rule: .vfRateConflict, handles: [handle], amount: vf.minTx, limit: vf.maxTx))
            }
        }
        return findings
    }
}


import DevlinkModel

/// What `port function rate ...` commands do against the session.
enum RateActions {
    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        if case .rate(let h)? = p.handle { return .rates([try c.session.rate(h)], single: true) }
        return .rates(try c.session.rates(of: p.device), single: false)
    }

    @Sendable static func add(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .rate(let h)? = p.handle else { return .none }
        let changes = try self.changes(p)
        // iproute2 checks tx_share <= tx_max on add only when both are given.
        if let share = changes.txShare, let max = changes.txMax { try checkShare(share, max, p) }
        try c.session.addRateNode(h, changes)
        return .none
    }

    @Sendable static func set(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .rate(let h)? = p.handle else { return .none }
        let changes = try self.changes(p)
        // On set with only one of the two, iproute2 reads the object and compares with the other.
        if changes.txShare != nil || changes.txMax != nil {
            var share = changes.txShare, max = changes.txMax
            if share == nil || max == nil {
                let current = try c.session.rate(h)
                share = share ?? current.txShare
                max = max ?? current.txMax
            }
            try checkShare(share ?? 0, max ?? 0, p)
        }
        try c.session.setRate(h, changes)
        return .none
    }

    @Sendable static func delete(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .rate(let h)? = p.handle else { return .none }
        try c.session.deleteRateNode(h)
        return .none
    }

    private static func changes(_ p: ParsedCommand) throws -> RateChanges {
        var changes = RateChanges()
        changes.txShare = p.rate("tx_share")
        changes.txMax = p.rate("tx_max")
        changes.txPriority = p.number("tx_priority").map { UInt32($0) }
        changes.txWeight = p.number("tx_weight").map { UInt32($0) }
        if p.has("parent") { changes.parent = p.setter("parent") == "noparent" ? "" : (p.word("parent") ?? "") }
        if let shares = p.trafficClasses("tc-bw") {
            changes.tcBandwidths = shares.enumerated().map { TrafficClassBandwidth(index: UInt8($0.offset), bandwidth: $0.element) }
        }
        return changes
    }

    private static func checkShare(_ share: UInt64, _ max: UInt64, _ p: ParsedCommand) throws {
        if max != 0 && share > max {
            throw ClientError("Invalid. Expected tx_share <= tx_max or tx_share == 0.",
                              word: p.wordIndex("tx_share") ?? p.wordIndex("tx_max"))
        }
    }
}

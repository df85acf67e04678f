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
        var txShare, txMax: UInt64?, txPriority, txWeight: UInt32?, parent: String?, tcBandwidths: [TrafficClassBandwidth]?
        // One pass over what was set: asking for each of the six keys searched the settings six times.
        p.forEachOption { key, name, value in
            switch (key, value) {
            case ("tx_share", .rate(let n)): txShare = n
            case ("tx_max", .rate(let n)): txMax = n
            case ("tx_priority", .number(let n)): txPriority = UInt32(n)
            case ("tx_weight", .number(let n)): txWeight = UInt32(n)
            case ("parent", .word(let node)): parent = name == "noparent" ? "" : node
            case ("parent", _): parent = ""
            case ("tc-bw", .trafficClasses(let shares)):
                tcBandwidths = shares.enumerated().map { TrafficClassBandwidth(index: UInt8($0.offset), bandwidth: $0.element) }
            default: break
            }
        }
        return RateChanges(txShare: txShare, txMax: txMax, txPriority: txPriority, txWeight: txWeight, parent: parent,
                           tcBandwidths: tcBandwidths)
    }

    private static func checkShare(_ share: UInt64, _ max: UInt64, _ p: ParsedCommand) throws {
        if max != 0 && share > max {
            throw ClientError("Invalid. Expected tx_share <= tx_max or tx_share == 0.",
                              word: p.wordIndex("tx_share") ?? p.wordIndex("tx_max"))
        }
    }
}

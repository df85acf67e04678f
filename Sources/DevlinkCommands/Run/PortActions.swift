import DevlinkModel

/// What `port ...` commands do against the session.
enum PortActions {
    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        switch p.handle {
        case .port(let h)?: return .ports([try c.session.port(h)], single: true)
        case .device(let d)?: return .ports(try c.session.ports(of: d), single: false)
        default: return .ports(try c.session.ports(of: nil), single: false)
        }
    }

    @Sendable static func setType(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .port(let h)? = p.handle, let t = p.word("type"), let type = PortType(name: t) else { return .none }
        try c.session.setPortType(h, type)
        return .none
    }

    @Sendable static func split(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .port(let h)? = p.handle, let n = p.number("count") else { return .none }
        try c.session.splitPort(h, count: UInt32(n))
        return .none
    }

    @Sendable static func unsplit(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .port(let h)? = p.handle else { return .none }
        try c.session.unsplitPort(h)
        return .none
    }

    @Sendable static func functionSet(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .port(let h)? = p.handle else { return .none }
        var changes = PortFunctionChanges()
        changes.hwAddr = p.mac("hw_addr")
        if let s = p.word("state") { changes.state = FunctionState(name: s) }
        changes.roce = p.bool("roce")
        changes.migratable = p.bool("migratable")
        changes.ipsecCrypto = p.bool("ipsec_crypto")
        changes.ipsecPacket = p.bool("ipsec_packet")
        if let n = p.number("max_io_eqs") { changes.maxIOEQs = UInt32(n) }
        // devlink sends no function nest at all when nothing was given; the kernel then does nothing.
        if changes.isEmpty { return .none }
        try c.session.setPortFunction(h, changes)
        return .none
    }

    /// `port add` prints the new port as `port show` does.
    @Sendable static func add(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let handle = p.handle, let device = handle.device else { return .none }
        var index: UInt32?
        if case .port(let h) = handle { index = h.index }
        let request = PortAddRequest(
            device: device, portIndex: index,
            flavour: p.word("flavour").flatMap { PortFlavour(name: $0) },
            pfnum: p.number("pfnum").map { UInt16($0) },
            sfnum: p.number("sfnum").map { UInt32($0) },
            controller: p.number("controller").map { UInt32($0) })
        return .ports([try c.session.addPort(request)], single: true)
    }

    @Sendable static func delete(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .port(let h)? = p.handle else { return .none }
        try c.session.deletePort(h)
        return .none
    }
}

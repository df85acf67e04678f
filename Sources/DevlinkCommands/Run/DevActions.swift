import DevlinkModel

/// What `dev ...` commands do against the session.
enum DevActions {
    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        // A backend without ListDeviceStatus (an embedder's) answers EOPNOTSUPP: then handles alone.
        let statuses: [DeviceStatus]
        do {
            statuses = try c.session.perform(ListDeviceStatus())
        } catch let error as DevlinkError where error.errno == .EOPNOTSUPP {
            statuses = try c.session.devices().map { DeviceStatus(device: $0, reloadFailed: false) }
        }
        var shown = statuses
        if let device = p.device {
            guard let one = statuses.first(where: { $0.device == device }) else { throw DevlinkError(.ENODEV) }
            shown = [one]
        }
        // devlink prints more than the handle only for a failed reload, or with -s the stats (pr_out_dev).
        if !c.statistics { shown = shown.map { DeviceStatus(device: $0.device, reloadFailed: $0.reloadFailed) } }
        if shown.contains(where: { $0.reloadFailed || $0.stats != nil }) {
            return .object(ObjectResult(DeviceStatuses(statuses: shown, single: p.device != nil)))
        }
        return .devices(shown.map(\.device), single: p.device != nil)
    }

    @Sendable static func eswitchShow(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device else { return .none }
        return .eswitch(device, try c.session.eswitch(device))
    }

    @Sendable static func eswitchSet(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device else { return .none }
        var changes = EswitchChanges()
        if let m = p.word("mode") { changes.mode = EswitchMode(name: m) }
        if let m = p.word("inline-mode") { changes.inlineMode = EswitchInlineMode(name: m) }
        if let m = p.word("encap-mode") {
            changes.encapMode = m == "enable" ? .basic : m == "disable" ? EswitchEncapMode.none : EswitchEncapMode(name: m)
        }
        if changes.isEmpty { throw ClientError("Need to set at least one option", errno: .ENOENT, word: 0) }
        try c.session.setEswitch(device, changes)
        return .none
    }

    @Sendable static func paramShow(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device, let name = p.word("name") else {
            return .params(try c.session.params(of: nil), single: false)
        }
        return .params([try c.session.param(device, name: name)], single: true)
    }

    /// Like devlink: read the parameter's type first, convert the value to it, skip the request when
    /// the value is already set.
    @Sendable static func paramSet(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device, let name = p.word("name"), let text = p.word("value"),
              let cmodeName = p.word("cmode"), let cmode = ParamCMode(name: cmodeName) else { return .none }
        let param = try c.session.param(device, name: name)
        guard let current = param.value(in: cmode) else {
            throw ClientError("Configuration mode not supported", errno: .EOPNOTSUPP, word: p.wordIndex("cmode"))
        }
        let bad = ClientError("Value \"\(text)\" is not a number or not within range", word: p.wordIndex("value"),
                              hint: "\(name) is of type \(param.type.name)")
        let value: ParamValue
        switch param.type {
        case .u8:
            guard let n = WordParsers.unsigned(text, max: UInt64(UInt8.max)) else { throw bad }
            value = .u8(UInt8(n))
        case .u16:
            guard let n = WordParsers.unsigned(text, max: UInt64(UInt16.max)) else { throw bad }
            value = .u16(UInt16(n))
        case .u32:
            guard let n = WordParsers.unsigned(text, max: UInt64(UInt32.max)) else { throw bad }
            value = .u32(UInt32(n))
        case .u64:
            guard let n = WordParsers.unsigned(text, max: UInt64.max) else { throw bad }
            value = .u64(n)
        case .bool:
            guard let b = WordParsers.bool(text) else { throw bad }
            value = .bool(b)
        case .string:
            value = .string(text)
        }
        if value == current { return .none }
        try c.session.setParam(device, name: name, value: value, cmode: cmode)
        return .none
    }

    @Sendable static func info(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        if let device = p.device { return .info([try c.session.info(device)], single: true) }
        return .info(try c.session.devices().map { try c.session.info($0) }, single: false)
    }

    @Sendable static func sriovSet(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device, let n = p.number("numvfs") else { return .none }
        try c.session.setSriovNumVFs(device, UInt32(n))
        return .none
    }
}

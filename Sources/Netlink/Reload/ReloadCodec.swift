import DevlinkModel

extension DevlinkRequest {
    /// DEVLINK_CMD_RELOAD as iproute2's cmd_dev_reload builds it: the handle, RELOAD_ACTION (u8) when
    /// an action is given, RELOAD_LIMITS as a bitfield32 (the limit's bit, under the operation's
    /// selector: devlink's DEVLINK_RELOAD_LIMITS_VALID_MASK unless the caller chose another).
    public static func reload(_ op: ReloadDevice, netnsFD: Int32? = nil) -> DevlinkRequest {
        var w = AttributeWriter()
        w.put(op.device)
        // dl_opts_put: the namespace before the action.
        if case .pid(let pid)? = op.netns { w.putU32(DevlinkAttr.netnsPID, pid) }
        if let fd = netnsFD { w.putU32(DevlinkAttr.netnsFD, UInt32(bitPattern: fd)) }
        if let action = op.action { w.putU8(DevlinkAttr.reloadAction, action.rawValue) }
        if let limit = op.limit {
            w.putBitfield32(DevlinkAttr.reloadLimits, value: 1 << UInt32(limit.rawValue), selector: op.limitSelector)
        }
        return DevlinkRequest(command: DevlinkCommand.reload, attributes: w.bytes)
    }
}

extension DevlinkDecoder {
    /// The RELOAD reply (devlink_nl_reload_actions_performed_snd): handle and the performed actions.
    static func reloadActions(_ a: some AttributeLookup) throws -> [ReloadAction] {
        let performed = try a.require(DevlinkAttr.reloadActionsPerformed, "DEVLINK_ATTR_RELOAD_ACTIONS_PERFORMED")
            .bitfield32()
        let bits = performed.value & performed.selector
        return ReloadAction.allCases.filter { bits & (1 << UInt32($0.rawValue)) != 0 }
    }
}

extension DevlinkDecoder {
    /// DEVLINK_ATTR_DEV_STATS of a DEVLINK_CMD_GET reply (devlink_nl_fill, devlink_reload_stats_put);
    /// nil when the kernel sent none. Actions or limits this dls does not know are skipped.
    static func reloadStats(_ a: some AttributeLookup) throws -> ReloadStats? {
        guard let nest = a[DevlinkAttr.devStats] else { return nil }
        let stats = try nest.nested()
        func actions(_ type: UInt16) throws -> [ReloadStats.Action] {
            guard let list = stats[type] else { return [] }
            return try list.nested().all(DevlinkAttr.reloadActionInfo).compactMap { info in
                let entry = try info.nested()
                guard let raw = try entry.u8(DevlinkAttr.reloadAction), let action = ReloadAction(rawValue: raw) else { return nil }
                let counts = try entry[DevlinkAttr.reloadActionStats]?.nested().all(DevlinkAttr.reloadStatsEntry).compactMap { e -> ReloadStats.Count? in
                    let c = try e.nested()
                    guard let limit = try c.u8(DevlinkAttr.reloadStatsLimit), let value = try c.u32(DevlinkAttr.reloadStatsValue) else { return nil }
                    if limit == 0 { return ReloadStats.Count(limit: nil, value: value) }
                    guard let known = ReloadLimit(rawValue: limit) else { return nil }
                    return ReloadStats.Count(limit: known, value: value)
                } ?? []
                return ReloadStats.Action(action: action, counts: counts)
            }
        }
        return ReloadStats(local: try actions(DevlinkAttr.reloadStats), remote: try actions(DevlinkAttr.remoteReloadStats))
    }
}

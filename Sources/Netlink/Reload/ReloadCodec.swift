import DevlinkModel

extension DevlinkRequest {
    /// DEVLINK_CMD_RELOAD as iproute2's cmd_dev_reload builds it: the handle, RELOAD_ACTION (u8) when
    /// an action is given, RELOAD_LIMITS as a bitfield32 (the limit's bit, under the operation's
    /// selector: devlink's DEVLINK_RELOAD_LIMITS_VALID_MASK unless the caller chose another).
    public static func reload(_ op: ReloadDevice) -> DevlinkRequest {
        var w = AttributeWriter()
        w.put(op.device)
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

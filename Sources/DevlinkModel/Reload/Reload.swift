/// `enum devlink_reload_action`: what a `dev reload` does (uapi/linux/devlink.h).
public enum ReloadAction: UInt8, DevlinkNamed, CaseIterable, Codable {
    case driverReinit = 1, fwActivate = 2

    /// iproute2's reload_action_name.
    public var name: String {
        switch self {
        case .driverReinit: "driver_reinit"
        case .fwActivate: "fw_activate"
        }
    }
}

/// `enum devlink_reload_limit`: what a reload must not do.
public enum ReloadLimit: UInt8, DevlinkNamed, CaseIterable, Codable {
    case noReset = 1

    public var name: String { "no_reset" }
}

/// `dev reload DEV [ action A ] [ limit L ]` (DEVLINK_CMD_RELOAD).
///
/// `action` nil sends no DEVLINK_ATTR_RELOAD_ACTION: the kernel then does driver_reinit and, for
/// backward compatibility, answers with an ACK alone (devlink_nl_reload_doit), so the reply's
/// `actionsPerformed` is nil unless an action or a limit was given.
public struct ReloadDevice: DeviceOperation {
    public typealias Reply = ReloadReply
    public static let command = "DEVLINK_CMD_RELOAD"
    public var device: DeviceHandle
    public var action: ReloadAction?
    public var limit: ReloadLimit?
    /// The RELOAD_LIMITS bitfield's selector. devlink sends every valid limit bit
    /// (DEVLINK_RELOAD_LIMITS_VALID_MASK, bits 0-1), which the kernel's generated policy refuses (see
    /// the emulator's reload); a client that selects only its limit's bit gets past it.
    public var limitSelector: UInt32

    /// DEVLINK_RELOAD_LIMITS_VALID_MASK as uapi defines it: BIT(__DEVLINK_RELOAD_LIMIT_MAX) - 1.
    public static let devlinkLimitSelector: UInt32 = 0b11

    public init(_ device: DeviceHandle, action: ReloadAction? = nil, limit: ReloadLimit? = nil,
                limitSelector: UInt32 = ReloadDevice.devlinkLimitSelector) {
        (self.device, self.action, self.limit, self.limitSelector) = (device, action, limit, limitSelector)
    }
}

/// What a successful reload answers.
public struct ReloadReply: Equatable, Sendable {
    public var device: DeviceHandle
    /// DEVLINK_ATTR_RELOAD_ACTIONS_PERFORMED, in bit order; nil when the kernel sent only an ACK.
    public var actionsPerformed: [ReloadAction]?
    /// The extack of the successful reply (mlx5: "reload while VFs are present is unfavorable").
    public var warning: String?

    public init(device: DeviceHandle, actionsPerformed: [ReloadAction]?, warning: String? = nil) {
        (self.device, self.actionsPerformed, self.warning) = (device, actionsPerformed, warning)
    }
}

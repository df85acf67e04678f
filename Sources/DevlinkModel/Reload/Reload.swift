/// `enum devlink_reload_action`: what a `dev reload` does (uapi/linux/devlink.h).
public enum ReloadAction: UInt8, DevlinkNameTable, Codable {
    case driverReinit = 1, fwActivate = 2

    /// iproute2's reload_action_name.
    public static let spellings = ["driver_reinit", "fw_activate"]
    public static let firstRawValue: UInt8 = 1
}

/// `enum devlink_reload_limit`: what a reload must not do.
public enum ReloadLimit: UInt8, DevlinkNameTable, Codable {
    case noReset = 1

    public static let spellings = ["no_reset"]
    public static let firstRawValue: UInt8 = 1
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
    /// `netns`: the network namespace to move the device to (DEVLINK_ATTR_NETNS_FD / _PID).
    public var netns: ReloadNamespace?

    /// DEVLINK_RELOAD_LIMITS_VALID_MASK as uapi defines it: BIT(__DEVLINK_RELOAD_LIMIT_MAX) - 1.
    public static let devlinkLimitSelector: UInt32 = 0b11

    public init(_ device: DeviceHandle, action: ReloadAction? = nil, limit: ReloadLimit? = nil,
                limitSelector: UInt32 = ReloadDevice.devlinkLimitSelector, netns: ReloadNamespace? = nil) {
        (self.device, self.action, self.limit, self.limitSelector) = (device, action, limit, limitSelector)
        self.netns = netns
    }
}

/// Where `dev reload ... netns` moves a device, as devlink resolves the word (dl_argv_parse,
/// netns_get_fd): a namespace file (a name under /var/run/netns, or a path), sent as an open fd
/// (DEVLINK_ATTR_NETNS_FD), else a number, a process whose namespace it is (DEVLINK_ATTR_NETNS_PID).
public enum ReloadNamespace: Equatable, Sendable {
    case file(String)
    case pid(UInt32)
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

/// `dev show` with what devlink prints beside the handle: DEVLINK_ATTR_RELOAD_FAILED (set while the
/// last reload's reload_up failed). The same DEVLINK_CMD_GET dump as `ListDevices`.
public struct ListDeviceStatus: DeviceQuery {
    public typealias Reply = [DeviceStatus]
    public static let command = "DEVLINK_CMD_GET"
    public init() {}
}

public struct DeviceStatus: Equatable, Sendable {
    public var device: DeviceHandle
    public var reloadFailed: Bool
    /// DEVLINK_ATTR_DEV_STATS (`dev show -s`), nil when the backend did not read it.
    public var stats: ReloadStats?
    public init(device: DeviceHandle, reloadFailed: Bool, stats: ReloadStats? = nil) {
        (self.device, self.reloadFailed, self.stats) = (device, reloadFailed, stats)
    }
}

/// DEVLINK_ATTR_DEV_STATS: how many reloads performed each action, per limit, requested on this host
/// (RELOAD_STATS) and from elsewhere (REMOTE_RELOAD_STATS), as devlink_reload_stats_put lists them.
public struct ReloadStats: Equatable, Sendable {
    /// One action's counters (DEVLINK_ATTR_RELOAD_ACTION_INFO).
    public struct Action: Equatable, Sendable {
        public var action: ReloadAction
        /// Per limit (nil: unspecified), in limit order (DEVLINK_ATTR_RELOAD_STATS_ENTRY).
        public var counts: [Count]
        public init(action: ReloadAction, counts: [Count]) { (self.action, self.counts) = (action, counts) }
    }

    public struct Count: Equatable, Sendable {
        public var limit: ReloadLimit?
        public var value: UInt32
        public init(limit: ReloadLimit?, value: UInt32) { (self.limit, self.value) = (limit, value) }
    }

    public var local: [Action]
    public var remote: [Action]
    public init(local: [Action], remote: [Action]) { (self.local, self.remote) = (local, remote) }

    /// The counter index devlink keeps: limit * __DEVLINK_RELOAD_ACTION_MAX + action.
    public static func index(_ action: ReloadAction, _ limit: ReloadLimit?) -> Int {
        Int(limit?.rawValue ?? 0) * 3 + Int(action.rawValue)
    }

    /// devlink_reload_stats_put: local stats list the driver's actions and, of the limits, unspecified
    /// and the driver's; remote stats every action and limit; both skip the invalid combination
    /// (driver_reinit with no_reset). `counters` is indexed by `index(_:_:)`.
    public static func listing(actions: Set<ReloadAction>, limits: Set<ReloadLimit>, remote: Bool,
                               counters: [UInt32]) -> [Action] {
        ReloadAction.allCases.filter { remote || actions.contains($0) }.map { action in
            let wanted: [ReloadLimit?] = [nil] + ReloadLimit.allCases.filter { remote || limits.contains($0) }
            return Action(action: action, counts: wanted.filter { !(action == .driverReinit && $0 == .noReset) }.map { limit in
                let i = index(action, limit)
                return Count(limit: limit, value: i < counters.count ? counters[i] : 0)
            })
        }
    }
}

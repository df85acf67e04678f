/// `enum devlink_health_reporter_state`.
public enum HealthState: UInt8, DevlinkNamed, Codable {
    case healthy = 0, error = 1

    public var name: String {
        switch self {
        case .healthy: "healthy"
        case .error: "error"
        }
    }
}

/// One health reporter as HEALTH_REPORTER_GET reports it (devlink_nl_health_reporter_fill).
public struct HealthReporter: Equatable, Sendable {
    public var device: DeviceHandle
    public var name: String
    public var state: HealthState
    public var errorCount: UInt64
    public var recoverCount: UInt64
    /// Only for reporters with a recover op.
    public var gracePeriod: UInt64?
    public var autoRecover: Bool?
    /// Only for reporters with a dump op.
    public var autoDump: Bool?

    public init(device: DeviceHandle, name: String, state: HealthState = .healthy, errorCount: UInt64 = 0,
                recoverCount: UInt64 = 0, gracePeriod: UInt64? = nil, autoRecover: Bool? = nil, autoDump: Bool? = nil) {
        self.device = device
        self.name = name
        self.state = state
        self.errorCount = errorCount
        self.recoverCount = recoverCount
        self.gracePeriod = gracePeriod
        self.autoRecover = autoRecover
        self.autoDump = autoDump
    }
}

/// `health show` (HEALTH_REPORTER_GET dump): every device's reporters, or one device's.
public struct ListHealthReporters: DeviceQuery {
    public typealias Reply = [HealthReporter]
    public static let command = "DEVLINK_CMD_HEALTH_REPORTER_GET"
    public var device: DeviceHandle?
    public init(of device: DeviceHandle?) { self.device = device }
}

/// `health show DEV reporter NAME` (HEALTH_REPORTER_GET do).
public struct GetHealthReporter: DeviceQuery {
    public typealias Reply = HealthReporter
    public static let command = "DEVLINK_CMD_HEALTH_REPORTER_GET"
    public var device: DeviceHandle
    public var name: String
    public init(_ device: DeviceHandle, name: String) { (self.device, self.name) = (device, name) }
}

/// `health set DEV reporter NAME [grace_period MS] [auto_recover B] [auto_dump B]`.
public struct SetHealthReporter: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_HEALTH_REPORTER_SET"
    public var device: DeviceHandle
    public var name: String
    public var gracePeriod: UInt64?
    public var autoRecover: Bool?
    public var autoDump: Bool?
    public init(_ device: DeviceHandle, name: String, gracePeriod: UInt64? = nil, autoRecover: Bool? = nil,
                autoDump: Bool? = nil) {
        (self.device, self.name, self.gracePeriod, self.autoRecover, self.autoDump) =
            (device, name, gracePeriod, autoRecover, autoDump)
    }
}

/// `health recover DEV reporter NAME`.
public struct RecoverHealthReporter: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_HEALTH_REPORTER_RECOVER"
    public var device: DeviceHandle
    public var name: String
    public init(_ device: DeviceHandle, name: String) { (self.device, self.name) = (device, name) }
}

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
    /// A port reporter's port (DEVLINK_ATTR_PORT_INDEX), nil for a device reporter.
    public var port: UInt32?
    public var name: String
    public var state: HealthState
    public var errorCount: UInt64
    public var recoverCount: UInt64
    /// Only for reporters with a recover op.
    public var gracePeriod: UInt64?
    /// DEVLINK_ATTR_HEALTH_REPORTER_BURST_PERIOD (6.18+), only for reporters with a recover op.
    public var burstPeriod: UInt64?
    public var autoRecover: Bool?
    /// Only for reporters with a dump op.
    public var autoDump: Bool?
    /// DEVLINK_ATTR_HEALTH_REPORTER_DUMP_TS_NS: when the stored dump was taken (CLOCK_REALTIME, ns),
    /// nil while no dump is stored.
    public var lastDump: UInt64?

    public init(device: DeviceHandle, port: UInt32? = nil, name: String, state: HealthState = .healthy,
                errorCount: UInt64 = 0, recoverCount: UInt64 = 0, gracePeriod: UInt64? = nil, burstPeriod: UInt64? = nil,
                autoRecover: Bool? = nil, autoDump: Bool? = nil, lastDump: UInt64? = nil) {
        self.device = device
        self.port = port
        self.name = name
        self.state = state
        self.errorCount = errorCount
        self.recoverCount = recoverCount
        self.gracePeriod = gracePeriod
        self.burstPeriod = burstPeriod
        self.autoRecover = autoRecover
        self.autoDump = autoDump
        self.lastDump = lastDump
    }

    /// `DEV` or `DEV/PORT`, as devlink prints the reporter's owner.
    public var owner: String { port.map { "\(device)/\($0)" } ?? device.description }
}

/// `health show` (HEALTH_REPORTER_GET dump): every device's reporters, or one device's.
public typealias ListHealthReporters = DumpRead<HealthReportersDump>
public enum HealthReportersDump: ReadSubject {
    public typealias Reply = [HealthReporter]; public static let command = "DEVLINK_CMD_HEALTH_REPORTER_GET"
}

/// `health show DEV reporter NAME` (HEALTH_REPORTER_GET do).
public typealias GetHealthReporter = HandleOperation<ReporterRead>
public enum ReporterRead: ReporterOperationKind, HandleQueryKind {
    public typealias Reply = HealthReporter; public static let command = "DEVLINK_CMD_HEALTH_REPORTER_GET"
}

/// `health set DEV reporter NAME [grace_period MS] [burst_period MS] [auto_recover B] [auto_dump B]`.
public struct SetHealthReporter: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_HEALTH_REPORTER_SET"
    public var device: DeviceHandle
    public var port: UInt32?
    public var name: String
    public var gracePeriod: UInt64?
    /// DEVLINK_ATTR_HEALTH_REPORTER_BURST_PERIOD: kernel 6.18 and later.
    public var burstPeriod: UInt64?
    public var autoRecover: Bool?
    public var autoDump: Bool?
    public init(_ device: DeviceHandle, port: UInt32? = nil, name: String, gracePeriod: UInt64? = nil,
                burstPeriod: UInt64? = nil, autoRecover: Bool? = nil, autoDump: Bool? = nil) {
        (self.device, self.port, self.name, self.gracePeriod, self.autoRecover, self.autoDump) =
            (device, port, name, gracePeriod, autoRecover, autoDump)
        self.burstPeriod = burstPeriod
    }

    public var policyNeeds: DevlinkFeatureSet { burstPeriod == nil ? [] : DevlinkFeatureSet(.healthBurstPeriod) }
}

/// `health recover DEV reporter NAME`.
public typealias RecoverHealthReporter = HandleOperation<ReporterRecover>
public enum ReporterRecover: ReporterOperationKind { public static let command = "DEVLINK_CMD_HEALTH_REPORTER_RECOVER" }

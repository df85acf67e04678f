/// A devlink capability that arrived with a kernel release: one row of the version table
/// (reference kernel-versions.md, docs/fidelity.md). Each row says how a running kernel shows it
/// (`probe`, read from its CTRL_CMD_GETPOLICY answer) and the first release that has it, with the
/// commit, so an older kernel's refusal can name the release to upgrade to.
public enum DevlinkFeature: String, CaseIterable, Sendable, Codable {
    /// The rate object (RATE_GET/SET/NEW/DEL); a kernel without it has no such commands.
    case rates
    /// DEVLINK_ATTR_RATE_TC_BWS in RATE_SET/RATE_NEW (`tc-bw`).
    case tcBandwidth
    /// DEVLINK_PORT_FN_ATTR_MAX_IO_EQS in PORT_SET's function nest (`max_io_eqs`).
    case maxIOEQs
    /// DEVLINK_ESWITCH_MODE_SWITCHDEV_INACTIVE (2) within ESWITCH_SET's ESWITCH_MODE range.
    case switchdevInactive
    /// DEVLINK_ATTR_PARAM_RESET_DEFAULT in PARAM_SET (`param set ... default`).
    case paramDefault
    /// DEVLINK_ATTR_HEALTH_REPORTER_BURST_PERIOD in HEALTH_REPORTER_SET.
    case healthBurstPeriod

    /// The name scripts read (`kernel().features.tc_bw`).
    public var scriptName: String {
        switch self {
        case .rates: "rates"
        case .tcBandwidth: "tc_bw"
        case .maxIOEQs: "max_io_eqs"
        case .switchdevInactive: "switchdev_inactive"
        case .paramDefault: "param_default"
        case .healthBurstPeriod: "health_burst_period"
        }
    }

    /// What the user typed that needs it, as a refusal names it (`tc-bw needs kernel 6.17 ...`).
    public var optionName: String {
        switch self {
        case .rates: "port function rate"
        case .tcBandwidth: "tc-bw"
        case .maxIOEQs: "max_io_eqs"
        case .switchdevInactive: "mode switchdev_inactive"
        case .paramDefault: "param default"
        case .healthBurstPeriod: "burst_period"
        }
    }

    /// The first kernel release with it.
    public var since: KernelVersion {
        switch self {
        case .rates: KernelVersion(5, 14)
        case .maxIOEQs: KernelVersion(6, 10)
        case .tcBandwidth: KernelVersion(6, 17)
        case .healthBurstPeriod: KernelVersion(6, 18)
        case .switchdevInactive, .paramDefault: KernelVersion(6, 19)
        }
    }

    /// The upstream commit(s) that brought it ("inferred": the release is worked out from the
    /// net-next merge date, reference kernel-versions.md).
    public var source: String {
        switch self {
        case .rates: "a8ecb93ef03d devlink: Introduce rate object"
        case .tcBandwidth: "566e8f108fc7 devlink: Extend devlink rate API with traffic classes bandwidth management"
        case .maxIOEQs: "5af3e3876d56 devlink: Support setting max_io_eqs"
        case .switchdevInactive: "0e535824d0bc devlink: Introduce switchdev_inactive eswitch mode"
        case .paramDefault: "param default/reset (inferred 6.19; iproute2 446dd2c1)"
        case .healthBurstPeriod: "health reporter burst_period (inferred 6.18; iproute2 56d3c996)"
        }
    }

    /// How the kernel's own policy shows the feature. `.release`: the policy cannot tell (6.12's
    /// PORT_SET dumps the function nest only up to CAPS, while port.c re-parses it with its own
    /// policy that has MAX_IO_EQS), so the running release decides.
    public var probe: FeatureProbe {
        switch self {
        case .rates: .command(FeatureProbe.Command.rateNew)
        case .tcBandwidth: .attribute(FeatureProbe.Command.rateSet, FeatureProbe.Attribute.rateTCBandwidths)
        case .maxIOEQs: .release
        case .switchdevInactive:
            .maximum(FeatureProbe.Command.eswitchSet, FeatureProbe.Attribute.eswitchMode, atLeast: 2)
        case .paramDefault: .attribute(FeatureProbe.Command.paramSet, FeatureProbe.Attribute.paramResetDefault)
        case .healthBurstPeriod:
            .attribute(FeatureProbe.Command.healthReporterSet, FeatureProbe.Attribute.healthReporterBurstPeriod)
        }
    }

    /// Its bit in a `DevlinkFeatureSet`.
    var bit: UInt32 {
        switch self {
        case .rates: 1 << 0
        case .tcBandwidth: 1 << 1
        case .maxIOEQs: 1 << 2
        case .switchdevInactive: 1 << 3
        case .paramDefault: 1 << 4
        case .healthBurstPeriod: 1 << 5
        }
    }
}

/// Where a feature shows in the policy dump. Numbers are the devlink uAPI's (devlink.md §1.2–1.4).
public enum FeatureProbe: Sendable, Equatable {
    /// The family lists the command.
    case command(UInt8)
    /// The command's do-policy has the attribute.
    case attribute(UInt8, UInt16)
    /// The command's do-policy bounds the attribute with a maximum of at least `atLeast`.
    case maximum(UInt8, UInt16, atLeast: UInt64)
    /// Decided by the kernel release alone.
    case release

    public enum Command {
        public static let eswitchSet: UInt8 = 30
        public static let paramSet: UInt8 = 39
        public static let healthReporterSet: UInt8 = 53
        public static let rateSet: UInt8 = 75
        public static let rateNew: UInt8 = 76
    }

    public enum Attribute {
        public static let eswitchMode: UInt16 = 25
        public static let rateTCBandwidths: UInt16 = 180
        public static let healthReporterBurstPeriod: UInt16 = 181
        public static let paramResetDefault: UInt16 = 183
    }
}

/// A set of features, as one word: an operation's needs are checked on every request (a batch of
/// `rate set` lines), so the check is a mask test, not a set allocation.
public struct DevlinkFeatureSet: OptionSet, Sendable, Hashable {
    public let rawValue: UInt32
    public init(rawValue: UInt32) { self.rawValue = rawValue }

    public init(_ feature: DevlinkFeature) { rawValue = feature.bit }

    public static let rates = DevlinkFeatureSet(.rates)
    public static let tcBandwidth = DevlinkFeatureSet(.tcBandwidth)
    public static let maxIOEQs = DevlinkFeatureSet(.maxIOEQs)
    public static let switchdevInactive = DevlinkFeatureSet(.switchdevInactive)

    /// Every feature of the table.
    public static let all = DevlinkFeatureSet(DevlinkFeature.allCases)

    public init(_ features: some Sequence<DevlinkFeature>) {
        rawValue = features.reduce(0) { $0 | $1.bit }
    }

    /// The members in table order.
    public var features: [DevlinkFeature] { DevlinkFeature.allCases.filter { contains(DevlinkFeatureSet($0)) } }
}

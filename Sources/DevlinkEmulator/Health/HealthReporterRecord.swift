import DevlinkModel

/// A health reporter: what the driver registered (its ops) and the core's state for it
/// (struct devlink_health_reporter, net/devlink/health.c).
struct HealthReporterRecord: Equatable, Sendable, Codable {
    var name: String
    var hasRecover: Bool
    var hasDump: Bool
    var state = HealthState.healthy
    var errorCount: UInt64 = 0
    var recoverCount: UInt64 = 0
    var gracePeriod: UInt64
    /// burst_period (6.18+); nil reads as 0.
    var burstPeriod: UInt64?
    /// devl_health_reporter_create: auto_recover = !!ops->recover, auto_dump = !!ops->dump.
    var autoRecover: Bool
    var autoDump: Bool
    /// The stored dump (dump_fmsg) and when it was taken (dump_real_ts, CLOCK_REALTIME ns).
    var dump: HealthMessage?
    var dumpTime: UInt64?
    /// last_recovery_ts: when the last recovery was done (the first of a burst), nil before any.
    var lastRecovery: EmulatorInstant?

    init(name: String, recover: Bool, dump: Bool, gracePeriod: UInt64 = 0) {
        self.name = name
        hasRecover = recover
        hasDump = dump
        self.gracePeriod = gracePeriod
        autoRecover = recover
        autoDump = dump
    }

    /// Which reporters have a diagnose op: every modelled one but mlx5's fw_fatal
    /// (mlx5_fw_fatal_reporter_ops has recover and dump only).
    var hasDiagnose: Bool { name != "fw_fatal" }

    /// devlink_nl_health_reporter_fill: grace period, burst period (when the kernel has it) and
    /// auto_recover only with a recover op, the dump time while a dump is stored, auto_dump only with a
    /// dump op.
    func reporter(device: DeviceHandle, port: UInt32? = nil, burst: Bool = false) -> HealthReporter {
        HealthReporter(device: device, port: port, name: name, state: state, errorCount: errorCount, recoverCount: recoverCount,
                       gracePeriod: hasRecover ? gracePeriod : nil, burstPeriod: hasRecover && burst ? burstPeriod ?? 0 : nil,
                       autoRecover: hasRecover ? autoRecover : nil, autoDump: hasDump ? autoDump : nil,
                       lastDump: dump == nil ? nil : dumpTime)
    }
}

/// The reporters drivers register.
extension EmulatorState {
    /// The device reporters a driver creates at probe, in creation order (the dump's order).
    static func defaultHealthReporters(_ config: DeviceConfig) -> [HealthReporterRecord] {
        switch config.profile {
        // nsim_dev_health_init: "empty" (dump and diagnose ops) and "dummy" (recover, dump, diagnose),
        // both with a grace period of 0.
        case .netdevsim:
            return [HealthReporterRecord(name: "empty", recover: false, dump: true),
                    HealthReporterRecord(name: "dummy", recover: true, dump: true)]
        // mlx5_health_init: mlx5_fw_reporters_create, "fw" (diagnose, dump) and "fw_fatal" (recover,
        // dump) with MLX5_FW_REPORTER_PF_GRACEFUL_PERIOD (60 s; 180 s on an ECPF), then
        // mlx5_reporter_vnic_create, the device's own "vnic" (diagnose only).
        case .mlx5:
            let grace: UInt64 = config.isECPF ? 180_000 : 60_000
            return [HealthReporterRecord(name: "fw", recover: false, dump: true),
                    HealthReporterRecord(name: "fw_fatal", recover: true, dump: true, gracePeriod: grace),
                    Self.vnicReporter]
        }
    }

    /// mlx5_reporter_vnic_ops / mlx5_esw_rep_vnic_reporter_ops: "vnic", diagnose only.
    static let vnicReporter = HealthReporterRecord(name: "vnic", recover: false, dump: false)

    /// An SF's own instance (mlx5_health_init on the SF's core device): a light probe
    /// (mlx5_dev_is_lightweight) skips the fw reporters, so only "vnic"; a full one has the non-PF fw
    /// reporters (mlx5_fw_reporter_ops: diagnose; mlx5_fw_fatal_reporter_ops: recover; grace
    /// MLX5_FW_REPORTER_DEFAULT_GRACEFUL_PERIOD, 30 s) before it.
    static func sfHealthReporters(light: Bool) -> [HealthReporterRecord] { light ? lightSFReporters : fullSFReporters }

    private static let lightSFReporters = [vnicReporter]
    private static let fullSFReporters = sfFWReporters + [vnicReporter]

    /// The non-PF fw reporters, which mlx5_devlink_reload_up also creates when a light SF reloads
    /// (after its vnic reporter: list_add_tail).
    static let sfFWReporters = [HealthReporterRecord(name: "fw", recover: false, dump: false),
                                HealthReporterRecord(name: "fw_fatal", recover: true, dump: false, gracePeriod: 30_000)]

    /// A port's reporters. mlx5's representors (VF, SF and host PF vports) each have "vnic"
    /// (mlx5_esw_offloads_devlink_port_register, mlx5_esw_rep_vnic_reporter_ops; cf14af140a5a):
    /// diagnose only, so no grace period, auto_recover or auto_dump, nothing to set, and mlx5 never
    /// reports an error on it, so it stays as created and is not stored.
    func portReporters(_ d: Int, _ index: UInt32) -> [HealthReporterRecord] {
        guard devices[d].profile == .mlx5, let record = devices[d].ports[index] else { return [] }
        switch record.role {
        case .vf, .sf, .hostPF: return [Self.vnicReporter]
        case .physical: return []
        }
    }
}

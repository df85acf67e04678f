import DevlinkModel

/// A device's health reporter: what the driver registered (its ops) and the core's state for it.
struct HealthReporterRecord: Equatable, Sendable, Codable {
    var name: String
    var hasRecover: Bool
    var hasDump: Bool
    var state = HealthState.healthy
    var errorCount: UInt64 = 0
    var recoverCount: UInt64 = 0
    var gracePeriod: UInt64
    /// devl_health_reporter_create: auto_recover = !!ops->recover, auto_dump = !!ops->dump.
    var autoRecover: Bool
    var autoDump: Bool

    init(name: String, recover: Bool, dump: Bool, gracePeriod: UInt64 = 0) {
        self.name = name
        hasRecover = recover
        hasDump = dump
        self.gracePeriod = gracePeriod
        autoRecover = recover
        autoDump = dump
    }

    /// devlink_nl_health_reporter_fill: grace period and auto_recover only with a recover op,
    /// auto_dump only with a dump op.
    func reporter(device: DeviceHandle) -> HealthReporter {
        HealthReporter(device: device, name: name, state: state, errorCount: errorCount, recoverCount: recoverCount,
                       gracePeriod: hasRecover ? gracePeriod : nil, autoRecover: hasRecover ? autoRecover : nil,
                       autoDump: hasDump ? autoDump : nil)
    }
}

/// HEALTH_REPORTER_GET / SET / RECOVER (net/devlink/health.c) over the reporters drivers register.
extension EmulatorState {
    /// The device reporters a driver creates at probe, in creation order (the dump's order).
    static func defaultHealthReporters(_ config: DeviceConfig) -> [HealthReporterRecord] {
        switch config.profile {
        // nsim_dev_health_init: "empty" (dump and diagnose ops) and "dummy" (recover, dump, diagnose),
        // both with a grace period of 0.
        case .netdevsim:
            return [HealthReporterRecord(name: "empty", recover: false, dump: true),
                    HealthReporterRecord(name: "dummy", recover: true, dump: true)]
        // mlx5_fw_reporters_create (health.c): "fw" (diagnose, dump) and "fw_fatal" (recover, dump) with
        // MLX5_FW_REPORTER_PF_GRACEFUL_PERIOD (60 s; 180 s on an ECPF).
        case .mlx5:
            let grace: UInt64 = config.isECPF ? 180_000 : 60_000
            return [HealthReporterRecord(name: "fw", recover: false, dump: true),
                    HealthReporterRecord(name: "fw_fatal", recover: true, dump: true, gracePeriod: grace)]
        }
    }

    func healthReporters(of handle: DeviceHandle?) throws(DevlinkError) -> [HealthReporter] {
        if let handle {
            let d = try deviceIndexOrThrow(handle)
            return devices[d].healthReporters.map { $0.reporter(device: handle) }
        }
        return devices.flatMap { device in device.healthReporters.map { $0.reporter(device: device.handle) } }
    }

    /// devlink_health_reporter_get_from_info: an unknown name is EINVAL without a message.
    private func reporterIndex(_ handle: DeviceHandle, _ name: String) throws(DevlinkError) -> (Int, Int) {
        let d = try deviceIndexOrThrow(handle)
        guard let r = devices[d].healthReporters.firstIndex(where: { $0.name == name }) else {
            throw DevlinkError(.EINVAL)
        }
        return (d, r)
    }

    func healthReporter(_ handle: DeviceHandle, name: String) throws(DevlinkError) -> HealthReporter {
        let (d, r) = try reporterIndex(handle, name)
        return devices[d].healthReporters[r].reporter(device: handle)
    }

    /// devlink_nl_health_reporter_set_doit: grace period and auto_recover need a recover op, auto_dump
    /// a dump op (EOPNOTSUPP, checked before anything is set).
    mutating func setHealthReporter(_ op: SetHealthReporter) throws(DevlinkError) {
        let (d, r) = try reporterIndex(op.device, op.name)
        let record = devices[d].healthReporters[r]
        if !record.hasRecover, op.gracePeriod != nil || op.autoRecover != nil { throw DevlinkError(.EOPNOTSUPP) }
        if !record.hasDump, op.autoDump != nil { throw DevlinkError(.EOPNOTSUPP) }
        if let g = op.gracePeriod { devices[d].healthReporters[r].gracePeriod = g }
        if let a = op.autoRecover { devices[d].healthReporters[r].autoRecover = a }
        if let a = op.autoDump { devices[d].healthReporters[r].autoDump = a }
    }

    /// devlink_health_reporter_recover: a healthy reporter has nothing to recover (success, even without
    /// a recover op); otherwise the driver's recover runs and devlink_health_reporter_recovery_done
    /// counts it and marks the reporter healthy.
    mutating func recoverHealthReporter(_ op: RecoverHealthReporter) throws(DevlinkError) {
        let (d, r) = try reporterIndex(op.device, op.name)
        guard devices[d].healthReporters[r].state == .error else { return }
        guard devices[d].healthReporters[r].hasRecover else { throw DevlinkError(.EOPNOTSUPP) }
        devices[d].healthReporters[r].recoverCount += 1
        devices[d].healthReporters[r].state = .healthy
    }
}

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
    func reporter(device: DeviceHandle, port: UInt32? = nil) -> HealthReporter {
        HealthReporter(device: device, port: port, name: name, state: state, errorCount: errorCount, recoverCount: recoverCount,
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

    /// The dump's order (devlink_nl_health_reporter_get_dump_one): each device's reporters, then its
    /// ports' in index order.
    func healthReporters(of handle: DeviceHandle?) throws(DevlinkError) -> [HealthReporter] {
        let indexes = handle == nil ? Array(devices.indices) : [try deviceIndexOrThrow(handle!)]
        return indexes.flatMap { d in
            let device = devices[d]
            let own = device.healthReporters.map { $0.reporter(device: device.handle) }
            let ports = device.ports.keys.sorted().flatMap { index in
                portReporters(d, index).map { $0.reporter(device: device.handle, port: index) }
            }
            return own + ports
        }
    }

    /// A port's reporters. mlx5's representors (VF, SF and host PF vports) each have "vnic"
    /// (mlx5e_rep_vnic_reporter_create, cf14af140a5a): diagnose only, so no grace period, auto_recover
    /// or auto_dump, and nothing it could be set to; it stays healthy (dls models no vnic errors).
    func portReporters(_ d: Int, _ index: UInt32) -> [HealthReporterRecord] {
        guard devices[d].profile == .mlx5, let record = devices[d].ports[index] else { return [] }
        switch record.role {
        case .vf, .sf, .hostPF: return [HealthReporterRecord(name: "vnic", recover: false, dump: false)]
        case .physical: return []
        }
    }

    /// devlink_health_reporter_get_from_info: an unknown port is ENODEV, an unknown name EINVAL, both
    /// without a message.
    private func reporterRecord(_ handle: DeviceHandle, _ port: UInt32?,
                                _ name: String) throws(DevlinkError) -> (device: Int, index: Int?, record: HealthReporterRecord) {
        let d = try deviceIndexOrThrow(handle)
        if let port {
            guard devices[d].ports[port] != nil else { throw DevlinkError(.ENODEV) }
            guard let record = portReporters(d, port).first(where: { $0.name == name }) else { throw DevlinkError(.EINVAL) }
            return (d, nil, record)
        }
        guard let r = devices[d].healthReporters.firstIndex(where: { $0.name == name }) else {
            throw DevlinkError(.EINVAL)
        }
        return (d, r, devices[d].healthReporters[r])
    }

    func healthReporter(_ op: GetHealthReporter) throws(DevlinkError) -> HealthReporter {
        try reporterRecord(op.device, op.port, op.name).record.reporter(device: op.device, port: op.port)
    }

    /// devlink_nl_health_reporter_set_doit: grace period and auto_recover need a recover op, auto_dump
    /// a dump op (EOPNOTSUPP, checked before anything is set).
    mutating func setHealthReporter(_ op: SetHealthReporter) throws(DevlinkError) {
        let (d, index, record) = try reporterRecord(op.device, op.port, op.name)
        if !record.hasRecover, op.gracePeriod != nil || op.autoRecover != nil { throw DevlinkError(.EOPNOTSUPP) }
        if !record.hasDump, op.autoDump != nil { throw DevlinkError(.EOPNOTSUPP) }
        // A port reporter (vnic) has nothing left that could be set.
        guard let r = index else { return }
        if let g = op.gracePeriod { devices[d].healthReporters[r].gracePeriod = g }
        if let a = op.autoRecover { devices[d].healthReporters[r].autoRecover = a }
        if let a = op.autoDump { devices[d].healthReporters[r].autoDump = a }
    }

    /// devlink_health_reporter_recover: a healthy reporter has nothing to recover (success, even without
    /// a recover op); otherwise the driver's recover runs and devlink_health_reporter_recovery_done
    /// counts it and marks the reporter healthy.
    mutating func recoverHealthReporter(_ op: RecoverHealthReporter) throws(DevlinkError) {
        let (d, index, _) = try reporterRecord(op.device, op.port, op.name)
        guard let r = index, devices[d].healthReporters[r].state == .error else { return }
        guard devices[d].healthReporters[r].hasRecover else { throw DevlinkError(.EOPNOTSUPP) }
        devices[d].healthReporters[r].recoverCount += 1
        devices[d].healthReporters[r].state = .healthy
    }
}

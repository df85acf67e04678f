import DevlinkModel

/// The devlink core's health requests (net/devlink/health.c) over the reporters drivers register:
/// GET / SET / RECOVER / DIAGNOSE / DUMP_GET / DUMP_CLEAR / TEST, and devlink_health_report for
/// errors a driver raises.
extension EmulatorState {
    /// Where a reporter lives: a stored device reporter (`index`), or a port's (not stored).
    struct ReporterLocation {
        var device: Int
        var index: Int?
        var record: HealthReporterRecord
    }

    /// Whether HEALTH_REPORTER_GET carries the burst period (6.18, devlink_nl_health_reporter_fill).
    var reportsBurstPeriod: Bool { kernel >= DevlinkFeature.healthBurstPeriod.since }

    /// The dump's order (devlink_nl_health_reporter_get_dump_one): each device's reporters, then its
    /// ports' in index order.
    func healthReporters(of handle: DeviceHandle?) throws(DevlinkError) -> [HealthReporter] {
        let indexes = handle == nil ? Array(devices.indices) : [try deviceIndexOrThrow(handle!)]
        let burst = reportsBurstPeriod
        return indexes.flatMap { d in
            let device = devices[d]
            let own = device.healthReporters.map { $0.reporter(device: device.handle, burst: burst) }
            let ports = device.ports.keys.sorted().flatMap { index in
                portReporters(d, index).map { $0.reporter(device: device.handle, port: index, burst: burst) }
            }
            return own + ports
        }
    }

    /// devlink_health_reporter_get_from_attrs: a port that exists is searched for the name; a port
    /// index that names no port falls back to the device's own reporters (devlink_port_get_from_attrs
    /// fails and the device list is searched), as the guest shows. Not found: EINVAL, no message.
    func reporterLocation(_ id: HealthReporterID) throws(DevlinkError) -> ReporterLocation {
        let d = try deviceIndexOrThrow(id.device)
        if let port = id.port, devices[d].ports[port] != nil {
            guard let record = portReporters(d, port).first(where: { $0.name == id.name }) else { throw DevlinkError(.EINVAL) }
            return ReporterLocation(device: d, index: nil, record: record)
        }
        guard let r = devices[d].healthReporters.firstIndex(where: { $0.name == id.name }) else {
            throw DevlinkError(.EINVAL)
        }
        return ReporterLocation(device: d, index: r, record: devices[d].healthReporters[r])
    }

    func healthReporter(_ op: GetHealthReporter) throws(DevlinkError) -> HealthReporter {
        try reporterLocation(op.handle).record.reporter(device: op.handle.device, port: op.handle.port, burst: reportsBurstPeriod)
    }

    /// devlink_nl_health_reporter_set_doit: grace period, burst period and auto_recover need a recover
    /// op, auto_dump a dump op (EOPNOTSUPP, checked before anything is set). A grace period of 0 also
    /// zeroes the burst period, and a burst period needs a grace period (6.18).
    mutating func setHealthReporter(_ op: SetHealthReporter) throws(DevlinkError) {
        let at = try reporterLocation(HealthReporterID(op.device, port: op.port, name: op.name))
        if !at.record.hasRecover, op.gracePeriod != nil || op.autoRecover != nil || op.burstPeriod != nil {
            throw DevlinkError(.EOPNOTSUPP)
        }
        if !at.record.hasDump, op.autoDump != nil { throw DevlinkError(.EOPNOTSUPP) }
        // A port reporter (vnic) has nothing left that could be set.
        guard let r = at.index else { return }
        var record = devices[at.device].healthReporters[r]
        if let g = op.gracePeriod {
            record.gracePeriod = g
            if g == 0 { record.burstPeriod = 0 }
        }
        if let b = op.burstPeriod {
            if record.gracePeriod == 0 && b != 0 {
                // The kernel has already stored the grace period (and zeroed the burst period) when it
                // refuses the burst period, and does not undo that.
                devices[at.device].healthReporters[r] = record
                throw DevlinkError(.EINVAL, "devlink: Cannot set burst period without a grace period.")
            }
            record.burstPeriod = b
        }
        if let a = op.autoRecover { record.autoRecover = a }
        if let a = op.autoDump { record.autoDump = a }
        devices[at.device].healthReporters[r] = record
    }

    /// devlink_nl_health_reporter_recover_doit → devlink_health_reporter_recover without a driver
    /// context.
    mutating func recoverHealthReporter(_ op: RecoverHealthReporter) throws(DevlinkError) {
        let at = try reporterLocation(op.handle)
        guard let r = at.index else { return }
        try recover(at.device, r, breakMessage: nil, fromUser: true)
    }

    /// devlink_health_reporter_recover: a healthy reporter has nothing to recover (success, even without
    /// a recover op); otherwise the driver's recover runs and devlink_health_reporter_recovery_done
    /// counts it and marks the reporter healthy. Within a burst period the recovery time stays the
    /// first one's (devlink_health_reporter_in_burst, 6.18).
    private mutating func recover(_ d: Int, _ r: Int, breakMessage: String?, fromUser: Bool) throws(DevlinkError) {
        guard devices[d].healthReporters[r].state == .error else { return }
        guard devices[d].healthReporters[r].hasRecover else { throw DevlinkError(.EOPNOTSUPP) }
        try driverRecover(d, name: devices[d].healthReporters[r].name, breakMessage: breakMessage, fromUser: fromUser)
        let now = clockNow
        var record = devices[d].healthReporters[r]
        record.recoverCount += 1
        if !inBurst(record, now) { record.lastRecovery = now }
        record.state = .healthy
        devices[d].healthReporters[r] = record
    }

    /// devlink_health_reporter_in_burst: within burst_period of the last recovery (never before the
    /// first: the kernel's last_recovery_ts 0 lies far behind jiffies).
    private func inBurst(_ record: HealthReporterRecord, _ now: EmulatorInstant) -> Bool {
        guard let last = record.lastRecovery else { return false }
        return now < last.adding(.milliseconds(record.burstPeriod ?? 0))
    }

    /// devlink_health_report: the error is counted and the reporter marked in error; the auto recovery
    /// is abandoned (ECANCELED, before any dump) when the previous error was not recovered or the last
    /// recovery is within the grace period (after the burst period, 6.18: devlink_health_recover_abort);
    /// otherwise a dump is stored when auto_dump asks and none is held, then, with auto_recover, the
    /// driver recovers.
    mutating func reportHealthError(_ op: ReportHealthError, realtime: UInt64) throws(DevlinkError) {
        let at = try reporterLocation(op.handle)
        guard let r = at.index else {
            throw DevlinkError(.EOPNOTSUPP, "mlx5 never reports errors on a port's vnic reporter (dls models none)")
        }
        let d = at.device
        let now = clockNow
        var record = devices[d].healthReporters[r]
        record.errorCount += 1
        let previous = record.state
        record.state = .error
        devices[d].healthReporters[r] = record
        if record.autoRecover {
            if previous != .healthy { throw DevlinkError(.ECANCELED) }
            if !inBurst(record, now), let last = record.lastRecovery, record.recoverCount > 0,
               now < last.adding(.milliseconds((record.burstPeriod ?? 0) &+ record.gracePeriod)) {
                throw DevlinkError(.ECANCELED)
            }
        }
        if record.autoDump { try? takeDump(d, r, breakMessage: op.changes, realtime: realtime) }
        guard record.autoRecover else { return }
        try recover(d, r, breakMessage: op.changes, fromUser: false)
    }

    /// devlink_health_do_dump: nothing without a dump op or while a dump is held; otherwise the driver's
    /// dump is stored with its time. A failing dump stores nothing.
    private mutating func takeDump(_ d: Int, _ r: Int, breakMessage: String?, realtime: UInt64) throws(DevlinkError) {
        guard devices[d].healthReporters[r].hasDump, devices[d].healthReporters[r].dump == nil else { return }
        var message = HealthMessage()
        message.objectStart()
        try driverDump(d, name: devices[d].healthReporters[r].name, breakMessage: breakMessage, into: &message)
        message.objectEnd()
        devices[d].healthReporters[r].dump = message
        devices[d].healthReporters[r].dumpTime = realtime
    }

    /// devlink_nl_health_reporter_diagnose_doit: EOPNOTSUPP without a diagnose op; the driver's message
    /// inside an object.
    mutating func diagnoseHealthReporter(_ op: DiagnoseHealthReporter) throws(DevlinkError) -> HealthMessage {
        let at = try reporterLocation(op.handle)
        guard at.record.hasDiagnose else { throw DevlinkError(.EOPNOTSUPP) }
        var message = HealthMessage()
        message.objectStart()
        try driverDiagnose(at.device, port: at.index == nil ? op.handle.port : nil, name: at.record.name, into: &message)
        message.objectEnd()
        return message
    }

    /// devlink_nl_health_reporter_dump_get_dumpit: unknown device or reporter EINVAL (the dump looks
    /// both up itself), EOPNOTSUPP without a dump op; a dump is taken and stored when none is held.
    mutating func showHealthDump(_ op: ShowHealthDump, realtime: UInt64) throws(DevlinkError) -> HealthMessage {
        guard deviceIndex[op.handle.device] != nil else { throw DevlinkError(.EINVAL) }
        let at = try reporterLocation(op.handle)
        guard at.record.hasDump, let r = at.index else { throw DevlinkError(.EOPNOTSUPP) }
        try takeDump(at.device, r, breakMessage: nil, realtime: realtime)
        return devices[at.device].healthReporters[r].dump ?? HealthMessage()
    }

    /// devlink_nl_health_reporter_dump_clear_doit: EOPNOTSUPP without a dump op.
    mutating func clearHealthDump(_ op: ClearHealthDump) throws(DevlinkError) {
        let at = try reporterLocation(op.handle)
        guard at.record.hasDump, let r = at.index else { throw DevlinkError(.EOPNOTSUPP) }
        devices[at.device].healthReporters[r].dump = nil
        devices[at.device].healthReporters[r].dumpTime = nil
    }

    /// devlink_nl_health_reporter_test_doit: no modelled reporter has a test op (netdevsim 6.12 and
    /// mlx5's fw, fw_fatal and vnic register none), so EOPNOTSUPP once the reporter is found.
    func testHealthReporter(_ op: TestHealthReporter) throws(DevlinkError) {
        _ = try reporterLocation(op.handle)
        throw DevlinkError(.EOPNOTSUPP)
    }
}

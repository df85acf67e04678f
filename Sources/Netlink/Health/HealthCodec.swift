import DevlinkModel

extension DevlinkRequest {
    public static func dumpHealthReporters() -> DevlinkRequest {
        DevlinkRequest(command: DevlinkCommand.healthReporterGet, isDump: true)
    }

    /// A reporter request: the handle and HEALTH_REPORTER_NAME, as devlink's dl_opts_put writes them.
    private static func reporter(_ command: UInt8, _ d: DeviceHandle, _ port: UInt32?, _ name: String,
                                 _ body: (inout AttributeWriter) -> Void = { _ in }) -> DevlinkRequest {
        var w = AttributeWriter()
        w.put(d)
        if let port { w.putU32(DevlinkAttr.portIndex, port) }
        w.putString(DevlinkAttr.healthReporterName, name)
        body(&w)
        return DevlinkRequest(command: command, attributes: w.bytes)
    }

    public static func getHealthReporter(_ op: GetHealthReporter) -> DevlinkRequest {
        reporter(DevlinkCommand.healthReporterGet, op.device, op.port, op.name)
    }

    /// HEALTH_REPORTER_SET: GRACEFUL_PERIOD u64, AUTO_RECOVER u8, AUTO_DUMP u8 for what is given.
    public static func setHealthReporter(_ op: SetHealthReporter) -> DevlinkRequest {
        reporter(DevlinkCommand.healthReporterSet, op.device, op.port, op.name) { w in
            if let g = op.gracePeriod { w.putU64(DevlinkAttr.healthReporterGracefulPeriod, g) }
            if let a = op.autoRecover { w.putU8(DevlinkAttr.healthReporterAutoRecover, a ? 1 : 0) }
            if let a = op.autoDump { w.putU8(DevlinkAttr.healthReporterAutoDump, a ? 1 : 0) }
        }
    }

    public static func recoverHealthReporter(_ op: RecoverHealthReporter) -> DevlinkRequest {
        reporter(DevlinkCommand.healthReporterRecover, op.device, op.port, op.name)
    }
}

extension DevlinkDecoder {
    /// A HEALTH_REPORTER_GET reply: the handle (a port reporter's with its port index) and the
    /// HEALTH_REPORTER nest.
    static func healthReporter(_ a: some AttributeLookup) throws -> HealthReporter {
        let device = try device(lookingUp: a)
        let port = try a[DevlinkAttr.portIndex]?.u32()
        let nest = try a.require(DevlinkAttr.healthReporter, "DEVLINK_ATTR_HEALTH_REPORTER").nested()
        let stateRaw = try nest.require(DevlinkAttr.healthReporterState, "DEVLINK_ATTR_HEALTH_REPORTER_STATE").u8()
        guard let state = HealthState(rawValue: stateRaw) else { throw NetlinkError.malformed("unknown health state \(stateRaw)") }
        return HealthReporter(
            device: device, port: port,
            name: try nest.require(DevlinkAttr.healthReporterName, "DEVLINK_ATTR_HEALTH_REPORTER_NAME").string(),
            state: state,
            errorCount: try nest.require(DevlinkAttr.healthReporterErrorCount, "DEVLINK_ATTR_HEALTH_REPORTER_ERR_COUNT").u64(),
            recoverCount: try nest.require(DevlinkAttr.healthReporterRecoverCount, "DEVLINK_ATTR_HEALTH_REPORTER_RECOVER_COUNT").u64(),
            gracePeriod: try nest[DevlinkAttr.healthReporterGracefulPeriod]?.u64(),
            autoRecover: try nest[DevlinkAttr.healthReporterAutoRecover].map { try $0.u8() != 0 },
            autoDump: try nest[DevlinkAttr.healthReporterAutoDump].map { try $0.u8() != 0 })
    }
}

import DevlinkModel

/// PARAM_GET / PARAM_SET and `dev info`.
extension EmulatorState {
    func params(of handle: DeviceHandle?) throws(DevlinkError) -> [Param] {
        if let handle {
            return paramDump(try deviceIndexOrThrow(handle))
        }
        return devices.indices.flatMap { paramDump($0) }
    }

    /// esw_multiport exists only where mlx5_eswitch_init registered it (`hasMpeswParam`).
    private func paramDump(_ d: Int) -> [Param] {
        devices[d].params.compactMap { record in
            guard isMpeswParam(d, record.name) else { return record.param(device: devices[d].handle) }
            return hasMpeswParam(d) ? mpeswParamView(d) : nil
        }
    }

    func param(_ handle: DeviceHandle, name: String) throws(DevlinkError) -> Param {
        let d = try deviceIndexOrThrow(handle)
        guard let record = devices[d].params.first(where: { $0.name == name }) else { throw DevlinkError(.EINVAL) }
        if isMpeswParam(d, name) {
            guard hasMpeswParam(d) else { throw DevlinkError(.EINVAL) }
            return mpeswParamView(d)
        }
        return record.param(device: handle)
    }

    mutating func setParam(_ handle: DeviceHandle, name: String, value: ParamValue,
                           cmode: ParamCMode) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(handle)
        guard let p = devices[d].params.firstIndex(where: { $0.name == name }),
              !isMpeswParam(d, name) || hasMpeswParam(d) else { throw DevlinkError(.EINVAL) }
        let record = devices[d].params[p]
        guard value.type == record.type else { throw DevlinkError(.EINVAL) }
        guard record.values[cmode] != nil else { throw DevlinkError(.EOPNOTSUPP) }
        if devices[d].profile == .mlx5, name == "esw_port_metadata", devices[d].eswitchMode == .switchdev {
            throw DevlinkError(.EBUSY, devices[d].driverMessage("E-Switch must either disabled or non switchdev mode"))
        }
        if isMpeswParam(d, name) {
            try setMpeswParam(d, value)
            return emit(.paramNew(mpeswParamView(d)))
        }
        devices[d].params[p].values[cmode] = value
        emit(.paramNew(devices[d].params[p].param(device: handle)))
    }

    func info(_ handle: DeviceHandle) throws(DevlinkError) -> DeviceInfo {
        let device = devices[try deviceIndexOrThrow(handle)]
        let config = device.config
        switch config.profile {
        case .mlx5:
            return DeviceInfo(device: handle, driver: "mlx5_core", serialNumber: config.serialNumber,
                              fixed: [.init("fw.psid", "MT_0000000359")],
                              running: [.init("fw.version", config.firmwareVersion)],
                              stored: [.init("fw.version", config.firmwareVersion)])
        case .netdevsim:
            return DeviceInfo(device: handle, driver: "netdevsim",
                              running: [.init("fw.mgmt", config.firmwareVersion)],
                              stored: [.init("fw.mgmt", config.firmwareVersion)])
        }
    }
}

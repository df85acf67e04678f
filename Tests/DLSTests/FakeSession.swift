import DLS

/// A small host-written session: one device with two physical ports whose function MAC can be set;
/// everything else is refused. It records what it was asked to do.
final class FakeSession: DeviceSession {
    let device = DeviceHandle(bus: "fake", name: "nic0")
    var ports: [Port]
    var calls: [String] = []

    init() {
        ports = (0..<2).map { i in
            Port(handle: PortHandle(device: DeviceHandle(bus: "fake", name: "nic0"), index: UInt32(i)), type: .eth,
                 netdev: "fake\(i)", flavour: .physical, portNumber: UInt32(i),
                 function: PortFunction(hwAddr: MACAddress(bytes: [0, 0, 0, 0, 0, 0])))
        }
    }

    private func refuse(_ what: String) -> DevlinkError {
        calls.append(what)
        return DevlinkError(.EOPNOTSUPP, "fake: \(what) is not supported")
    }

    func devices() throws -> [DeviceHandle] { [device] }
    func info(_ device: DeviceHandle) throws -> DeviceInfo { DeviceInfo(device: device, driver: "fake") }
    func ports(of device: DeviceHandle?) throws -> [Port] { ports.filter { device == nil || $0.device == device } }

    func port(_ handle: PortHandle) throws -> Port {
        guard let port = ports.first(where: { $0.handle == handle }) else { throw DevlinkError(.ENODEV, nil) }
        return port
    }

    func addPort(_ request: PortAddRequest) throws -> Port { throw refuse("port add") }
    func deletePort(_ handle: PortHandle) throws { throw refuse("port del") }
    func setPortType(_ handle: PortHandle, _ type: PortType) throws { throw refuse("port set type") }
    func splitPort(_ handle: PortHandle, count: UInt32) throws { throw refuse("port split") }
    func unsplitPort(_ handle: PortHandle) throws { throw refuse("port unsplit") }

    func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws {
        guard let i = ports.firstIndex(where: { $0.handle == handle }) else { throw DevlinkError(.ENODEV, nil) }
        calls.append("set function \(handle)")
        if let mac = changes.hwAddr { ports[i].function?.hwAddr = mac }
    }

    func rates(of device: DeviceHandle?) throws -> [RateObject] { [] }
    func rate(_ handle: RateHandle) throws -> RateObject { throw DevlinkError(.ENODEV, nil) }
    func addRateNode(_ handle: RateHandle, _ changes: RateChanges) throws { throw refuse("rate add") }
    func setRate(_ handle: RateHandle, _ changes: RateChanges) throws { throw refuse("rate set") }
    func deleteRateNode(_ handle: RateHandle) throws { throw refuse("rate del") }
    func eswitch(_ device: DeviceHandle) throws -> Eswitch { Eswitch(mode: .legacy) }
    func setEswitch(_ device: DeviceHandle, _ changes: EswitchChanges) throws { throw refuse("eswitch set") }
    func sriovNumVFs(_ device: DeviceHandle) throws -> UInt32 { 0 }
    func setSriovNumVFs(_ device: DeviceHandle, _ count: UInt32) throws { throw refuse("sriov") }
    func params(of device: DeviceHandle?) throws -> [Param] { [] }
    func param(_ device: DeviceHandle, name: String) throws -> Param { throw DevlinkError(.EINVAL, nil) }
    func setParam(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) throws { throw refuse("param set") }
    func drainEvents() throws -> [DevlinkEvent] { [] }
    func settle() throws -> Bool { false }
}

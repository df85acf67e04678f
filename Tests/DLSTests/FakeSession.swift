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

    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        try Self.handlers.perform(operation, on: self)
    }

    /// What the fake handles; every other operation answers EOPNOTSUPP without a message.
    static let handlers = OperationHandlers<FakeSession>()
        .on(ListDevices.self) { s, _ in [s.device] }
        .on(GetDeviceInfo.self) { _, op in DeviceInfo(device: op.device, driver: "fake") }
        .on(ListPorts.self) { s, op in s.ports.filter { op.device == nil || $0.device == op.device } }
        .on(GetPort.self) { s, op in
            guard let port = s.ports.first(where: { $0.handle == op.handle }) else { throw DevlinkError(.ENODEV, nil) }
            return port
        }
        .on(AddPort.self) { s, _ in throw s.refuse("port add") }
        .on(SetPortFunction.self) { s, op in
            guard let i = s.ports.firstIndex(where: { $0.handle == op.handle }) else { throw DevlinkError(.ENODEV, nil) }
            s.calls.append("set function \(op.handle)")
            if let mac = op.changes.hwAddr { s.ports[i].function?.hwAddr = mac }
        }
        .on(ListRates.self) { _, _ in [] }
        .on(GetEswitch.self) { _, _ in Eswitch(mode: .legacy) }
        .on(GetNumVFs.self) { _, _ in 0 }
        .on(ListParams.self) { _, _ in [] }

    func drainEvents() throws -> [DevlinkEvent] { [] }
    func settle() throws -> Bool { false }
}

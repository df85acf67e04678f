import DLS
import Testing

/// A session as a kernel backend reports things: the driver (`dev info`), the uplink speed, the
/// kernel release and the VF rates `ip link` set. `qos` takes each from the session.
final class RateFakeSession: DeviceSession {
    let device = DeviceHandle(bus: "pci", name: "0000:08:00.0")
    var ports: [Port] {
        [Port(handle: PortHandle(device: device, index: 0), type: .eth, netdev: "eth0", flavour: .physical, portNumber: 0)]
            + (0..<2).map { vf in
                Port(handle: PortHandle(device: device, index: UInt32(vf + 1)), type: .eth, netdev: "eth0_\(vf)",
                     flavour: .pcivf, controller: 0, pfnum: 0, vfnum: UInt16(vf), external: false)
            }
    }
    var rateObjects: [RateObject] {
        [RateObject(handle: RateHandle(device: device, target: .leaf(portIndex: 1)), txMax: 5 * 125_000_000),
         RateObject(handle: RateHandle(device: device, target: .leaf(portIndex: 2)))]
    }

    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        try Self.handlers.perform(operation, on: self)
    }

    /// Read-only: every change answers EOPNOTSUPP, as the table has no handler for it.
    static let handlers = OperationHandlers<RateFakeSession>()
        .on(ListDevices.self) { s, _ in [s.device] }
        .on(GetDeviceInfo.self) { _, op in DeviceInfo(device: op.device, driver: "mlx5_core") }
        .on(ListPorts.self) { s, _ in s.ports }
        .on(GetPort.self) { s, op in
            guard let p = s.ports.first(where: { $0.handle == op.handle }) else { throw DevlinkError(.ENODEV, nil) }
            return p
        }
        .on(ListRates.self) { s, op in
            guard op.device == nil || op.device == s.device else { throw DevlinkError(.ENODEV, nil) }
            return s.rateObjects
        }
        .on(GetRate.self) { s, op in
            guard let r = s.rateObjects.first(where: { $0.handle == op.handle }) else { throw DevlinkError(.ENODEV, nil) }
            return r
        }
        .on(GetEswitch.self) { _, _ in Eswitch(mode: .switchdev) }
        .on(GetNumVFs.self) { _, _ in 2 }
        .on(ListParams.self) { _, _ in [] }
        .on(GetUplinkSpeed.self) { _, _ in 25 * 125_000_000 }
        .on(GetKernelRelease.self) { _, _ in "6.17.0-1-amd64" }
        // `ip link set eth0 vf 0 max_tx_rate 2000` (Mbit/s) on the PF.
        .on(ListVFRates.self) { _, _ in [VFRate(vf: 0, minTx: 0, maxTx: 2000 * 125_000)] }

    func drainEvents() throws -> [DevlinkEvent] { [] }
    func settle() throws -> Bool { false }
}

@Suite struct RateSessionTests {
    @Test func simulateAndLintUseWhatTheSessionReports() throws {
        let output = DLSCapturedOutput()
        let engine = try DLSEngine(session: RateFakeSession(), output: output)
        try engine.run("""
            qos simulate pci/0000:08:00.0 demand 1 20gbit demand eth0_1 30gbit
            qos lint pci/0000:08:00.0
            """)
        #expect(output.text.contains("pci/0000:08:00.0: mlx5 rules, kernel 6.17, link 25Gbit, total 25Gbit\n"))
        // VF 0 is capped at 5G; VF 1 (named by its netdev) takes the other 20G of the 25G uplink.
        #expect(output.text.contains("pci/0000:08:00.0/1  20Gbit      5Gbit  tx_max"))
        #expect(output.text.contains("pci/0000:08:00.0/2  30Gbit     20Gbit  link"))
        #expect(output.text.hasSuffix("""
            vf-rate-conflict: pci/0000:08:00.0/1 has devlink rates and ip link VF rates (min_tx_rate 0bit, max_tx_rate 2Gbit); both program the same vport and the last one set wins

            """))
    }
}

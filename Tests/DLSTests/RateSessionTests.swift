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

    private func refuse() -> DevlinkError { DevlinkError(.EOPNOTSUPP, "read-only") }
    func devices() throws -> [DeviceHandle] { [device] }
    func info(_ device: DeviceHandle) throws -> DeviceInfo { DeviceInfo(device: device, driver: "mlx5_core") }
    func ports(of device: DeviceHandle?) throws -> [Port] { ports }
    func port(_ handle: PortHandle) throws -> Port {
        guard let p = ports.first(where: { $0.handle == handle }) else { throw DevlinkError(.ENODEV, nil) }
        return p
    }
    func addPort(_ request: PortAddRequest) throws -> Port { throw refuse() }
    func deletePort(_ handle: PortHandle) throws { throw refuse() }
    func setPortType(_ handle: PortHandle, _ type: PortType) throws { throw refuse() }
    func splitPort(_ handle: PortHandle, count: UInt32) throws { throw refuse() }
    func unsplitPort(_ handle: PortHandle) throws { throw refuse() }
    func setPortFunction(_ handle: PortHandle, _ changes: PortFunctionChanges) throws { throw refuse() }
    func rates(of device: DeviceHandle?) throws -> [RateObject] {
        guard device == nil || device == self.device else { throw DevlinkError(.ENODEV, nil) }
        return rateObjects
    }
    func rate(_ handle: RateHandle) throws -> RateObject {
        guard let r = rateObjects.first(where: { $0.handle == handle }) else { throw DevlinkError(.ENODEV, nil) }
        return r
    }
    func addRateNode(_ handle: RateHandle, _ changes: RateChanges) throws { throw refuse() }
    func setRate(_ handle: RateHandle, _ changes: RateChanges) throws { throw refuse() }
    func deleteRateNode(_ handle: RateHandle) throws { throw refuse() }
    func eswitch(_ device: DeviceHandle) throws -> Eswitch { Eswitch(mode: .switchdev) }
    func setEswitch(_ device: DeviceHandle, _ changes: EswitchChanges) throws { throw refuse() }
    func sriovNumVFs(_ device: DeviceHandle) throws -> UInt32 { 2 }
    func setSriovNumVFs(_ device: DeviceHandle, _ count: UInt32) throws { throw refuse() }
    func params(of device: DeviceHandle?) throws -> [Param] { [] }
    func param(_ device: DeviceHandle, name: String) throws -> Param { throw DevlinkError(.EINVAL, nil) }
    func setParam(_ device: DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode) throws { throw refuse() }
    func drainEvents() throws -> [DevlinkEvent] { [] }
    func settle() throws -> Bool { false }

    func uplinkSpeed(_ device: DeviceHandle) throws -> UInt64? { 25 * 125_000_000 }
    var kernelRelease: String? { "6.17.0-1-amd64" }
    /// `ip link set eth0 vf 0 max_tx_rate 2000` (Mbit/s) on the PF.
    func vfRates(_ device: DeviceHandle) throws -> [VFRate] { [VFRate(vf: 0, minTx: 0, maxTx: 2000 * 125_000)] }
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

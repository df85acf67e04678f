import DevlinkEmulator
import DevlinkModel
import Testing

/// Names and helpers for the bonding / LAG tests.
enum Lag {
    static let p0 = "enp6s0f0np0"
    static let p1 = "enp6s0f1np1"

    /// The built-in dual-port card with extra caps on both PFs (e.g. port_select_flow_table).
    static func topology(caps: [String: UInt64] = [:], third: Bool = false) -> Topology {
        var all: [String: UInt64] = ["num_lag_ports": 2, "lag_master": 1]
        for (k, v) in caps { all[k] = v }
        var devices = [
            DeviceSpec(handle: "pci/0000:06:00.0", profile: .mlx5, caps: all),
            DeviceSpec(handle: "pci/0000:06:00.1", profile: .mlx5, caps: all),
        ]
        // A single-port card in another slot: its uplink is a foreign slave for the first card.
        if third { devices.append(DeviceSpec(handle: "pci/0000:07:00.0", profile: .mlx5)) }
        return Topology(devices: devices, netdevNaming: .udev)
    }

    static func session(caps: [String: UInt64] = [:], third: Bool = false) throws -> EmulatedSession {
        try EmulatedSession(topology: topology(caps: caps, third: third))
    }

    /// bond0 over both PFs, up, settled.
    static func bonded(_ mode: BondMode, policy: BondXmitHashPolicy? = nil, miimon: UInt32? = 100,
                       session: EmulatedSession? = nil) throws -> EmulatedSession {
        let s = try session ?? EmulatedSession()
        try s.createBond(name: "bond0", config: BondConfig(mode: mode, miimon: miimon, xmitHashPolicy: policy))
        try s.enslave(p0, to: "bond0")
        try s.enslave(p1, to: "bond0")
        try s.setLink("bond0", up: true)
        try s.settle()
        return s
    }

    static func lag(_ s: EmulatedSession) throws -> HardwareLag {
        try #require(try s.hardwareLag(H.pf0))
    }

    /// Opcode names of PF0's firmware log.
    static func opcodes(_ s: EmulatedSession, _ device: DeviceHandle = H.pf0) throws -> [String] {
        try s.firmwareLog(device).map(\.opcode.name)
    }
}

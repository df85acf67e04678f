import DevlinkModel

/// The fixed facts of one emulated device, resolved from its `DeviceSpec` with profile defaults.
struct DeviceConfig: Equatable, Sendable, Codable {
    var handle: DeviceHandle
    var profile: DriverProfile
    var pfnum: UInt16
    /// Upper 16 bits of mlx5 port indices.
    var indexPrefix: UInt32
    var maxVFs: UInt32
    var sfSupported: Bool
    var maxSFs: UInt32
    var isECPF: Bool
    var externalControllers: [UInt32]
    var linkSpeedMbps: UInt64
    var caps: [String: UInt64]
    var serialNumber: String?
    var firmwareVersion: String
    /// Base of representor names (`enp6s0`), nil with eth naming.
    var udevBase: String?
    /// Uplink netdev name pattern base (`enp6s0f0`), nil with eth naming.
    var udevFunctionBase: String?

    func cap(_ name: String) -> UInt64 { caps[name] ?? 0 }

    /// mlx5 vport base of the local SF table: the first SF port is index prefix|32768.
    static let sfVportBase: UInt32 = 0x8000

    static let defaultCaps: [DriverProfile: [String: UInt64]] = [
        .mlx5: ["vhca_resource_manager": 1, "migration": 1, "ipsec_offload": 0, "roce": 1,
                "max_num_eqs": 36, "num_lag_ports": 1, "lag_master": 0,
                // 2 = MLX5_CAP_INLINE_MODE_NOT_REQUIRED (ConnectX-5 and newer): only inline-mode none.
                "wqe_inline_mode": 2,
                // MLX5_CAP_QOS: levels up to 1 << 2 = 4 (root TSAR 1, nodes from 2); a modeled value,
                // settable per topology. 0 = no rate nodes (EOPNOTSUPP).
                "log_esw_max_sched_depth": 2,
                // MLX5_CAP_GEN max_tc: traffic classes for tc-bw; 0 means 8 (mlx5_max_tc).
                "max_tc": 0],
        .netdevsim: [:],
    ]
}

extension DeviceConfig {
    /// Resolves a spec; bad values give a TopologyError naming the device.
    init(spec: DeviceSpec, naming: NetdevNaming) throws(TopologyError) {
        let handle: DeviceHandle
        do {
            handle = try DeviceHandle(parsing: spec.handle)
        } catch {
            throw TopologyError("device \"\(spec.handle)\": \(error.reason)")
        }
        let pci = PCIAddress(handle: handle)
        let pfnum = spec.pfnum ?? pci.map { UInt16($0.function) } ?? 0
        var caps = DeviceConfig.defaultCaps[spec.profile] ?? [:]
        for (key, value) in spec.caps ?? [:] { caps[key] = value }
        let ecpf = spec.ecpf ?? false
        self.init(
            handle: handle, profile: spec.profile, pfnum: pfnum,
            indexPrefix: UInt32(spec.vhcaId ?? pfnum) << 16,
            maxVFs: spec.maxVfs ?? (spec.profile == .mlx5 ? 8 : 4),
            sfSupported: spec.profile == .mlx5 && (spec.sfSupported ?? true),
            maxSFs: spec.maxSfs ?? 256,
            isECPF: ecpf,
            externalControllers: ecpf ? (spec.externalControllers ?? [1]) : [],
            linkSpeedMbps: spec.linkSpeedMbps ?? 100_000,
            caps: caps,
            serialNumber: spec.serialNumber,
            firmwareVersion: spec.firmwareVersion ?? (spec.profile == .mlx5 ? "22.39.1002" : "10.20.30"),
            udevBase: naming == .udev ? pci?.slotName : nil,
            udevFunctionBase: naming == .udev ? pci.map { "\($0.slotName)f\($0.function)" } : nil)
        if spec.profile == .netdevsim, handle.bus != "netdevsim" {
            throw TopologyError("device \"\(spec.handle)\": the netdevsim profile needs a netdevsim/netdevsimN handle")
        }
        if externalControllers.count > 1 || externalControllers.contains(0) {
            throw TopologyError("device \"\(spec.handle)\": external_controllers must be one controller number >= 1")
        }
        if maxSFs > 0x7fff {
            throw TopologyError("device \"\(spec.handle)\": max_sfs \(maxSFs) exceeds the SF vport range (32767)")
        }
        if maxVFs > 0x7ffe {
            throw TopologyError("device \"\(spec.handle)\": max_vfs \(maxVFs) exceeds the VF vport range (32766)")
        }
    }
}

/// `dddd:bb:ss.f` of a PCI device name, for udev-style names.
struct PCIAddress {
    var domain: UInt32
    var bus: UInt32
    var slot: UInt32
    var function: UInt32

    init?(handle: DeviceHandle) {
        guard handle.bus == "pci" else { return nil }
        let parts = handle.name.split(separator: ":")
        guard parts.count == 3 else { return nil }
        let slotFunction = parts[2].split(separator: ".")
        guard slotFunction.count == 2,
              let domain = UInt32(parts[0], radix: 16), let bus = UInt32(parts[1], radix: 16),
              let slot = UInt32(slotFunction[0], radix: 16), let function = UInt32(slotFunction[1], radix: 16),
              function < 8
        else { return nil }
        self.domain = domain
        self.bus = bus
        self.slot = slot
        self.function = function
    }

    /// udev's `enp6s0` (`enP1p6s0` outside domain 0).
    var slotName: String {
        let domainPart = domain == 0 ? "" : "P\(domain)"
        return "en\(domainPart)p\(bus)s\(slot)"
    }
}

import DevlinkModel

/// What `simulate` and `rate lint` read from a session besides the rate objects: the driver's rules,
/// the uplink speed and the kernel release, each overridable (`link`, `kernel`). Shared by the
/// `qos` commands and the `simulate()` / `lint_rates()` builtins.
enum RateInputs {
    /// The arbitration for `device`. `dev info` names the driver (a device without `dev info`
    /// gets the documented rules); the session the link speed and the kernel release.
    static func arbitration(_ session: DeviceSession, _ device: DeviceHandle, link: UInt64?,
                            kernel: (major: Int, minor: Int)?) throws -> RateArbitration {
        let driver = (try? session.info(device).driver) ?? ""
        let speed = try link ?? session.uplinkSpeed(device)
        let release = kernel ?? session.kernelRelease.flatMap(version) ?? (6, 12)
        return RateArbitration.forDriver(driver, link: speed, kernel: release)
    }

    /// VF rates set with `ip link`, by the VF's rate leaf (local VFs: `ip link` on the PF lists only
    /// those). Unreadable rates count as none: the linter then has nothing to compare.
    static func vfLinkRates(_ session: DeviceSession, _ device: DeviceHandle) -> [RateHandle: (minTx: UInt64, maxTx: UInt64)] {
        guard let rates = try? session.vfRates(device), !rates.isEmpty,
              let ports = try? session.ports(of: device) else { return [:] }
        var result: [RateHandle: (minTx: UInt64, maxTx: UInt64)] = [:]
        for rate in rates {
            guard let port = ports.first(where: { $0.flavour == .pcivf && $0.external != true && $0.vfnum.map(UInt32.init) == rate.vf })
            else { continue }
            result[.leaf(port.handle)] = (rate.minTx, rate.maxTx)
        }
        return result
    }

    /// `6.12.0-31-amd64` or `6.17` → (6, 12) / (6, 17); nil for anything else.
    static func version(_ text: String) -> (major: Int, minor: Int)? {
        let parts = text.split(separator: ".", maxSplits: 2, omittingEmptySubsequences: false)
        guard parts.count >= 2, let major = Int(parts[0]),
              let minor = Int(parts[1].prefix { $0.isASCII && $0.isNumber }), !parts[1].isEmpty,
              major >= 0, minor >= 0, major < 100, minor < 1000 else { return nil }
        return (major, minor)
    }

    /// A leaf as a user names it: its port index (`1`), its rate handle (`pci/0000:06:00.0/1`) or
    /// its port's netdev name. Returns nil with the reason when it names no leaf of `device`.
    static func leaf(_ text: String, of device: DeviceHandle, session: DeviceSession) throws -> Result<RateHandle, LeafError> {
        if let index = UInt32(text) { return .success(RateHandle(device: device, target: .leaf(portIndex: index))) }
        if text.contains("/") {
            guard let handle = try? RateHandle(parsing: text) else {
                return .failure(LeafError("\"\(text)\" is not a leaf (expected a port index, DEV/PORT_INDEX or a netdev name)"))
            }
            guard handle.device == device else { return .failure(LeafError("\(text) is not on \(device)")) }
            return .success(handle)
        }
        if let port = try session.ports(of: device).first(where: { $0.netdev == text }) {
            return .success(.leaf(port.handle))
        }
        return .failure(LeafError("no port of \(device) has the netdev \"\(text)\" (expected a port index, DEV/PORT_INDEX or a netdev name)"))
    }

    struct LeafError: Error {
        let message: String
        init(_ message: String) { self.message = message }
    }

    /// Adds `rate` to one class of a leaf's demand (repeated demands add up, saturating).
    static func add(_ rate: UInt64, trafficClass: Int, to leaf: RateHandle, in demands: inout [RateHandle: RateDemand]) {
        var demand = demands[leaf] ?? RateDemand(perClass: [])
        let (sum, overflow) = demand.perClass[trafficClass].addingReportingOverflow(rate)
        demand.perClass[trafficClass] = overflow ? .max : sum
        demands[leaf] = demand
    }
}

import DevlinkModel

/// The mlx5 hardware LAG as the driver shows it in debugfs, `/sys/kernel/debug/mlx5/<bdf>/lag/`
/// (lag.md §1.15: state, type, port_sel_mode, flags, mapping, members). The kernel has no netlink view
/// of it. Where the directory cannot be read the LAG is reported inactive with the reason.
/// File contents are untrusted: unknown words are ignored, reads are bounded.
public struct MLX5LagDebugfs: Sendable {
    public var root: String

    public init(root: String = "/sys/kernel/debug/mlx5") { self.root = root }

    public func directory(_ device: DeviceHandle) -> String { "\(root)/\(device.name)/lag" }

    /// The LAG `device` belongs to, or an inactive LAG whose `reason` says why it cannot be seen.
    public func read(_ device: DeviceHandle) -> HardwareLag {
        let dir = directory(device)
        guard let state = KernelFile.read("\(dir)/state") else {
            return HardwareLag(devices: [device], reason: "hardware LAG state unavailable: cannot read \(dir)/state"
                               + " (debugfs not mounted, not root, or not an mlx5 device)")
        }
        var lag = HardwareLag(devices: members(dir) ?? [device])
        guard state.trimmingSpaces() == "active" else { return lag }
        let type = KernelFile.read("\(dir)/type")?.trimmingSpaces()
        lag.mode = type.flatMap(LagMode.init(name:)) ?? .none
        let portSelect = KernelFile.read("\(dir)/port_sel_mode")?.trimmingSpaces()
        lag.portSelectMode = portSelect.flatMap(LagPortSelectMode.init(name:))
        if lag.portSelectMode == .hash { lag.flags.insert(.hashBased) }
        let flags = KernelFile.read("\(dir)/flags") ?? ""
        if flags.contains("shared_fdb:on") { lag.flags.insert(.sharedFDB) }
        if flags.contains("fdb_selection_mode:native") { lag.flags.insert(.fdbSelectionNative) }
        lag.map = Self.mapping(KernelFile.read("\(dir)/mapping") ?? "")
        if !lag.isActive { lag.reason = "debugfs reports state active with an unknown type \"\(type ?? "")\"" }
        return lag
    }

    /// `members`: one PCI name per line.
    func members(_ dir: String) -> [DeviceHandle]? {
        guard let text = KernelFile.read("\(dir)/members") else { return nil }
        let list = text.split(whereSeparator: \.isNewline).map { String($0).trimmingSpaces() }.filter { !$0.isEmpty }
            .map { DeviceHandle(bus: "pci", name: $0) }
        return list.isEmpty ? nil : list
    }

    /// `mapping`: `"<i>:<port>"` lines (queue affinity) or `"<port>"` lines (hash); the ports, in order.
    static func mapping(_ text: String) -> [UInt8] {
        text.split(whereSeparator: \.isNewline).compactMap { line in
            UInt8(line.split(separator: ":").last.map { String($0).trimmingSpaces() } ?? "")
        }
    }
}

import DevlinkModel

/// SR-IOV VF count through sysfs: `/sys/bus/<bus>/devices/<name>/sriov_numvfs`
/// (PCI: /sys/bus/pci/devices/0000:06:00.0/..., netdevsim: /sys/bus/netdevsim/devices/netdevsim1/...).
/// The kernel's write errors (EBUSY between two non-zero counts, ENOMEM above the maximum) pass through.
public struct SysfsSRIOV: Sendable {
    public var root: String

    public init(root: String = "/sys/bus") { self.root = root }

    public func path(_ d: DeviceHandle) -> String { "\(root)/\(d.bus)/devices/\(d.name)/sriov_numvfs" }

    public func numVFs(_ d: DeviceHandle) throws -> UInt32 {
        let text = try KernelFile.read(path(d), limit: 64, missing: missing(d))
        guard let n = UInt32(text.trimmingSpaces()) else {
            throw DevlinkError(.EIO, "unexpected content in \(path(d)): \(text)")
        }
        return n
    }

    public func setNumVFs(_ d: DeviceHandle, _ count: UInt32) throws {
        try KernelFile.write(path(d), "\(count)\n", missing: missing(d))
    }

    private func missing(_ d: DeviceHandle) -> String { "\(d) has no SR-IOV control (\(path(d)) does not exist)" }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

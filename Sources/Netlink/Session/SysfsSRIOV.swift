#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import DevlinkModel

/// SR-IOV VF count through sysfs: `/sys/bus/<bus>/devices/<name>/sriov_numvfs`
/// (PCI: /sys/bus/pci/devices/0000:06:00.0/..., netdevsim: /sys/bus/netdevsim/devices/netdevsim1/...).
/// The kernel's write errors (EBUSY between two non-zero counts, ENOMEM above the maximum) pass through.
public struct SysfsSRIOV: Sendable {
    public var root: String

    public init(root: String = "/sys/bus") { self.root = root }

    public func path(_ d: DeviceHandle) -> String { "\(root)/\(d.bus)/devices/\(d.name)/sriov_numvfs" }

    public func numVFs(_ d: DeviceHandle) throws -> UInt32 {
        let text = try read(path(d), device: d)
        guard let n = UInt32(text.trimmingSpaces()) else {
            throw DevlinkError(.EIO, "unexpected content in \(path(d)): \(text)")
        }
        return n
    }

    public func setNumVFs(_ d: DeviceHandle, _ count: UInt32) throws {
        let p = path(d)
        let fd = open(p, O_WRONLY | O_CLOEXEC)
        guard fd >= 0 else { throw openError(errno, p, d) }
        defer { close(fd) }
        let bytes = Array("\(count)\n".utf8)
        let n = bytes.withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
        guard n >= 0 else {
            let e = errno
            if e == EPERM || e == EACCES { throw DevlinkError(Errno(number: e), "writing \(p) needs root") }
            throw DevlinkError(Errno(number: e))
        }
    }

    private func read(_ p: String, device d: DeviceHandle) throws -> String {
        let fd = open(p, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw openError(errno, p, d) }
        defer { close(fd) }
        var buf = [UInt8](repeating: 0, count: 64)
        let n = buf.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
        guard n >= 0 else { throw DevlinkError(Errno(number: errno), "reading \(p) failed") }
        return String(decoding: buf.prefix(n), as: UTF8.self)
    }

    private func openError(_ e: Int32, _ p: String, _ d: DeviceHandle) -> DevlinkError {
        if e == ENOENT { return DevlinkError(.ENODEV, "\(d) has no SR-IOV control (\(p) does not exist)") }
        if e == EACCES || e == EPERM { return DevlinkError(Errno(number: e), "\(p) needs root") }
        return DevlinkError(Errno(number: e), "cannot open \(p)")
    }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s.removeFirst() }
        while let c = s.last, c.isWhitespace { s.removeLast() }
        return String(s)
    }
}

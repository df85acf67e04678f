#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import DevlinkModel

/// RDMA devices from sysfs, `/sys/class/infiniband/NAME`: the `device` link names the function's
/// device (mlx5_ib_stage_init_init sets the IB device's parent to the core device: the PCI function, or an SF's
/// `mlx5_core.sf.N` auxiliary device), and that device's `subsystem` link its bus, which together make
/// the devlink handle.
public struct SysfsRdma: Sendable {
    public var root: String

    public init(root: String = "/sys/class/infiniband") { self.root = root }

    public func devices() -> [RdmaDevice] {
        guard let dir = opendir(root) else { return [] }
        defer { closedir(dir) }
        var names: [String] = []
        while let entry = readdir(dir) {
            let name = withUnsafeBytes(of: entry.pointee.d_name) { raw in
                String(decoding: raw.prefix(while: { $0 != 0 }), as: UTF8.self)
            }
            if !name.hasPrefix(".") { names.append(name) }
        }
        return names.sorted().map { name in
            let device = "\(root)/\(name)/device"
            guard let target = link(device), let bus = link(device + "/subsystem") else { return RdmaDevice(name: name, device: nil) }
            return RdmaDevice(name: name, device: DeviceHandle(bus: last(bus), name: last(target)))
        }
    }

    private func link(_ path: String) -> String? {
        var buf = [CChar](repeating: 0, count: 4096)
        let n = readlink(path, &buf, buf.count - 1)
        guard n > 0 else { return nil }
        return String(decoding: buf.prefix(n).map { UInt8(bitPattern: $0) }, as: UTF8.self)
    }

    private func last(_ path: String) -> String { String(path.split(separator: "/").last ?? Substring(path)) }
}

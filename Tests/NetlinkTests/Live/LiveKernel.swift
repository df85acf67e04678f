import DevlinkModel
import Foundation
#if canImport(Glibc)
import Glibc
#endif
import Netlink
import Testing

/// Gate and helpers for the tests that talk to a real kernel (run by `scripts/kernel-vm.sh live-tests`
/// inside the QEMU guest). They run only with DLS_LIVE_KERNEL=1 and a kernel that has devlink.
enum LiveKernel {
    static let requested = ProcessInfo.processInfo.environment["DLS_LIVE_KERNEL"] == "1"
    static let available = requested && NetlinkSession.isAvailable()
    /// Root tests create netdevsim devices through sysfs; the unprivileged run checks EPERM.
    static let isRoot = geteuid() == 0
    static let enabled = available && isRoot
    static let unprivileged = available && !isRoot
    static let reason: Comment = "set DLS_LIVE_KERNEL=1 on a kernel with devlink + netdevsim (scripts/kernel-vm.sh live-tests)"
}

/// A netdevsim device created for one test and removed afterwards (`/sys/bus/netdevsim`).
final class NetdevsimDevice {
    let id: Int
    let handle: DeviceHandle

    init(id: Int, ports: Int = 2) throws {
        self.id = id
        handle = DeviceHandle(bus: "netdevsim", name: "netdevsim\(id)")
        try Self.write("/sys/bus/netdevsim/new_device", "\(id) \(ports)")
    }

    deinit { try? Self.write("/sys/bus/netdevsim/del_device", "\(id)") }

    func port(_ index: UInt32) -> PortHandle { PortHandle(device: handle, index: index) }

    static func write(_ path: String, _ text: String) throws {
        guard let h = FileHandle(forWritingAtPath: path) else { throw CocoaError(.fileNoSuchFile) }
        defer { try? h.close() }
        try h.write(contentsOf: Data(text.utf8))
    }
}

/// Expects a DevlinkError with this errno and (if given) extack message.
func expectDevlinkError(_ errno: Errno, _ message: String? = nil, _ body: () throws -> Void) -> DevlinkError? {
    do {
        try body()
    } catch let e as DevlinkError {
        if e.errno != errno || (message != nil && e.message != message) { return e }
        return nil
    } catch {
        return DevlinkError(.EIO, "unexpected \(error)")
    }
    return DevlinkError(.EIO, "no error thrown")
}

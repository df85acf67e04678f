#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif
import DevlinkModel

/// The small sysfs and debugfs files the netlink backend reads and writes whole (sriov_numvfs,
/// netdevsim's health knobs, mlx5's LAG debugfs), with the errors a user can act on: a file that is
/// not there means the device lacks the feature (ENODEV, saying why), no permission means root.
enum KernelFile {
    /// The file's text (at most `limit` bytes); nil when it cannot be read.
    static func read(_ path: String, limit: Int = 4096) -> String? {
        guard let fd = try? open(path, O_RDONLY, missing: "") else { return nil }
        defer { close(fd) }
        return readAll(fd, limit: limit)
    }

    /// The file's text (at most `limit` bytes); `missing` is the message for a file that is not there.
    static func read(_ path: String, limit: Int = 4096, missing: @autoclosure () -> String) throws -> String {
        let fd = try open(path, O_RDONLY, missing: missing())
        defer { close(fd) }
        guard let text = readAll(fd, limit: limit) else { throw DevlinkError(Errno(number: errno), "reading \(path) failed") }
        return text
    }

    /// Writes `text` in one write, whose errno is the kernel's answer to it (EBUSY, ECANCELED, ...).
    static func write(_ path: String, _ text: String, missing: @autoclosure () -> String) throws {
        let fd = try open(path, O_WRONLY, missing: missing())
        defer { close(fd) }
        let bytes = Array(text.utf8)
        let n = bytes.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n >= 0 else {
            let e = errno
            if e == EPERM || e == EACCES { throw DevlinkError(Errno(number: e), "writing \(path) needs root") }
            throw DevlinkError(Errno(number: e))
        }
    }

    private static func open(_ path: String, _ flags: Int32, missing: @autoclosure () -> String) throws -> Int32 {
        let fd = Glibc.open(path, flags | O_CLOEXEC)
        guard fd < 0 else { return fd }
        let e = errno
        if e == ENOENT { throw DevlinkError(.ENODEV, missing()) }
        if e == EACCES || e == EPERM { throw DevlinkError(Errno(number: e), "\(path) needs root") }
        throw DevlinkError(Errno(number: e), "cannot open \(path)")
    }

    private static func readAll(_ fd: Int32, limit: Int) -> String? {
        var out: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 512)
        while out.count < limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n >= 0 else { return nil }
            if n == 0 { break }
            out += chunk.prefix(min(n, limit - out.count))
        }
        return String(decoding: out, as: UTF8.self)
    }
}

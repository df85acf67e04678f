import DevlinkModel

/// netdevsim's health debugfs (drivers/net/netdevsim/health.c): a real kernel has no netlink request
/// that makes a driver report an error, so `health_report()` on the netlink backend reaches the one
/// driver that offers it, netdevsim, through `health/break_health` (nsim_dev_health_break_write →
/// devlink_health_report on "dummy"); its knobs `binary_len` and `fail_recover` sit beside it. The
/// write's errno is devlink_health_report's (ECANCELED when the auto recovery was abandoned).
public struct NetdevsimHealthDebugfs: Sendable {
    public var root: String

    public init(root: String = "/sys/kernel/debug/netdevsim") { self.root = root }

    /// `/sys/kernel/debug/netdevsim/netdevsimN/health/FILE`.
    public func path(_ d: DeviceHandle, _ file: String) -> String { "\(root)/\(d.name)/health/\(file)" }

    public func report(_ op: ReportHealthError) throws {
        let id = op.handle
        guard id.device.bus == "netdevsim", id.port == nil, id.name == "dummy" else {
            throw DevlinkError(.EOPNOTSUPP, "only netdevsim's dummy reporter can be made to report an error on a real kernel (its debugfs health/break_health)")
        }
        try write(path(id.device, "break_health"), op.changes, device: id.device)
    }

    public func set(_ op: SetNetdevsimHealthKnob) throws {
        guard op.device.bus == "netdevsim" else { throw DevlinkError(.ENODEV, "\(op.device) has no netdevsim health debugfs") }
        guard ["binary_len", "fail_recover"].contains(op.knob) else {
            throw DevlinkError(.ENOENT, "netdevsim has no health knob \(op.knob) (binary_len, fail_recover)")
        }
        try write(path(op.device, op.knob), op.value, device: op.device)
    }

    private func write(_ p: String, _ text: String, device d: DeviceHandle) throws {
        try KernelFile.write(p, text, missing: "\(d) has no netdevsim health debugfs (\(p) does not exist; is debugfs mounted?)")
    }
}

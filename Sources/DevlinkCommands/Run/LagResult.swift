import DevlinkModel

/// What `lag` and `link` commands produce, before formatting.
public enum LagResult: Sendable {
    /// `lag show`: `single` when the line named one bond.
    case bonds([Bond], single: Bool)
    /// `lag add`: the new bond, as a value only (ip prints nothing).
    case created(Bond)
    /// `link show`.
    case interfaces([NetInterface], single: Bool)
    /// `lag fw log DEV`.
    case firmwareLog(DeviceHandle, [FirmwareCommand])
    /// `route show`: the main table's routes in dump order.
    case routes([Route])
    /// The extack warning of a successful request (printed on stderr as `Warning: ...`).
    case warning(String)
}

/// A devlink notification on the "config" multicast group, in the order the kernel sends them.
/// Deletions carry the object as it was just before it went away (the kernel sends the full message).
public enum DevlinkEvent: Equatable, Sendable, Codable {
    case deviceNew(DeviceHandle)
    case deviceDel(DeviceHandle)
    case portNew(Port)
    case portDel(Port)
    case rateNew(RateObject)
    case rateDel(RateObject)
    case paramNew(Param)

    /// iproute2 monitor's `[obj,cmd]` naming: object part.
    public var object: String {
        switch self {
        case .deviceNew, .deviceDel: "dev"
        case .portNew, .portDel: "port"
        case .rateNew, .rateDel: "rate"
        case .paramNew: "param"
        }
    }

    /// `new` or `del`.
    public var command: String {
        switch self {
        case .deviceNew, .portNew, .rateNew, .paramNew: "new"
        case .deviceDel, .portDel, .rateDel: "del"
        }
    }
}

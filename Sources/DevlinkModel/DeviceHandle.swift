/// A devlink instance handle: bus name and device name, written `bus/name`
/// (`pci/0000:06:00.0`, `netdevsim/netdevsim1`, `auxiliary/mlx5_core.sf.4`).
public struct DeviceHandle: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var bus: String
    public var name: String

    public init(bus: String, name: String) {
        self.bus = bus
        self.name = name
    }

    /// Parses `bus/name`: exactly one slash, both parts non-empty, no whitespace.
    public init(parsing text: String) throws(HandleParseError) {
        let parts = HandleSyntax.parts(text)
        let example = "BUS/NAME, e.g. pci/0000:06:00.0"
        guard parts.count == 2 else {
            let what = parts.count < 2 ? "no \"/\" between bus and device name" : "too many \"/\" for a device handle"
            throw HandleParseError(input: text, reason: "\(what) (expected \(example))")
        }
        self = try HandleSyntax.device(parts[0], parts[1], input: text, example: example)
    }

    public var description: String { "\(bus)/\(name)" }

    public static func < (lhs: DeviceHandle, rhs: DeviceHandle) -> Bool {
        (lhs.bus, lhs.name) < (rhs.bus, rhs.name)
    }
}

/// A rate object handle: `bus/name/PORT_INDEX` for a leaf (all digits) or `bus/name/NODE_NAME` for a node,
/// the same split iproute2 makes.
public struct RateHandle: Hashable, Sendable, CustomStringConvertible, Codable {
    public enum Target: Hashable, Sendable, Codable {
        case leaf(portIndex: UInt32)
        case node(name: String)
    }

    public var device: DeviceHandle
    public var target: Target

    public init(device: DeviceHandle, target: Target) {
        self.device = device
        self.target = target
    }

    public static func leaf(_ port: PortHandle) -> RateHandle {
        RateHandle(device: port.device, target: .leaf(portIndex: port.index))
    }

    public static func node(_ device: DeviceHandle, _ name: String) -> RateHandle {
        RateHandle(device: device, target: .node(name: name))
    }

    /// Parses `bus/name/x`: all-digit `x` is a leaf's port index (must fit u32), anything else a node name.
    public init(parsing text: String) throws(HandleParseError) {
        let example = "BUS/NAME/PORT_INDEX or BUS/NAME/NODE_NAME, e.g. pci/0000:06:00.0/1 or pci/0000:06:00.0/group1"
        let (device, last) = try HandleSyntax.deviceAndLast(text, kind: "rate", example: example)
        try HandleSyntax.validateComponent(last, what: "port index or node name", input: text, example: example)
        if HandleSyntax.isDecimal(last) {
            guard let index = UInt32(last) else {
                throw HandleParseError(input: text, reason: "port index \"\(last)\" does not fit in 32 bits")
            }
            self.init(device: device, target: .leaf(portIndex: index))
        } else {
            self.init(device: device, target: .node(name: String(last)))
        }
    }

    public var isNode: Bool {
        if case .node = target { return true }
        return false
    }

    public var description: String {
        switch target {
        case .leaf(let index): return "\(device)/\(index)"
        case .node(let name): return "\(device)/\(name)"
        }
    }
}

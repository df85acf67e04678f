/// A devlink port handle: device plus the driver-chosen u32 port index, written `bus/name/index`.
public struct PortHandle: Hashable, Comparable, Sendable, CustomStringConvertible, Codable {
    public var device: DeviceHandle
    public var index: UInt32

    public init(device: DeviceHandle, index: UInt32) {
        self.device = device
        self.index = index
    }

    /// Parses `bus/name/index` where index is a decimal u32.
    public init(parsing text: String) throws(HandleParseError) {
        let parts = HandleSyntax.parts(text)
        let example = "BUS/NAME/PORT_INDEX, e.g. pci/0000:06:00.0/1"
        guard parts.count == 3 else {
            throw HandleParseError(input: text,
                                   reason: "has \(parts.count - 1) \"/\" but a port handle has 2 (expected \(example))")
        }
        try HandleSyntax.validateComponent(parts[0], what: "bus name", input: text, example: example)
        try HandleSyntax.validateComponent(parts[1], what: "device name", input: text, example: example)
        guard let index = PortHandle.parseIndex(parts[2]) else {
            throw HandleParseError(input: text,
                                   reason: "port index \"\(parts[2])\" is not a decimal number 0...4294967295 (expected \(example))")
        }
        self.init(device: DeviceHandle(bus: String(parts[0]), name: String(parts[1])), index: index)
    }

    /// A decimal u32, digits only (no sign, no spaces).
    static func parseIndex(_ text: Substring) -> UInt32? {
        guard !text.isEmpty, text.allSatisfy({ $0.isASCII && $0.isNumber }) else { return nil }
        return UInt32(text)
    }

    public var description: String { "\(device)/\(index)" }

    public static func < (lhs: PortHandle, rhs: PortHandle) -> Bool {
        (lhs.device, lhs.index) < (rhs.device, rhs.index)
    }
}

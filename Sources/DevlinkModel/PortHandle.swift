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
        let example = "BUS/NAME/PORT_INDEX, e.g. pci/0000:06:00.0/1"
        let (device, last) = try HandleSyntax.deviceAndLast(text, kind: "port", example: example)
        guard let index = PortHandle.parseIndex(last) else {
            throw HandleParseError(input: text,
                                   reason: "port index \"\(last)\" is not a decimal number 0...4294967295 (expected \(example))")
        }
        self.init(device: device, index: index)
    }

    /// A decimal u32, digits only (no sign, no spaces).
    static func parseIndex(_ text: Substring) -> UInt32? {
        HandleSyntax.isDecimal(text) ? UInt32(text) : nil
    }

    public var description: String { "\(device)/\(index)" }

    public static func < (lhs: PortHandle, rhs: PortHandle) -> Bool {
        (lhs.device, lhs.index) < (rhs.device, rhs.index)
    }
}

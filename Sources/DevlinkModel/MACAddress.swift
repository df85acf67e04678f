/// A hardware address as devlink carries it (PORT_FUNCTION_ATTR_HW_ADDR is binary, up to 32 bytes; Ethernet
/// uses 6). Written `aa:bb:cc:dd:ee:ff`, always formatted lowercase with two digits per byte.
public struct MACAddress: Hashable, Sendable, CustomStringConvertible, Codable {
    public private(set) var bytes: [UInt8]

    /// The largest address the kernel accepts (MAX_ADDR_LEN).
    public static let maxLength = 32

    public static let zero = MACAddress(uncheckedBytes: [0, 0, 0, 0, 0, 0])

    private init(uncheckedBytes: [UInt8]) { bytes = uncheckedBytes }

    /// Any 1...32 bytes; nil otherwise.
    public init?(bytes: [UInt8]) {
        guard (1...MACAddress.maxLength).contains(bytes.count) else { return nil }
        self.bytes = bytes
    }

    /// Parses `aa:bb:cc:dd:ee:ff` (1 or 2 hex digits per byte, any case, 1...32 bytes).
    public init(parsing text: String) throws(HandleParseError) {
        let parts = text.split(separator: ":", omittingEmptySubsequences: false)
        guard parts.count <= MACAddress.maxLength else {
            throw HandleParseError(input: text, reason: "more than \(MACAddress.maxLength) bytes")
        }
        var bytes: [UInt8] = []
        bytes.reserveCapacity(parts.count)
        for (position, part) in parts.enumerated() {
            guard (1...2).contains(part.count), part.allSatisfy(\.isHexDigit), let byte = UInt8(part, radix: 16) else {
                throw HandleParseError(
                    input: text,
                    reason: "byte \(position + 1) \"\(part)\" is not 1-2 hex digits (expected a MAC like 00:11:22:33:44:55)")
            }
            bytes.append(byte)
        }
        self.bytes = bytes
    }

    public var description: String {
        // Written as bytes: a string per byte joined together cost more than the rest of a port's line.
        let digits: StaticString = "0123456789abcdef"
        return digits.withUTF8Buffer { hex in
            String(unsafeUninitializedCapacity: max(0, bytes.count * 3 - 1)) { out in
                var i = 0
                for byte in bytes {
                    if i > 0 { out[i] = UInt8(ascii: ":"); i += 1 }
                    out[i] = hex[Int(byte >> 4)]
                    out[i + 1] = hex[Int(byte & 0xF)]
                    i += 2
                }
                return i
            }
        }
    }

    /// Six bytes, as an Ethernet port requires.
    public var isEthernet: Bool { bytes.count == 6 }

    /// Bit 0 of the first byte: group (multicast/broadcast) address, refused for Ethernet functions.
    public var isMulticast: Bool { (bytes.first ?? 0) & 1 == 1 }

    public var isZero: Bool { bytes.allSatisfy { $0 == 0 } }

    /// The address plus `n`, treating the bytes as one big-endian number; nil if it over- or underflows.
    public func adding(_ n: Int) -> MACAddress? { add(n, wrapping: false) }

    /// `mac + n` wraps around at the ends of the address space (use `adding` to detect that).
    public static func + (lhs: MACAddress, rhs: Int) -> MACAddress {
        lhs.add(rhs, wrapping: true) ?? lhs
    }

    public static func - (lhs: MACAddress, rhs: Int) -> MACAddress {
        lhs.add(rhs == Int.min ? Int.max : -rhs, wrapping: true) ?? lhs
    }

    private func add(_ n: Int, wrapping: Bool) -> MACAddress? {
        var result = bytes
        var carry = n.magnitude
        let negative = n < 0
        var position = result.count - 1
        while carry > 0 {
            // A carry left over past the top byte is a multiple of 2^(8*count): dropping it is the wrap.
            guard position >= 0 else { return wrapping ? MACAddress(uncheckedBytes: result) : nil }
            let step = UInt8(truncatingIfNeeded: carry & 0xff)
            carry >>= 8
            let (value, over) = negative
                ? result[position].subtractingReportingOverflow(step)
                : result[position].addingReportingOverflow(step)
            result[position] = value
            if over { carry += 1 }
            position -= 1
        }
        return MACAddress(uncheckedBytes: result)
    }
}

import DevlinkModel
import DLSLanguage

/// A MAC address value (`mac("00:00:00:00:88:00") + i`). Interpolates as its text.
public final class MACValue: OffsettableHostObject {
    public let address: MACAddress

    public init(_ address: MACAddress) { self.address = address }

    public var typeName: String { "mac" }
    public var fieldNames: [String] { ["handle", "bytes", "multicast"] }

    public func field(_ name: String) -> Value? {
        switch name {
        // `handle` is what a command word uses when the value is interpolated.
        case "handle": return .string(address.description)
        case "bytes": return .list(ListObject(address.bytes.map { .int(Int($0)) }))
        case "multicast": return .bool(address.isMulticast)
        default: return nil
        }
    }

    public var displayText: String { address.description }
    public var jsonValue: Value { .string(address.description) }

    public func isEqual(to other: any HostObject) -> Bool {
        (other as? MACValue)?.address == address
    }

    public func offset(by n: Int) throws -> Value {
        guard let moved = address.adding(n) else {
            throw CommandFailure("mac: \(address) \(n < 0 ? "-" : "+") \(n.magnitude) leaves the address space")
        }
        return .object(MACValue(moved))
    }
}

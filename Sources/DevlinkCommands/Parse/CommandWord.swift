import DevlinkModel
import DLSLanguage

/// One word of a command line: its text and, when it came from a whole `$x` interpolation, the dls
/// value (a port object, a rate, a MAC), so options can take values without a round trip through text.
public struct CommandWordInput: Sendable {
    public var text: String
    public var value: ValueBox?

    public init(text: String, value: ValueBox? = nil) {
        self.text = text
        self.value = value
    }
}

/// The few dls value shapes option parsing cares about (Value itself is not Sendable).
public enum ValueBox: Sendable, Equatable {
    case int(Int)
    case float(Double)
    case bool(Bool)
    case rate(UInt64)
    case string(String)
    case mac(MACAddress)
    /// Any other value: its type name, for the error message.
    case other(String)

    init(_ value: Value) {
        switch value {
        case .int(let i): self = .int(i)
        case .float(let f): self = .float(f)
        case .bool(let b): self = .bool(b)
        case .rate(let r): self = .rate(r.bytesPerSecond)
        case .string(let s): self = .string(s.value)
        case .object(let box):
            let o = box.object
            if let mac = o as? MACValue { self = .mac(mac.address) }
            else if let h = o.field("handle"), let s = h.stringValue { self = .string(s) } else { self = .other(o.typeName) }
        default: self = .other(value.typeName)
        }
    }

    var typeName: String {
        switch self {
        case .int: return "int"
        case .float: return "float"
        case .bool: return "bool"
        case .rate: return "rate"
        case .string: return "string"
        case .mac: return "mac"
        case .other(let t): return t
        }
    }
}

import DevlinkModel
import DLSLanguage

/// A rate object: `r.handle`, `r.type` (leaf/node), `r.node`, `r.port_index`, `r.tx_share` (a rate),
/// `r.tx_max`, `r.tx_priority`, `r.tx_weight`, `r.parent` (nil if none), `r.tc_bw` (8 shares;
/// nil on a kernel without tc-bw).
public final class RateObjectValue: HostObject {
    public let rate: RateObject
    let formatter: TextFormatter

    public init(_ rate: RateObject, formatter: TextFormatter = TextFormatter()) {
        self.rate = rate
        self.formatter = formatter
    }

    public var typeName: String { "rate" }

    public var fieldNames: [String] {
        ["handle", "device", "type", "node", "port_index", "tx_share", "tx_max", "tx_priority", "tx_weight",
         "parent", "tc_bw"]
    }

    public func field(_ name: String) -> Value? {
        // Written with plain if/else: the `Optional.map { ... } ?? .null` form crashed swiftc 6.3.1's
        // optimizer (ownership verifier) in release builds.
        switch name {
        case "handle": return .string(rate.handle.description)
        case "device": return .string(rate.handle.device.description)
        case "type": return .string(rate.type.name)
        case "node":
            if let node = rate.nodeName { return .string(node) }
            return .null
        case "port_index":
            if let index = rate.portIndex { return .int(Int(index)) }
            return .null
        case "tx_share": return .rate(Rate(bytesPerSecond: rate.txShare))
        case "tx_max": return .rate(Rate(bytesPerSecond: rate.txMax))
        case "tx_priority": return .int(Int(rate.txPriority))
        case "tx_weight": return .int(Int(rate.txWeight))
        case "parent":
            if let parent = rate.parent { return .string(parent) }
            return .null
        case "tc_bw":
            // nil where the kernel has no tc-bw (it sent none), so "unsupported" is not "all zero".
            if rate.absent.contains(.tcBandwidths) { return .null }
            return .list(ListObject(rate.tcBandwidths.map { .int(Int($0)) }))
        default: return nil
        }
    }

    public var displayText: String { formatter.rate(rate) }

    public var jsonValue: Value {
        let m = MapObject()
        m.entries[.string("handle")] = .string(rate.handle.description)
        if case .map(let fields) = FieldValues.map(Fields.rate(rate)) {
            for (k, v) in fields.entries { m.entries[k] = v }
        }
        return .map(m)
    }

    public func isEqual(to other: any HostObject) -> Bool { (other as? RateObjectValue)?.rate == rate }
}

import DevlinkModel
import DLSLanguage

/// A rate object: `r.handle`, `r.type` (leaf/node), `r.node`, `r.port_index`, `r.tx_share` (a rate),
/// `r.tx_max`, `r.tx_priority`, `r.tx_weight`, `r.parent` (nil if none), `r.tc_bw` (8 shares;
/// nil on a kernel without tc-bw). Live like a port object (LiveObjects.swift).
public typealias RateObjectValue = ObjectValue<RateSchema>

public enum RateSchema: ObjectSchema {
    public static let typeName = "rate"

    // Written with plain if/else: the `Optional.map { ... } ?? .null` form crashed swiftc 6.3.1's
    // optimizer (ownership verifier) in release builds.
    public static let fields: [ScriptField<RateObject>] = [
        ScriptField("handle") { .string($0.handle.description) },
        ScriptField("device") { .string($0.handle.device.description) },
        ScriptField("type") { .string($0.type.name) },
        ScriptField("node") { rate in
            if let node = rate.nodeName { return .string(node) }
            return .null
        },
        ScriptField("port_index") { rate in
            if let index = rate.portIndex { return .int(Int(index)) }
            return .null
        },
        ScriptField("tx_share") { .rate(Rate(bytesPerSecond: $0.txShare)) },
        ScriptField("tx_max") { .rate(Rate(bytesPerSecond: $0.txMax)) },
        ScriptField("tx_priority") { .int(Int($0.txPriority)) },
        ScriptField("tx_weight") { .int(Int($0.txWeight)) },
        ScriptField("parent") { rate in
            if let parent = rate.parent { return .string(parent) }
            return .null
        },
        ScriptField("tc_bw") { rate in
            // nil where the kernel has no tc-bw (it sent none), so "unsupported" is not "all zero".
            if rate.absent.contains(.tcBandwidths) { return .null }
            return .list(ListObject(rate.tcBandwidths.map { .int(Int($0)) }))
        },
    ]

    public static func reread(_ rate: RateObject, from session: DeviceSession) throws -> RateObject {
        try session.rate(rate.handle)
    }

    public static func text(_ rate: RateObject, _ formatter: TextFormatter) -> String { formatter.rate(rate) }
    public static func json(_ rate: RateObject) -> Value { FieldValues.map(handle: rate.handle.description, Fields.rate(rate)) }
}

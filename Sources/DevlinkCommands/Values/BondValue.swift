import DevlinkModel
import DLSLanguage

/// A bond: `b.name`, `b.mode`, `b.miimon`, `b.xmit_hash_policy`, `b.lacp_rate`, `b.up`, `b.carrier`,
/// `b.active_slave`, `b.slaves` (maps: name, state, mii_status, link_failure_count) and `b.lag`, the
/// hardware LAG (nil when none). Prints as `lag show` does. Live like a port object
/// (LiveObjects.swift): `b.lag.active` turns true once the bond work has run.
public typealias BondValue = ObjectValue<BondSchema>

public enum BondSchema: ObjectSchema {
    public static let typeName = "bond"

    public static let fields: [ScriptField<Bond>] = [
        ScriptField("name") { .string($0.name) },
        ScriptField("ifindex") { .int(Int($0.ifindex)) },
        ScriptField("mode") { .string($0.mode.name) },
        ScriptField("miimon") { .int(Int($0.miimon)) },
        ScriptField("updelay") { .int(Int($0.updelay)) },
        ScriptField("downdelay") { .int(Int($0.downdelay)) },
        ScriptField("xmit_hash_policy") { .string($0.xmitHashPolicy.name) },
        ScriptField("lacp_rate") { bond in bond.lacpRate.map { .string($0.name) } ?? .null },
        ScriptField("min_links") { .int(Int($0.minLinks)) },
        ScriptField("arp_interval") { .int(Int($0.arpInterval)) },
        ScriptField("arp_ip_target") { .list(ListObject($0.arpIPTargets.map { .string($0) })) },
        ScriptField("ns_ip6_target") { .list(ListObject($0.nsIP6Targets.map { .string($0) })) },
        ScriptField("primary") { bond in bond.primary.map { .string($0) } ?? .null },
        ScriptField("primary_reselect") { .string($0.primaryReselect.name) },
        ScriptField("up") { .bool($0.adminUp) },
        ScriptField("carrier") { .bool($0.carrier) },
        ScriptField("active_slave") { bond in bond.activeSlave.map { .string($0) } ?? .null },
        ScriptField("slaves") { .list(ListObject($0.slaves.map(slave))) },
        // Kept in a variable (`let k = b.lag`), the LAG goes on following the card like the bond.
        ScriptField("lag") { bond, live in
            bond.hardwareLag.map { .object(HardwareLagValue(HardwareLagReading($0, device: $0.devices.first), live: live)) } ?? .null
        },
    ]

    static func slave(_ s: BondSlave) -> Value {
        let m = MapObject()
        m.entries[.string("name")] = .string(s.name)
        m.entries[.string("state")] = .string(s.state.name)
        m.entries[.string("mii_status")] = .string(s.miiStatus.name)
        m.entries[.string("link_failure_count")] = .int(Int(s.linkFailureCount))
        m.entries[.string("prio")] = .int(Int(s.prio))
        return .map(m)
    }

    public static func reread(_ bond: Bond, from session: DeviceSession) throws -> Bond {
        guard let links = session.linkSession else { throw DevlinkError(.EOPNOTSUPP, "no links") }
        return try links.bond(named: bond.name)
    }

    public static func text(_ bond: Bond, _ formatter: TextFormatter) -> String {
        let text = LagText.bond(bond)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }
}

/// The hardware LAG of a card: `l.active`, `l.state`, `l.mode` (roce, switchdev, ...), `l.flags`,
/// `l.port_select_mode`, `l.map` (list of physical ports), `l.rdma` (the first RDMA device),
/// `l.rdma_devices`, `l.devices`, `l.bond`, `l.reason`.
public typealias HardwareLagValue = ObjectValue<HardwareLagSchema>

/// A card's LAG and the card it is read from (the first member PF when it came with a bond), which a
/// live value re-reads: the LAG alone names no card while it is inactive.
public struct HardwareLagReading: Equatable, Sendable {
    public var lag: HardwareLag
    public var device: DeviceHandle?
    public init(_ lag: HardwareLag, device: DeviceHandle?) { (self.lag, self.device) = (lag, device) }
}

public enum HardwareLagSchema: ObjectSchema {
    public static let typeName = "hw_lag"

    public static func reread(_ reading: HardwareLagReading, from session: DeviceSession) throws -> HardwareLagReading {
        guard let device = reading.device else { return reading }
        guard let lag = try session.linkSession?.hardwareLag(device) else { throw DevlinkError(.EOPNOTSUPP, "no LAG") }
        return HardwareLagReading(lag, device: device)
    }

    private static func strings(_ list: [String]) -> Value { .list(ListObject(list.map { .string($0) })) }

    public static let fields: [ScriptField<HardwareLagReading>] = [
        ScriptField("active") { .bool($0.lag.isActive) },
        ScriptField("state") { .string($0.lag.state) },
        ScriptField("mode") { .string($0.lag.mode.name) },
        ScriptField("flags") { strings($0.lag.flags.names) },
        ScriptField("port_select_mode") { r in r.lag.portSelectMode.map { .string($0.name) } ?? .null },
        ScriptField("map") { .list(ListObject($0.lag.map.map { .int(Int($0)) })) },
        ScriptField("rdma") { r in r.lag.rdmaDevice.map { .string($0) } ?? .null },
        ScriptField("rdma_devices") { strings($0.lag.rdmaDevices) },
        ScriptField("devices") { strings($0.lag.devices.map(\.description)) },
        ScriptField("bond") { r in r.lag.bond.map { .string($0) } ?? .null },
        ScriptField("reason") { r in r.lag.reason.map { .string($0) } ?? .null },
    ]

    public static func text(_ r: HardwareLagReading, _ formatter: TextFormatter) -> String { LagText.hardwareLag(r.lag) }
}

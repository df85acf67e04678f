import DevlinkModel
import DLSLanguage

/// A bond: `b.name`, `b.mode`, `b.miimon`, `b.xmit_hash_policy`, `b.lacp_rate`, `b.up`, `b.carrier`,
/// `b.active_slave`, `b.slaves` (maps: name, state, mii_status, link_failure_count) and `b.lag`, the
/// hardware LAG (nil when none). Prints as `lag show` does. Live like a port object
/// (LiveObjects.swift): `b.lag.active` turns true once the bond work has run.
public final class BondValue: HostObject {
    /// The bond as the system has it now (a live object re-reads it).
    public var bond: Bond {
        let name = cell.value.name
        return cell.current { session in
            guard let links = session.linkSession else { throw DevlinkError(.EOPNOTSUPP, "no links") }
            return try links.bond(named: name)
        }
    }
    private var cell: LiveCell<Bond>

    /// `live`: follow the system (objects from commands and queries); nil: a fixed value.
    public init(_ bond: Bond, live: LiveState? = nil) { cell = LiveCell(bond, live: live) }

    public var typeName: String { "bond" }

    public var fieldNames: [String] {
        ["name", "ifindex", "mode", "miimon", "updelay", "downdelay", "xmit_hash_policy", "lacp_rate", "min_links",
         "arp_interval", "arp_ip_target", "ns_ip6_target", "primary", "primary_reselect", "up", "carrier", "active_slave", "slaves", "lag"]
    }

    public func field(_ name: String) -> Value? {
        let bond = self.bond
        switch name {
        case "name": return .string(bond.name)
        case "ifindex": return .int(Int(bond.ifindex))
        case "mode": return .string(bond.mode.name)
        case "miimon": return .int(Int(bond.miimon))
        case "updelay": return .int(Int(bond.updelay))
        case "downdelay": return .int(Int(bond.downdelay))
        case "xmit_hash_policy": return .string(bond.xmitHashPolicy.name)
        case "lacp_rate": return bond.lacpRate.map { .string($0.name) } ?? .null
        case "min_links": return .int(Int(bond.minLinks))
        case "arp_interval": return .int(Int(bond.arpInterval))
        case "arp_ip_target": return .list(ListObject(bond.arpIPTargets.map { .string($0) }))
        case "ns_ip6_target": return .list(ListObject(bond.nsIP6Targets.map { .string($0) }))
        case "primary": return bond.primary.map { .string($0) } ?? .null
        case "primary_reselect": return .string(bond.primaryReselect.name)
        case "up": return .bool(bond.adminUp)
        case "carrier": return .bool(bond.carrier)
        case "active_slave": return bond.activeSlave.map { .string($0) } ?? .null
        case "slaves": return .list(ListObject(bond.slaves.map(Self.slave)))
        case "lag": return bond.hardwareLag.map { .object(HardwareLagValue($0, device: $0.devices.first, live: cell.live)) } ?? .null
        default: return nil
        }
    }

    static func slave(_ s: BondSlave) -> Value {
        let m = MapObject()
        m.entries[.string("name")] = .string(s.name)
        m.entries[.string("state")] = .string(s.state.name)
        m.entries[.string("mii_status")] = .string(s.miiStatus.name)
        m.entries[.string("link_failure_count")] = .int(Int(s.linkFailureCount))
        m.entries[.string("prio")] = .int(Int(s.prio))
        return .map(m)
    }

    public var displayText: String {
        let text = LagText.bond(bond)
        return text.hasSuffix("\n") ? String(text.dropLast()) : text
    }

    public var jsonValue: Value {
        let m = MapObject()
        let frozen = BondValue(bond)   // one read for every field
        for name in fieldNames {
            let value = frozen.field(name) ?? .null
            if case .object(let o) = value { m.entries[.string(name)] = o.jsonValue } else { m.entries[.string(name)] = value }
        }
        return .map(m)
    }

    public func isEqual(to other: any HostObject) -> Bool { (other as? BondValue)?.bond == bond }
}

/// The hardware LAG of a card: `l.active`, `l.state`, `l.mode` (roce, switchdev, ...), `l.flags`,
/// `l.port_select_mode`, `l.map` (list of physical ports), `l.rdma` (the first RDMA device),
/// `l.rdma_devices`, `l.devices`, `l.bond`, `l.reason`.
public final class HardwareLagValue: HostObject {
    /// The card the LAG was read from (the first member PF when it came with a bond).
    public let device: DeviceHandle?
    /// The LAG as the card has it now (a live object re-reads it).
    public var lag: HardwareLag {
        guard let device else { return cell.value }
        return cell.current { session in
            guard let lag = try session.linkSession?.hardwareLag(device) else { throw DevlinkError(.EOPNOTSUPP, "no LAG") }
            return lag
        }
    }
    private var cell: LiveCell<HardwareLag>

    /// `live`: follow the card read at `device` (objects from queries); nil: a fixed value.
    public init(_ lag: HardwareLag, device: DeviceHandle? = nil, live: LiveState? = nil) {
        self.device = device
        cell = LiveCell(lag, live: device == nil ? nil : live)
    }

    public var typeName: String { "hw_lag" }

    public var fieldNames: [String] {
        ["active", "state", "mode", "flags", "port_select_mode", "map", "rdma", "rdma_devices", "devices", "bond", "reason"]
    }

    public func field(_ name: String) -> Value? {
        func strings(_ list: [String]) -> Value { .list(ListObject(list.map { .string($0) })) }
        let lag = self.lag
        switch name {
        case "active": return .bool(lag.isActive)
        case "state": return .string(lag.state)
        case "mode": return .string(lag.mode.name)
        case "flags": return strings(lag.flags.names)
        case "port_select_mode": return lag.portSelectMode.map { .string($0.name) } ?? .null
        case "map": return .list(ListObject(lag.map.map { .int(Int($0)) }))
        case "rdma": return lag.rdmaDevice.map { .string($0) } ?? .null
        case "rdma_devices": return strings(lag.rdmaDevices)
        case "devices": return strings(lag.devices.map(\.description))
        case "bond": return lag.bond.map { .string($0) } ?? .null
        case "reason": return lag.reason.map { .string($0) } ?? .null
        default: return nil
        }
    }

    public var displayText: String { LagText.hardwareLag(lag) }

    public var jsonValue: Value {
        let m = MapObject()
        let frozen = HardwareLagValue(lag)   // one read for every field
        for name in fieldNames { m.entries[.string(name)] = frozen.field(name) ?? .null }
        return .map(m)
    }

    public func isEqual(to other: any HostObject) -> Bool { (other as? HardwareLagValue)?.lag == lag }
}

import DevlinkModel

/// Text output of `lag` and `link`: one line per bond/interface in devlink's `key value` style, slaves
/// and the hardware LAG indented under their bond.
enum LagText {
    static func format(_ result: LagResult) -> String {
        switch result {
        case .created, .warning: return ""
        case .bonds(let bonds, _): return bonds.map(bond).joined()
        case .interfaces(let list, _): return list.map(interface).joined()
        case .firmwareLog(let device, let log): return "\(device):\n" + log.map { "  " + command($0) + "\n" }.joined()
        case .routes(let routes): return RouteText.format(routes)
        }
    }

    static func bond(_ b: Bond) -> String {
        var out = "\(b.name):" + LagFields.bond(b).map { " \($0.0) \($0.1)" }.joined() + "\n"
        for s in b.slaves {
            out += "  slave \(s.name) state \(s.state.name) mii_status \(s.miiStatus.name) link_failure_count \(s.linkFailureCount)"
                + (s.prio != 0 ? " prio \(s.prio)" : "") + "\n"
        }
        if let lag = b.hardwareLag { out += "  " + hardwareLag(lag) + "\n" }
        return out
    }

    static func hardwareLag(_ l: HardwareLag) -> String {
        var line = "hw_lag: state \(l.state)"
        if l.isActive {
            line += " mode \(l.mode.name) flags \(l.flags.isEmpty ? "none" : l.flags.description)"
            if let p = l.portSelectMode { line += " port_select_mode \(p.name)" }
            line += " map " + LagFields.map(l.map)
        }
        if !l.rdmaDevices.isEmpty { line += " rdma " + l.rdmaDevices.joined(separator: ",") }
        line += " devices " + l.devices.map(\.description).joined(separator: ",")
        if let reason = l.reason { line += "\n    reason: \(reason)" }
        return line
    }

    static func interface(_ i: NetInterface) -> String {
        var line = "\(i.ifindex): \(i.name): kind \(i.kind.rawValue) state \(i.adminUp ? "up" : "down") carrier \(i.carrier ? "on" : "off")"
        if let m = i.master { line += " master \(m)" }
        return line + "\n"
    }

    static func command(_ c: FirmwareCommand) -> String {
        var line = "\(c.sequence) \(c.opcode.name) opcode 0x\(hex(c.opcode.rawValue)) op_mod 0x\(hex(c.opMod))"
            + " status \(c.status.text)(0x\(hex(c.status.rawValue))) syndrome 0x\(hex(c.syndrome))"
        line += LagFields.context(c).map { " \($0.0) \($0.1)" }.joined()
        return line
    }

    static func hex<T: BinaryInteger>(_ n: T) -> String { String(n, radix: 16) }
}

/// The attributes shared by text and JSON, in print order.
enum LagFields {
    static func bond(_ b: Bond) -> [(String, String)] {
        var f: [(String, String)] = [("mode", b.mode.name), ("miimon", "\(b.miimon)"), ("updelay", "\(b.updelay)"),
                                     ("downdelay", "\(b.downdelay)"), ("xmit_hash_policy", b.xmitHashPolicy.name)]
        if let r = b.lacpRate { f.append(("lacp_rate", r.name)) }
        f.append(("min_links", "\(b.minLinks)"))
        if b.arpInterval != 0 || !b.arpIPTargets.isEmpty {
            f.append(("arp_interval", "\(b.arpInterval)"))
            if !b.arpIPTargets.isEmpty { f.append(("arp_ip_target", b.arpIPTargets.joined(separator: ","))) }
        }
        if !b.nsIP6Targets.isEmpty { f.append(("ns_ip6_target", b.nsIP6Targets.joined(separator: ","))) }
        // Shown where they matter: a reported primary slave, or a non-default primary_reselect.
        if let p = b.primary { f.append(("primary", p)) }
        if b.primary != nil || b.primaryReselect != .always { f.append(("primary_reselect", b.primaryReselect.name)) }
        if let a = b.activeSlave { f.append(("active_slave", a)) }
        f.append(("state", b.adminUp ? "up" : "down"))
        f.append(("carrier", b.carrier ? "on" : "off"))
        return f
    }

    /// debugfs `mapping` style: `1:1 2:2`.
    static func map(_ m: [UInt8]) -> String {
        m.enumerated().map { "\($0.offset + 1):\($0.element)" }.joined(separator: " ")
    }

    /// The LAG context fields a command carried, as (name, number or word).
    static func context(_ c: FirmwareCommand) -> [(String, String)] {
        var f: [(String, String)] = []
        if let s = c.fieldSelect { f.append(("field_select", "0x" + LagText.hex(s))) }
        guard let x = c.context else { return f }
        let select = c.fieldSelect ?? 0
        switch c.opcode {
        case .createLag, .queryLag:
            if c.opcode == .queryLag { f.append(("lag_state", "\(x.lagState)")) }
            f.append(("fdb_selection_mode", "\(x.fdbSelectionMode)"))
            f.append(("port_select_mode", x.portSelectMode.name))
            if x.portSelectMode == .hash || c.opcode == .queryLag { f.append(("active_port", "0x" + LagText.hex(x.activePort))) }
            if x.portSelectMode == .queueAffinity || c.opcode == .queryLag {
                f.append(("tx_remap_affinity_1", "\(x.txRemapAffinity1)"))
                f.append(("tx_remap_affinity_2", "\(x.txRemapAffinity2)"))
            }
        case .modifyLag:
            if select & 0x1 != 0 {
                f.append(("tx_remap_affinity_1", "\(x.txRemapAffinity1)"))
                f.append(("tx_remap_affinity_2", "\(x.txRemapAffinity2)"))
            }
            if select & 0x2 != 0 { f.append(("active_port", "0x" + LagText.hex(x.activePort))) }
        default:
            break
        }
        return f
    }
}

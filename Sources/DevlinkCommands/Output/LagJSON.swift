import DevlinkModel

/// `-j` output of `lag` and `link`: `{"lag":{BOND:{...}}}`, `{"link":{IFNAME:{...}}}`,
/// `{"fw_log":{DEV:[{...}]}}`. Numbers stay numbers, as devlink's JSON does.
enum LagJSON {
    static func write(_ result: LagResult, into w: inout IPJSONWriter) {
        switch result {
        case .created, .warning: return
        case .routes(let routes): RouteJSON.write(routes, into: &w)
        case .bonds(let bonds, _):
            JSONFormatter.section("lag", &w) { w in for b in bonds { w.name(b.name); bond(b, &w) } }
        case .interfaces(let list, _):
            JSONFormatter.section("link", &w) { w in
                for i in list {
                    w.name(i.name)
                    w.beginObject()
                    number("ifindex", UInt64(i.ifindex), &w)
                    string("kind", i.kind.rawValue, &w)
                    string("state", i.adminUp ? "up" : "down", &w)
                    flag("carrier", i.carrier, &w)
                    if let m = i.master { string("master", m, &w) }
                    w.endObject()
                }
            }
        case .firmwareLog(let device, let log):
            JSONFormatter.section("fw_log", &w) { w in
                w.name(device.description)
                w.beginArray()
                for c in log { command(c, &w) }
                w.endArray()
            }
        }
    }

    private static func bond(_ b: Bond, _ w: inout IPJSONWriter) {
        w.beginObject()
        number("ifindex", UInt64(b.ifindex), &w)
        for (key, value) in LagFields.bond(b) {
            if let n = UInt64(value), key != "state" { number(key, n, &w) } else { string(key, value, &w) }
        }
        w.name("slaves")
        w.beginArray()
        for s in b.slaves {
            w.beginObject()
            string("name", s.name, &w)
            string("state", s.state.name, &w)
            string("mii_status", s.miiStatus.name, &w)
            number("link_failure_count", UInt64(s.linkFailureCount), &w)
            if s.prio != 0 {
                w.name("prio")
                w.raw(String(s.prio))
            }
            w.endObject()
        }
        w.endArray()
        if let l = b.hardwareLag {
            w.name("hw_lag")
            hardwareLag(l, &w)
        }
        w.endObject()
    }

    private static func hardwareLag(_ l: HardwareLag, _ w: inout IPJSONWriter) {
        w.beginObject()
        string("state", l.state, &w)
        string("mode", l.mode.name, &w)
        strings("flags", l.flags.names, &w)
        if let p = l.portSelectMode { string("port_select_mode", p.name, &w) }
        w.name("map")
        w.beginArray()
        for p in l.map { w.raw(String(p)) }
        w.endArray()
        strings("rdma", l.rdmaDevices, &w)
        strings("devices", l.devices.map(\.description), &w)
        if let r = l.reason { string("reason", r, &w) }
        w.endObject()
    }

    private static func command(_ c: FirmwareCommand, _ w: inout IPJSONWriter) {
        w.beginObject()
        number("seq", UInt64(c.sequence), &w)
        string("command", c.opcode.name, &w)
        number("opcode", UInt64(c.opcode.rawValue), &w)
        number("op_mod", UInt64(c.opMod), &w)
        number("status", UInt64(c.status.rawValue), &w)
        string("status_text", c.status.text, &w)
        number("syndrome", UInt64(c.syndrome), &w)
        for (key, value) in LagFields.context(c) {
            if value.hasPrefix("0x"), let n = UInt64(value.dropFirst(2), radix: 16) {
                number(key, n, &w)
            } else if let n = UInt64(value) { number(key, n, &w) } else { string(key, value, &w) }
        }
        w.endObject()
    }

    private static func string(_ key: String, _ value: String, _ w: inout IPJSONWriter) {
        w.name(key)
        w.string(value)
    }

    private static func number(_ key: String, _ value: UInt64, _ w: inout IPJSONWriter) {
        w.name(key)
        w.raw(String(value))
    }

    private static func flag(_ key: String, _ value: Bool, _ w: inout IPJSONWriter) {
        w.name(key)
        w.raw(value ? "true" : "false")
    }

    private static func strings(_ key: String, _ values: [String], _ w: inout IPJSONWriter) {
        w.name(key)
        w.beginArray()
        for v in values { w.string(v) }
        w.endArray()
    }
}

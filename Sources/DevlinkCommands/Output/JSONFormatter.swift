import DevlinkModel

/// devlink's `-j` / `-jp` output (reference §3.8): one `{"section":{handle:{...}}}` object per command.
struct JSONFormatter {
    /// One result as a complete JSON document (`{...}` and a newline), or "" when it has no output.
    static func document(_ result: CommandResult, pretty: Bool) -> String {
        var writer = IPJSONWriter(pretty: pretty)
        write(result, into: &writer)
        let body = writer.finish()
        return body == "\n" ? "" : body
    }

    /// Writes one command's object into `w` (several may share a writer in batch mode, as in devlink).
    static func write(_ result: CommandResult, into w: inout IPJSONWriter) {
        switch result {
        case .none, .usage: return
        case .lag(let r): LagJSON.write(r, into: &w)
        case .events(let events): for e in events { MonitorFormat.json(e, into: &w) }
        case .rateSimulation(let s, _): RateSimulationJSON.write(s, into: &w)
        case .rateFindings(let device, let findings): RateSimulationJSON.write(device, findings, into: &w)
        case .object(let o): o.content.json(into: &w)
        case .devices(let devices, _):
            section("dev", &w) { w in for d in devices { object(d.description, [], &w) } }
        case .ports(let ports, _):
            section("port", &w) { w in for p in ports { object(p.handle.description, Fields.port(p), &w) } }
        case .rates(let rates, _):
            section("rate", &w) { w in for r in rates { object(r.handle.description, Fields.rate(r), &w) } }
        case .eswitch(let device, let e):
            section("dev", &w) { w in object(device.description, Fields.eswitch(e), &w) }
        case .info(let infos, _):
            section("info", &w) { w in for i in infos { object(i.device.description, info(i), &w) } }
        case .params(let params, _):
            section("param", &w) { w in
                var last: DeviceHandle?
                for p in params {
                    if p.device != last {
                        if last != nil { w.endArray() }
                        w.name(p.device.description)
                        w.beginArray()
                        last = p.device
                    }
                    w.beginObject()
                    fields([Field("name", .string(p.name)), Field("type", .string(p.generic ? "generic" : "driver-specific"))], &w)
                    w.name("values")
                    w.beginArray()
                    for v in p.values {
                        w.beginObject()
                        w.name("cmode")
                        w.string(v.cmode.name)
                        w.name("value")
                        switch v.value {
                        case .string(let s): w.string(s)
                        default: w.raw(v.value.description)
                        }
                        w.endObject()
                    }
                    w.endArray()
                    w.endObject()
                }
                if last != nil { w.endArray() }
            }
        }
    }

    static func section(_ name: String, _ w: inout IPJSONWriter, _ body: (inout IPJSONWriter) -> Void) {
        w.beginObject()
        w.name(name)
        w.beginObject()
        body(&w)
        w.endObject()
        w.endObject()
    }

    static func object(_ key: String, _ f: [Field], _ w: inout IPJSONWriter) {
        w.name(key)
        w.beginObject()
        fields(f, &w)
        w.endObject()
    }

    static func fields(_ list: [Field], _ w: inout IPJSONWriter) {
        for field in list {
            w.name(field.key)
            switch field.value {
            case .string(let s): w.string(s)
            case .uint(let n), .rate(let n): w.raw(String(n))
            case .bool(let b): w.raw(b ? "true" : "false")
            case .object(let inner):
                w.beginObject()
                fields(inner, &w)
                w.endObject()
            }
        }
    }

    private static func info(_ i: DeviceInfo) -> [Field] {
        var f: [Field] = []
        if !i.driver.isEmpty { f.append(Field("driver", .string(i.driver))) }
        if let s = i.serialNumber { f.append(Field("serial_number", .string(s))) }
        if let s = i.boardSerialNumber { f.append(Field("board.serial_number", .string(s))) }
        var versions: [Field] = []
        for (name, list) in [("fixed", i.fixed), ("running", i.running), ("stored", i.stored)] where !list.isEmpty {
            versions.append(Field(name, .object(list.map { Field($0.name, .string($0.value)) })))
        }
        if !versions.isEmpty { f.append(Field("versions", .object(versions))) }
        return f
    }
}

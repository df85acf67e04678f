import DevlinkModel

/// `monitor` output. Text: devlink's `[OBJECT,COMMAND] ` prefix before the object's show line
/// (`[port,new] netdevsim/netdevsim1/128: type eth ...`). iproute2 prints nothing for rate
/// notifications; dls prints them like `port function rate show` lines (`[rate,new] ...`).
/// JSON: one object per event, `{"event":"port,new","port":{HANDLE:{...}}}` (dls's choice).
enum MonitorFormat {
    static func prefix(_ e: DevlinkEvent) -> String { "[\(e.object),\(e.command)] " }

    static func text(_ e: DevlinkEvent, _ f: TextFormatter) -> String {
        switch e {
        case .deviceNew(let d), .deviceDel(let d): return prefix(e) + "\(d)\n"
        case .portNew(let p), .portDel(let p): return prefix(e) + f.port(p) + "\n"
        case .rateNew(let r), .rateDel(let r): return prefix(e) + f.rate(r) + "\n"
        case .paramNew(let p): return prefix(e) + f.params([p])
        }
    }

    static func json(_ e: DevlinkEvent, into w: inout IPJSONWriter) {
        w.beginObject()
        w.name("event")
        w.string("\(e.object),\(e.command)")
        w.name(e.object)
        w.beginObject()
        switch e {
        case .deviceNew(let d), .deviceDel(let d): JSONFormatter.object(d.description, [], &w)
        case .portNew(let p), .portDel(let p): JSONFormatter.object(p.handle.description, Fields.port(p), &w)
        case .rateNew(let r), .rateDel(let r): JSONFormatter.object(r.handle.description, Fields.rate(r), &w)
        case .paramNew(let p):
            JSONFormatter.object(p.device.description, [Field("name", .string(p.name)),
                                                         Field("type", .string(p.generic ? "generic" : "driver-specific"))], &w)
        }
        w.endObject()
        w.endObject()
    }
}

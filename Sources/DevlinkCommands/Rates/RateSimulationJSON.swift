import DevlinkModel
import DLSLanguage

/// `qos simulate -j` / `qos lint -j`, in the shape of devlink's JSON (a section object keyed by
/// handle, rates in bytes/s as integers) so that the same tools read both.
enum RateSimulationJSON {
    static func write(_ s: RateSimulation, into w: inout IPJSONWriter) {
        w.beginObject()
        w.name("simulation")
        w.beginObject()
        w.name(s.device.description)
        w.beginObject()
        let a = s.arbitration
        w.name("rules"); w.string(a.rules == .mlx5 ? "mlx5" : "documented")
        w.name("kernel"); w.string("\(a.kernel.major).\(a.kernel.minor)")
        if let link = a.link { w.name("link"); w.raw(String(link)) }
        w.name("total"); w.raw(String(s.total))
        w.name("rates")
        w.beginObject()
        for r in s.allocations {
            w.name(r.handle.description)
            w.beginObject()
            w.name("type"); w.string(r.isLeaf ? "leaf" : "node")
            if let parent = r.parent { w.name("parent"); w.string(parent) }
            w.name("demand"); w.raw(String(r.demand))
            w.name("allocated"); w.raw(String(r.allocated))
            w.name("bound"); w.string(r.bound.name)
            if let by = r.bound.handle { w.name("bound_by"); w.string(by) }
            if let classes = r.perClass {
                w.name("tc")
                w.beginObject()
                for (i, value) in classes.enumerated() { w.name("tc_\(i)"); w.raw(String(value)) }
                w.endObject()
            }
            w.endObject()
        }
        w.endObject()
        if !s.notes.isEmpty {
            w.name("notes")
            w.beginArray()
            for note in s.notes { w.string(note) }
            w.endArray()
        }
        w.endObject()
        w.endObject()
        w.endObject()
    }

    static func write(_ device: DeviceHandle, _ findings: [RateFinding], into w: inout IPJSONWriter) {
        w.beginObject()
        w.name("lint")
        w.beginObject()
        w.name(device.description)
        w.beginArray()
        for f in findings {
            w.beginObject()
            w.name("rule"); w.string(f.rule.rawValue)
            w.name("handles")
            w.beginArray()
            for h in f.handles { w.string(h) }
            w.endArray()
            w.name("message"); w.string(f.message { Rate(bytesPerSecond: $0).formatted() })
            w.endObject()
        }
        w.endArray()
        w.endObject()
        w.endObject()
    }
}

import DevlinkModel
import DLSLanguage

/// How devlink prints a device with more than its handle (pr_out_dev, pr_out_reload_data): `reload_failed
/// true` after a failed reload, and with `-s` the reload statistics, each action an object of its limits'
/// counts (pr_out_reload_stats, pr_out_action_stats; iproute2's reload_limit_name: "unspecified",
/// "no_reset").
extension ReloadFormat {
    static func statusText(_ s: DeviceStatus) -> String {
        guard s.reloadFailed || s.stats != nil else { return "\(s.device)\n" }
        var out = "\(s.device):" + (s.reloadFailed ? " reload_failed true" : "")
        guard let stats = s.stats else { return out + "\n" }
        // pr_out_object_start indents twice per level: "stats" at 2, its objects at 6, actions at 10,
        // the counts at 12.
        out += "\n  stats:\n"
        for (name, actions) in [("reload", stats.local), ("remote_reload", stats.remote)] {
            out += "      \(name):\n"
            for a in actions {
                out += "          \(a.action.name):\n"
                out += "            " + a.counts.map { "\(limitName($0.limit)) \($0.value)" }.joined(separator: " ") + "\n"
            }
        }
        return out
    }

    static func statusJSON(_ s: DeviceStatus, into w: inout IPJSONWriter) {
        w.name(s.device.description)
        w.beginObject()
        if s.reloadFailed {
            w.name("reload_failed")
            w.raw("true")
        }
        if let stats = s.stats {
            w.name("stats")
            w.beginObject()
            for (name, actions) in [("reload", stats.local), ("remote_reload", stats.remote)] {
                w.name(name)
                w.beginObject()
                for a in actions {
                    w.name(a.action.name)
                    w.beginObject()
                    for c in a.counts {
                        w.name(limitName(c.limit))
                        w.raw(String(c.value))
                    }
                    w.endObject()
                }
                w.endObject()
            }
            w.endObject()
        }
        w.endObject()
    }

    static func limitName(_ limit: ReloadLimit?) -> String { limit?.name ?? "unspecified" }
}

/// `dev show` when a device's last reload failed (`DEV: reload_failed true`) or with `-s`.
struct DeviceStatuses: FormattedObject {
    let statuses: [DeviceStatus]
    let single: Bool

    func text(_ formatter: TextFormatter) -> String { statuses.map(ReloadFormat.statusText).joined() }

    func json(into w: inout IPJSONWriter) {
        JSONFormatter.section("dev", &w) { w in
            for s in statuses { ReloadFormat.statusJSON(s, into: &w) }
        }
    }

    func value(_ formatter: TextFormatter) -> Value {
        ValueConversion.value(.devices(statuses.map(\.device), single: single), formatter: formatter)
    }
}

import DevlinkModel
import DLSLanguage

/// Results of the objects that format themselves, each in its own folder (Reload/, ...): one
/// `CommandResult` case for all of them, so adding one touches no formatter's switch.
public enum ObjectResult: Sendable {
    /// `dev reload`'s answer.
    case reload(ReloadReply)
    /// `resource show`'s resources of one device.
    case resources(DeviceResources)
    /// `health show`'s reporters.
    case health([HealthReporter])
    /// `dev show` when a device's last reload failed (`DEV: reload_failed true`).
    case deviceStatus([DeviceStatus], single: Bool)

    /// devlink's text for it ("" when devlink prints nothing).
    func text(_ formatter: TextFormatter) -> String {
        switch self {
        case .reload(let r): ReloadFormat.text(r)
        case .resources(let r): ResourceFormat.text(r)
        case .health(let r): HealthFormat.text(r)
        case .deviceStatus(let list, _):
            list.map { "\($0.device)" + ($0.reloadFailed ? ": reload_failed true" : "") + "\n" }.joined()
        }
    }

    /// devlink's `-j` output for it (nothing written when devlink prints nothing).
    func json(into w: inout IPJSONWriter) {
        switch self {
        case .reload(let r): ReloadFormat.json(r, into: &w)
        case .resources(let r): ResourceFormat.json(r, into: &w)
        case .health(let r): HealthFormat.json(r, into: &w)
        case .deviceStatus(let list, _):
            JSONFormatter.section("dev", &w) { w in
                for s in list {
                    JSONFormatter.object(s.device.description, s.reloadFailed ? [Field("reload_failed", .bool(true))] : [], &w)
                }
            }
        }
    }

    /// What a script gets.
    func value(_ formatter: TextFormatter) -> Value {
        switch self {
        case .reload(let r): ReloadFormat.value(r)
        case .resources(let r): ResourceFormat.value(r)
        case .health(let r): HealthFormat.value(r, single: r.count == 1)
        case .deviceStatus(let list, let single):
            ValueConversion.value(.devices(list.map(\.device), single: single), formatter: formatter)
        }
    }

    /// The extack warning of a successful request, printed on stderr.
    var warning: String? {
        switch self {
        case .reload(let r): r.warning
        case .resources, .health, .deviceStatus: nil
        }
    }
}

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
    /// `health diagnose` / `health dump show`: a reporter's formatted message.
    case healthMessage(HealthMessage)
    /// `dev show` when a device's last reload failed (`DEV: reload_failed true`).
    case deviceStatus([DeviceStatus], single: Bool)

    /// devlink's text for it ("" when devlink prints nothing).
    func text(_ formatter: TextFormatter) -> String {
        switch self {
        case .reload(let r): ReloadFormat.text(r)
        case .resources(let r): ResourceFormat.text(r)
        case .health(let r): HealthFormat.text(r)
        case .healthMessage(let m): HealthMessageFormat.text(m).text
        case .deviceStatus(let list, _): list.map(ReloadFormat.statusText).joined()
        }
    }

    /// devlink's `-j` output for it (nothing written when devlink prints nothing).
    func json(into w: inout IPJSONWriter) {
        switch self {
        case .reload(let r): ReloadFormat.json(r, into: &w)
        case .resources(let r): ResourceFormat.json(r, into: &w)
        case .health(let r): HealthFormat.json(r, into: &w)
        case .healthMessage(let m): HealthMessageFormat.json(m, into: &w)
        case .deviceStatus(let list, _):
            JSONFormatter.section("dev", &w) { w in
                for s in list { ReloadFormat.statusJSON(s, into: &w) }
            }
        }
    }

    /// What a script gets.
    func value(_ formatter: TextFormatter) -> Value {
        switch self {
        case .reload(let r): ReloadFormat.value(r)
        case .resources(let r): ResourceFormat.value(r)
        case .health(let r): HealthFormat.value(r, single: r.count == 1)
        case .healthMessage(let m): HealthMessageFormat.value(m)
        case .deviceStatus(let list, let single):
            ValueConversion.value(.devices(list.map(\.device), single: single), formatter: formatter)
        }
    }

    /// The extack warning of a successful request, printed on stderr.
    var warning: String? {
        switch self {
        case .reload(let r): r.warning
        case .resources, .health, .healthMessage, .deviceStatus: nil
        }
    }

    /// A line devlink prints on stderr although the command succeeded (its formatted-message parser
    /// giving up: "kernel answers: Success").
    var note: String? {
        if case .healthMessage(let m) = self, HealthMessageFormat.text(m).stopped { return HealthMessageFormat.parserGaveUp }
        return nil
    }
}

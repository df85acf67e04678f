import DevlinkModel
import DLSLanguage

/// Results of the objects that format themselves, each in its own folder (Reload/, ...): one
/// `CommandResult` case for all of them, so adding one touches no formatter's switch.
public enum ObjectResult: Sendable {
    /// `dev reload`'s answer.
    case reload(ReloadReply)
    /// `resource show`'s resources of one device.
    case resources(DeviceResources)

    /// devlink's text for it ("" when devlink prints nothing).
    func text(_ formatter: TextFormatter) -> String {
        switch self {
        case .reload(let r): ReloadFormat.text(r)
        case .resources(let r): ResourceFormat.text(r)
        }
    }

    /// devlink's `-j` output for it (nothing written when devlink prints nothing).
    func json(into w: inout IPJSONWriter) {
        switch self {
        case .reload(let r): ReloadFormat.json(r, into: &w)
        case .resources(let r): ResourceFormat.json(r, into: &w)
        }
    }

    /// What a script gets.
    func value(_ formatter: TextFormatter) -> Value {
        switch self {
        case .reload(let r): ReloadFormat.value(r)
        case .resources(let r): ResourceFormat.value(r)
        }
    }

    /// The extack warning of a successful request, printed on stderr.
    var warning: String? {
        switch self {
        case .reload(let r): r.warning
        case .resources: nil
        }
    }
}

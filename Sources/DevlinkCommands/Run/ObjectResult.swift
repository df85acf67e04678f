import DevlinkModel
import DLSLanguage

/// A result that formats itself: devlink's text and JSON and the script value live with the object
/// (Reload/, Resource/, Health/), so a new object's result is one conformance in its own folder and
/// touches no formatter's switch.
protocol FormattedObject: Sendable {
    /// devlink's text for it ("" when devlink prints nothing).
    func text(_ formatter: TextFormatter) -> String
    /// devlink's `-j` output for it (nothing written when devlink prints nothing).
    func json(into w: inout IPJSONWriter)
    /// What a script gets.
    func value(_ formatter: TextFormatter) -> Value
    /// The extack warning of a successful request, printed on stderr.
    var warning: String? { get }
    /// A line devlink prints on stderr although the command succeeded (its formatted-message parser
    /// giving up: "kernel answers: Success").
    var note: String? { get }
}

extension FormattedObject {
    var warning: String? { nil }
    var note: String? { nil }
}

/// `CommandResult.object`'s payload: a `FormattedObject`, which only the formatters open.
public struct ObjectResult: Sendable {
    let content: any FormattedObject

    init(_ content: any FormattedObject) {
        self.content = content
    }
}

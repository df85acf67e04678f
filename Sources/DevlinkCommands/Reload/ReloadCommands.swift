import DevlinkModel
import DLSLanguage
import Glibc

/// `dev reload DEV [ netns { PID | NAME | ID } ] [ action { driver_reinit | fw_activate } ] [ limit no_reset ]`.
enum ReloadCommands {
    /// iproute2's cmd_dev_help lines for reload.
    static let usage = [
        "       devlink dev reload DEV [ netns { PID | NAME | ID } ]",
        "                              [ action { driver_reinit | fw_activate } ] [ limit no_reset ]",
    ]

    /// In dl_argv_parse's order: netns, action, limit.
    static var node: CommandNode {
        CommandNode("reload", command: CommandSpec(
            path: ["dev", "reload"], handle: .device, options: [
                OptionSpec("netns", .text),
                OptionSpec("action", .choice(ReloadAction.names), unknownValue: "Unknown reload action"),
                OptionSpec("limit", .choice(ReloadLimit.names), unknownValue: "Unknown reload limit"),
            ],
            acceptsHelpWord: true, helpWhenEmpty: true, action: reload))
    }

    @Sendable static func reload(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device else { return .none }
        var netns: ReloadNamespace?
        if let word = p.word("netns") {
            // netns_get_fd: a word with a '/' is a path, any other a name under /var/run/netns; what does
            // not open is read as a PID.
            let path = word.contains("/") ? word : "/var/run/netns/" + word
            if access(path, F_OK) == 0 {
                netns = .file(path)
            } else if let pid = UInt32(word) {
                netns = .pid(pid)
            } else {
                throw ClientError("\"\(word)\" is not a number or not within range", errno: .EINVAL, word: p.wordIndex("netns"))
            }
        }
        let action = p.word("action").flatMap { ReloadAction(name: $0) }
        let limit = p.word("limit").flatMap { ReloadLimit(name: $0) }
        return .object(ObjectResult(try c.session.perform(ReloadDevice(device, action: action, limit: limit, netns: netns))))
    }
}

/// How devlink prints a reload reply (iproute2 cmd_dev_reload_cb / pr_out_reload_actions_performed).
enum ReloadFormat {
    /// `reload_actions_performed:` then the actions on one line, indented by 4.
    /// `afterEarlierOutput`: in a batch, after a line that printed text, devlink's global indent state
    /// (g_indent_newline, left set by the last newline) indents the first line by 2 as well
    /// (pr_out_array_start raises the indent before printing the name).
    static func text(_ r: ReloadReply, afterEarlierOutput: Bool = false) -> String {
        guard let actions = r.actionsPerformed else { return "" }
        return (afterEarlierOutput ? "  " : "") + "reload_actions_performed:\n    "
            + actions.map(\.name).joined(separator: " ") + "\n"
    }

    /// `{"reload":{"reload_actions_performed":["driver_reinit"]}}`: no handle, as devlink prints it.
    static func json(_ r: ReloadReply, into w: inout IPJSONWriter) {
        guard let actions = r.actionsPerformed else { return }
        w.beginObject()
        w.name("reload")
        w.beginObject()
        w.name("reload_actions_performed")
        w.beginArray()
        for a in actions { w.string(a.name) }
        w.endArray()
        w.endObject()
        w.endObject()
    }

    /// `{handle, actions_performed}`; the actions are nil when the kernel answered with an ACK alone.
    static func value(_ r: ReloadReply) -> Value {
        let m = MapObject()
        m.entries[.string("handle")] = .string(r.device.description)
        m.entries[.string("actions_performed")] = r.actionsPerformed.map { .list(ListObject($0.map { .string($0.name) })) } ?? .null
        if let w = r.warning { m.entries[.string("warning")] = .string(w) }
        return .map(m)
    }
}

extension ReloadReply: FormattedObject {
    func text(_ formatter: TextFormatter) -> String { ReloadFormat.text(self) }
    func json(into w: inout IPJSONWriter) { ReloadFormat.json(self, into: &w) }
    func value(_ formatter: TextFormatter) -> Value { ReloadFormat.value(self) }
}

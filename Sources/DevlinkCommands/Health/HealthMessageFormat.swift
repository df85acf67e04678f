import DevlinkModel
import DLSLanguage

/// How devlink prints a formatted message (`health diagnose`, `health dump show`):
/// cmd_fmsg_object_cb and its helpers in iproute2's devlink.c, reproduced with their global state
/// (g_new_line_count, g_indent_level, g_indent_newline) so that the spaces and line breaks fall where
/// devlink puts them. devlink keeps a stack of the nests it saw; an end with nothing open makes its
/// callback fail: printing stops there and devlink says "kernel answers: Success" (errno 0) while the
/// command still succeeds.
enum HealthMessageFormat {
    /// The note devlink prints on stderr when its parser gave up on the stream.
    static let parserGaveUp = "kernel answers: Success"

    private enum Nest { case object, pair, array }

    /// devlink's plain text, and whether the parser gave up.
    static func text(_ message: HealthMessage) -> (text: String, stopped: Bool) {
        var p = TextPrinter()
        var stack: [Nest] = []
        var name: String?
        for item in message.items {
            switch item {
            case .objectStart, .arrayStart:
                stack.append(item == .objectStart ? .object : .array)
                // pr_out_fmsg_group_start
                p.newline()
                p.name(&name)
                p.newline()
                p.indentIncrease()
            case .pairStart:
                stack.append(.pair)
            case .end:
                guard let nest = stack.popLast() else { return (p.out, true) }
                // pr_out_fmsg_group_end
                if nest != .pair {
                    p.newline()
                    p.indentDecrease()
                }
            case .name(let n):
                name = n
            case .value(let v):
                p.name(&name)
                p.value(v)
            }
        }
        return (p.out, false)
    }

    /// devlink's `-j` output into `w`; true when the parser gave up.
    @discardableResult
    static func json(_ message: HealthMessage, into w: inout IPJSONWriter) -> Bool {
        var stack: [Nest] = []
        var name: String?
        func putName() {
            if let n = name { w.name(n) }
            name = nil
        }
        for item in message.items {
            switch item {
            case .objectStart:
                stack.append(.object)
                putName()
                w.beginObject()
            case .arrayStart:
                stack.append(.array)
                putName()
                w.beginArray()
            case .pairStart:
                stack.append(.pair)
            case .end:
                guard let nest = stack.popLast() else { return true }
                switch nest {
                case .object: w.endObject()
                case .array: w.endArray()
                case .pair: break
                }
            case .name(let n):
                name = n
            case .value(let v):
                putName()
                switch v {
                case .bool(let b): w.raw(b ? "true" : "false")
                case .u8(let n): w.raw(String(n))
                case .u32(let n): w.raw(String(n))
                case .u64(let n): w.raw(String(n))
                case .string(let s): w.string(s)
                case .binary(let bytes): for b in bytes { w.raw(String(b)) }
                }
            }
        }
        return false
    }

    /// A script's value: the message as nested maps and lists (a pair's name as the key), read as
    /// far as devlink reads it.
    static func value(_ message: HealthMessage) -> Value {
        var containers: [(isArray: Bool, map: MapObject, list: ListObject, key: String?)] = []
        var root: Value = .null
        var name: String?
        func add(_ v: Value) {
            guard let top = containers.last else { root = v; return }
            if top.isArray {
                top.list.items.append(v)
            } else {
                top.map.entries[.string(name ?? "")] = v
            }
            name = nil
        }
        var stack: [Nest] = []
        for item in message.items {
            switch item {
            case .objectStart, .arrayStart:
                stack.append(item == .objectStart ? .object : .array)
                containers.append((item == .arrayStart, MapObject(), ListObject(), name))
                name = nil
            case .pairStart:
                stack.append(.pair)
            case .end:
                guard let nest = stack.popLast() else { return root }
                guard nest != .pair, let done = containers.popLast() else { continue }
                name = done.key
                add(done.isArray ? .list(done.list) : .map(done.map))
            case .name(let n):
                name = n
            case .value(let v):
                switch v {
                case .bool(let b): add(.bool(b))
                case .u8(let n): add(.int(Int(n)))
                case .u32(let n): add(.int(Int(n)))
                case .u64(let n): add(.int(Int(clamping: n)))
                case .string(let s): add(.string(s))
                case .binary(let bytes): for b in bytes { add(.int(Int(b))) }
                }
            }
        }
        return root
    }

    /// devlink's text output state (pr_out, __pr_out_newline, check_indent_newline, ...).
    private struct TextPrinter {
        var out = ""
        /// cmd_fmsg_init sets g_new_line_count to 1, so the first group starts no line.
        var newLineCount = 1
        var indent = 0
        var indentNewline = false

        /// pr_out: the pending indent, then the text.
        mutating func print(_ s: String) {
            if indentNewline {
                out += String(repeating: " ", count: indent)
                indentNewline = false
            }
            out += s
            newLineCount = 0
        }

        /// __pr_out_newline: at most one line break in a row.
        mutating func newline() {
            if newLineCount < 1 {
                print("\n")
                indentNewline = true
            }
            newLineCount += 1
        }

        /// __pr_out_indent_newline: a space unless a line was just started.
        mutating func space() { if !indentNewline { print(" ") } }

        /// INDENT_STR_STEP 2 up to INDENT_STR_MAXLEN 32.
        mutating func indentIncrease() { if indent + 2 <= 32 { indent += 2 } }
        mutating func indentDecrease() { if indent - 2 >= 0 { indent -= 2 } }

        /// pr_out_fmsg_name → pr_out_name: `NAME:`, once.
        mutating func name(_ name: inout String?) {
            guard let n = name else { return }
            space()
            print(n + ":")
            name = nil
        }

        /// fmsg_value_show: check_indent_newline, then the value (printf, which leaves the line state).
        mutating func value(_ v: HealthMessage.Value) {
            space()
            if indentNewline {
                out += String(repeating: " ", count: indent)
                indentNewline = false
            }
            newLineCount = 0
            switch v {
            case .bool(let b): out += b ? "true" : "false"
            case .u8(let n): out += String(n)
            case .u32(let n): out += String(n)
            case .u64(let n): out += String(n)
            case .string(let s): out += s
            case .binary(let bytes):
                // pr_out_binary_value: "%02x " each, a line break after every 16th and after the last.
                var i = 0
                for b in bytes {
                    print(hex(b) + " ")
                    i += 1
                    if i % 16 == 0 { newline() }
                }
                if i % 16 != 0 { newline() }
            }
        }

        private func hex(_ b: UInt8) -> String {
            let digits = Array("0123456789abcdef")
            return String([digits[Int(b >> 4)], digits[Int(b & 15)]])
        }
    }
}

/// `health diagnose` / `health dump show`: a reporter's formatted message.
extension HealthMessage: FormattedObject {
    func text(_ formatter: TextFormatter) -> String { HealthMessageFormat.text(self).text }
    func json(into w: inout IPJSONWriter) { HealthMessageFormat.json(self, into: &w) }
    func value(_ formatter: TextFormatter) -> DLSLanguage.Value { HealthMessageFormat.value(self) }
    var note: String? { HealthMessageFormat.text(self).stopped ? HealthMessageFormat.parserGaveUp : nil }
}

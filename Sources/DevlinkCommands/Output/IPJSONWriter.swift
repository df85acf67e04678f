import DevlinkModel
import TextEscaping

/// iproute2's streaming JSON writer (lib/json_writer.c), reproduced for byte-identical `-j`/`-jp`
/// output: 4-space pretty indent, `"key": value` with a space only when pretty, no trailing newline
/// until `finish()`.
struct IPJSONWriter {
    private(set) var out = ""
    private var depth = 0
    private var needsSeparator = false
    let pretty: Bool

    init(pretty: Bool) { self.pretty = pretty }

    private mutating func endOfLine() {
        guard pretty else { return }
        out += "\n"
        for _ in 0..<depth { out += "    " }
    }

    private mutating func endOfRecord() {
        if needsSeparator { out += "," }
        needsSeparator = true
    }

    mutating func beginObject() { begin("{") }
    mutating func endObject() { end("}") }
    /// jsonw_start_array / jsonw_end_array: when pretty, a space after `[` and, if the array has
    /// elements, one before `]` (`"values": [ {` … `} ]`), with no line break before the `]`.
    mutating func beginArray() {
        begin("[")
        if pretty { out += " " }
    }

    mutating func endArray() {
        if pretty && needsSeparator { out += " " }
        needsSeparator = false
        end("]")
    }

    private mutating func begin(_ c: String) {
        endOfRecord()
        out += c
        depth += 1
        needsSeparator = false
    }

    private mutating func end(_ c: String) {
        depth = max(0, depth - 1)
        if needsSeparator { endOfLine() }
        out += c
        needsSeparator = true
    }

    mutating func name(_ key: String) {
        endOfRecord()
        endOfLine()
        needsSeparator = false
        out += IPJSONWriter.quote(key) + (pretty ? ": " : ":")
    }

    mutating func string(_ value: String) {
        endOfRecord()
        out += IPJSONWriter.quote(value)
    }

    /// A number or boolean, printed verbatim.
    mutating func raw(_ value: String) {
        endOfRecord()
        out += value
    }

    /// Ends the document (`jsonw_destroy` prints the newline).
    mutating func finish() -> String {
        out += "\n"
        defer { out = "" }
        return out
    }

    static func quote(_ s: String) -> String { JSONQuoting.iproute2.quote(s) }
}

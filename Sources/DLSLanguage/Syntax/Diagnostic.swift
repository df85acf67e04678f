/// A parse-time error with its location. `atEndOfInput` marks errors caused only by the input
/// stopping early (unclosed block, dangling operator): the REPL reads another line for those.
public struct Diagnostic: Error, Sendable, Equatable {
    public var message: String
    public var location: SourceLocation
    public var atEndOfInput: Bool

    public init(_ message: String, at location: SourceLocation, atEndOfInput: Bool = false) {
        self.message = message
        self.location = location
        self.atEndOfInput = atEndOfInput
    }

    /// `file:line:col: error: message`, the source line and a caret under the spot.
    public func rendered(source: SourceText?) -> String {
        DiagnosticRenderer.render(kind: "error", message: message, at: location, source: source)
    }

    /// How many errors of one file a report shows: garbage input has one per few bytes, and tens of
    /// thousands of reports help nobody (the count says how many were left out).
    public static let reportLimit = 50

    /// The rendered reports, at most `reportLimit`, then one line with how many more there are.
    public static func report(_ rendered: [String]) -> [String] {
        guard rendered.count > reportLimit else { return rendered }
        return Array(rendered.prefix(reportLimit)) + ["... and \(rendered.count - reportLimit) more errors"]
    }
}

/// Renders `file:line:col: kind: message` + source line + caret; shared by parse and runtime errors.
public enum DiagnosticRenderer {
    /// With `kind` nil the message is printed as it is (`file:1:2: Error: ...`).
    public static func render(kind: String?, message: String, at location: SourceLocation,
                              source: SourceText?) -> String {
        var out = "\(location): " + (kind.map { "\($0): " } ?? "") + visible(message, keepNewlines: true)
        guard let source, source.name == location.file, let text = source.line(location.line) else {
            return out
        }
        // Column counts UTF-8 bytes; convert the prefix to characters, keep tabs so the caret aligns.
        var bytes = Array(text.utf8)
        var caret = min(max(location.column - 1, 0), bytes.count)
        // Very long lines (generated code) are shown as a window around the caret.
        let window = 100
        if bytes.count > 2 * window {
            let start = max(0, caret - window / 2)
            let end = min(bytes.count, start + window)
            var slice = Array(bytes[start..<end])
            caret -= start
            if start > 0 { slice = Array("...".utf8) + slice; caret += 3 }
            if end < bytes.count { slice += Array("...".utf8) }
            bytes = slice
        }
        let line = visible(String(decoding: bytes, as: UTF8.self))
        let prefix = visible(String(decoding: bytes[0..<caret], as: UTF8.self))
        let pad = prefix.map { $0 == "\t" ? "\t" : " " }.joined()
        out += "\n    \(line)\n    \(pad)^"
        return out
    }

    /// Control characters as `\x1B`-style escapes (tabs stay: they align the caret), so a report
    /// about binary input cannot move the cursor, clear the screen or ring the bell.
    public static func visible(_ text: String, keepNewlines: Bool = false) -> String {
        guard text.unicodeScalars.contains(where: { isControl($0) && !(keepNewlines && $0 == "\n") }) else { return text }
        var out = ""
        for scalar in text.unicodeScalars {
            if isControl(scalar), !(keepNewlines && scalar == "\n") {
                let hex = String(scalar.value, radix: 16, uppercase: true)
                out += "\\x" + (hex.count < 2 ? "0" + hex : hex)
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }

    private static func isControl(_ s: Unicode.Scalar) -> Bool {
        (s.value < 0x20 && s != "\t") || s.value == 0x7F || (0x80...0x9F).contains(s.value)
    }
}

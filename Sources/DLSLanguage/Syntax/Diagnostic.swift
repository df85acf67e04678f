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
}

/// Renders `file:line:col: kind: message` + source line + caret; shared by parse and runtime errors.
public enum DiagnosticRenderer {
    /// With `kind` nil the message is printed as it is (`file:1:2: Error: ...`).
    public static func render(kind: String?, message: String, at location: SourceLocation,
                              source: SourceText?) -> String {
        var out = "\(location): " + (kind.map { "\($0): " } ?? "") + message
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
        let line = String(decoding: bytes, as: UTF8.self)
        let prefix = String(decoding: bytes[0..<caret], as: UTF8.self)
        let pad = prefix.map { $0 == "\t" ? "\t" : " " }.joined()
        out += "\n    \(line)\n    \(pad)^"
        return out
    }
}

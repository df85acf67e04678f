/// Why a handle string could not be parsed: the input, the part that is wrong, and what was expected.
public struct HandleParseError: Error, Equatable, Sendable, CustomStringConvertible {
    public var input: String
    public var reason: String

    public var description: String { "invalid handle \"\(input)\": \(reason)" }
}

/// Shared checks for the `bus/name` part of every handle.
enum HandleSyntax {
    static func validateComponent(_ part: Substring, what: String, input: String, example: String) throws(HandleParseError) {
        if part.isEmpty {
            throw HandleParseError(input: input, reason: "\(what) is empty (expected \(example))")
        }
        if let bad = part.first(where: { $0.isWhitespace || $0.isNewline || $0 == "\0" }) {
            let shown = bad == "\0" ? "NUL" : "whitespace"
            throw HandleParseError(input: input, reason: "\(what) \"\(part)\" contains \(shown) (expected \(example))")
        }
    }

    /// The device and last part of a three-part handle (`bus/name/last`: a port or rate handle).
    static func deviceAndLast(_ text: String, kind: String, example: String) throws(HandleParseError) -> (DeviceHandle, Substring) {
        let parts = parts(text)
        guard parts.count == 3 else {
            throw HandleParseError(input: text, reason: "has \(parts.count - 1) \"/\" but a \(kind) handle has 2 (expected \(example))")
        }
        return (try device(parts[0], parts[1], input: text, example: example), parts[2])
    }

    /// The device of a handle's first two parts, each checked.
    static func device(_ bus: Substring, _ name: Substring, input: String, example: String) throws(HandleParseError) -> DeviceHandle {
        try validateComponent(bus, what: "bus name", input: input, example: example)
        try validateComponent(name, what: "device name", input: input, example: example)
        return DeviceHandle(bus: String(bus), name: String(name))
    }

    /// Digits only: no sign, no spaces (whether it fits is the caller's check).
    static func isDecimal(_ text: Substring) -> Bool {
        !text.isEmpty && text.allSatisfy { $0.isASCII && $0.isNumber }
    }

    /// Splits on "/" keeping empty parts, so "pci//x" reports an empty part rather than vanishing.
    static func parts(_ text: String) -> [Substring] {
        text.split(separator: "/", omittingEmptySubsequences: false)
    }
}

import DevlinkModel

/// How a failed command reads: devlink's stderr lines (`Error: <extack>.` / `kernel answers: ...`,
/// or the client-side message), the errno, the word at fault and a dls-only hint.
public struct FailureReport: Error, Sendable {
    public var lines: [String]
    public var errno: Errno
    public var wordIndex: Int?
    public var hint: String?

    init(_ client: ClientError) {
        lines = client.lines
        errno = client.errno
        wordIndex = client.wordIndex
        hint = client.hint
    }

    /// iproute2's report of a kernel error: the extack with a period appended, then strerror.
    init(_ error: DevlinkError) {
        var lines: [String] = []
        if let message = error.message, !message.isEmpty {
            lines.append(Self.extackLine(message, isError: true))
        }
        lines.append("kernel answers: " + error.errno.message)
        self.lines = lines
        errno = error.errno
        wordIndex = nil
        hint = nil
    }

    /// A request dls refused before sending (the kernel lacks the feature): one line, no
    /// "kernel answers", since the kernel was not asked.
    init(_ error: KernelFeatureError, wordIndex: Int? = nil) {
        lines = ["Error: " + error.message + "."]
        errno = error.errno
        self.wordIndex = wordIndex
        hint = nil
    }

    /// An extack message as iproute2's print_ext_ack_msg prints it (lib/libnetlink.c): `Error: ` for a
    /// failure, `Warning: ` for a successful request's, a period appended when it has none.
    public static func extackLine(_ message: String, isError: Bool) -> String {
        (isError ? "Error: " : "Warning: ") + message + (message.hasSuffix(".") ? "" : ".")
    }

    /// Any other error a backend threw (e.g. the netlink socket went away).
    init(other error: any Error) {
        lines = ["\(error)"]
        errno = .EIO
        wordIndex = nil
        hint = nil
    }
}

import Glibc

/// Where a script's output goes. The interpreter never writes to the terminal by itself.
public protocol OutputSink: AnyObject {
    func write(_ text: String)
    func writeError(_ text: String)
    func flush()
}

extension OutputSink {
    public func flush() {}
}

/// stdout/stderr with our own buffer (C's `stdout` global is not concurrency-safe in Swift 6).
/// stdout is flushed before anything goes to stderr so the two stay in order on a terminal.
/// Line-buffered when stdout is a terminal (a loop's `print`s show as they happen, not when the
/// script ends), block-buffered (64 KiB) otherwise, as C's stdio does.
public final class StandardOutput: OutputSink {
    @exclusivity(unchecked) private var buffer: [UInt8] = []
    /// Flush at every newline.
    public let lineBuffered: Bool

    /// Line-buffered exactly when stdout is a terminal.
    public convenience init() { self.init(lineBuffered: isatty(STDOUT_FILENO) == 1) }

    public init(lineBuffered: Bool) {
        self.lineBuffered = lineBuffered
        buffer.reserveCapacity(1 << 16)
    }
    deinit { flush() }

    public func write(_ text: String) {
        buffer.append(contentsOf: text.utf8)
        if buffer.count >= 1 << 16 || (lineBuffered && text.utf8.contains(0x0A)) { flush() }
    }

    public func writeError(_ text: String) {
        flush()
        StandardOutput.writeAll(2, Array(text.utf8))
    }

    public func flush() {
        guard !buffer.isEmpty else { return }
        StandardOutput.writeAll(1, buffer)
        buffer.removeAll(keepingCapacity: true)
    }

    static func writeAll(_ fd: Int32, _ bytes: [UInt8]) {
        bytes.withUnsafeBytes { raw in
            var offset = 0
            while offset < raw.count {
                let n = Glibc.write(fd, raw.baseAddress! + offset, raw.count - offset)
                if n < 0 { if errno == EINTR { continue } else { return } }
                offset += n
            }
        }
    }
}

/// Collects output in memory (tests, embedding).
public final class CapturedOutput: OutputSink {
    @exclusivity(unchecked) public private(set) var text = ""
    @exclusivity(unchecked) public private(set) var errors = ""
    public init() {}
    public func write(_ text: String) { self.text += text }
    public func writeError(_ text: String) { errors += text }
}

import FoundationEssentials
import Glibc

/// The REPL's persistent history: de-duplicated (a re-entered line moves to the end), bounded, one
/// entry per accepted input (a multi-line block is one entry), saved with file mode 0600.
/// Pure Swift so it is testable without a terminal; `EditLineReader` mirrors it into libedit.
public struct HistoryStore: Sendable, Equatable {
    public static let defaultLimit = 1000

    public private(set) var entries: [String] = []
    public let limit: Int

    public init(limit: Int = HistoryStore.defaultLimit, entries: [String] = []) {
        self.limit = max(0, limit)
        for entry in entries { add(entry) }
    }

    /// Adds an entry; returns false when it was ignored (blank) so callers know nothing changed.
    @discardableResult
    public mutating func add(_ raw: String) -> Bool {
        let entry = HistoryStore.normalized(raw)
        guard !entry.isEmpty, limit > 0 else { return false }
        if let old = entries.firstIndex(of: entry) { entries.remove(at: old) }  // at most one: kept unique
        entries.append(entry)
        if entries.count > limit { entries.removeFirst(entries.count - limit) }
        return true
    }

    public mutating func removeAll() { entries.removeAll() }

    /// Trailing newlines/spaces are dropped; inner newlines of a block are kept.
    static func normalized(_ s: String) -> String {
        var t = Substring(s)
        while let last = t.last, last.isWhitespace { t.removeLast() }
        return String(t)
    }

    // MARK: files

    /// Reads a history file (libedit's `_HiStOrY_V2_` format); a missing file is an empty history.
    public static func load(from url: URL, limit: Int = HistoryStore.defaultLimit) throws -> HistoryStore {
        guard FileManager.default.fileExists(atPath: url.path) else { return HistoryStore(limit: limit) }
        let data = try Data(contentsOf: url)
        let text = String(decoding: data, as: UTF8.self)
        return HistoryStore(limit: limit, entries: HistoryFileFormat.decode(text))
    }

    /// Appends one entry to the file as soon as it is accepted (O_APPEND, one write), so a killed
    /// terminal or a dropped SSH session keeps everything typed so far; a missing file is created
    /// (0600, with the header; its directory 0700). Duplicates and the size bound are sorted out when
    /// the file is read, and `save` at a clean exit rewrites it compacted.
    public static func append(_ raw: String, to url: URL) throws {
        let entry = normalized(raw)
        guard !entry.isEmpty else { return }
        try makeDirectory(of: url)
        let fd = open(url.path, O_WRONLY | O_APPEND | O_CREAT | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        defer { close(fd) }
        var st = stat()
        let fresh = fstat(fd, &st) == 0 && st.st_size == 0
        let bytes = Array(((fresh ? HistoryFileFormat.header + "\n" : "") + HistoryFileFormat.encodeEntry(entry) + "\n").utf8)
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            guard n > 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
            written += n
        }
    }

    private static func makeDirectory(of url: URL) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        if !fm.fileExists(atPath: dir.path) {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o700])
        }
    }

    /// Writes atomically (temp file + rename) with mode 0600, creating the directory (0700) if needed.
    public func save(to url: URL) throws {
        let dir = url.deletingLastPathComponent()
        try Self.makeDirectory(of: url)
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp").path
        let bytes = Array(HistoryFileFormat.encode(entries).utf8)
        // open(2) with 0600 rather than FileManager: the mode is set at creation, never wider.
        let fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC | O_CLOEXEC, 0o600)
        guard fd >= 0 else { throw POSIXError(POSIXErrorCode(rawValue: errno) ?? .EIO) }
        var written = 0
        while written < bytes.count {
            let n = bytes[written...].withUnsafeBytes { write(fd, $0.baseAddress, $0.count) }
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            written += n
        }
        let writeErrno = errno
        _ = fchmod(fd, 0o600)  // an existing temp file keeps its old mode through O_TRUNC
        close(fd)
        guard written == bytes.count, rename(tmp, url.path) == 0 else {
            let code = written == bytes.count ? errno : writeErrno
            unlink(tmp)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

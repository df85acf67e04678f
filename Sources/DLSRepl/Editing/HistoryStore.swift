import Foundation

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
        entries.removeAll { $0 == entry }
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

    /// Writes atomically (temp file + rename) with mode 0600, creating the directory (0700) if needed.
    public func save(to url: URL) throws {
        let fm = FileManager.default
        let dir = url.deletingLastPathComponent()
        if !fm.fileExists(atPath: dir.path) {
            try fm.createDirectory(at: dir, withIntermediateDirectories: true,
                                   attributes: [.posixPermissions: 0o700])
        }
        let tmp = dir.appendingPathComponent(".\(url.lastPathComponent).\(getpid()).tmp")
        let bytes = Data(HistoryFileFormat.encode(entries).utf8)
        guard fm.createFile(atPath: tmp.path, contents: bytes, attributes: [.posixPermissions: 0o600]) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: tmp.path])
        }
        // createFile's mode is filtered by the umask; 0600 is narrower than any umask leaves, but be exact.
        try fm.setAttributes([.posixPermissions: 0o600], ofItemAtPath: tmp.path)
        if rename(tmp.path, url.path) != 0 {
            let code = errno
            try? fm.removeItem(at: tmp)
            throw POSIXError(POSIXErrorCode(rawValue: code) ?? .EIO)
        }
    }
}

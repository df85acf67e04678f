import Glibc

/// A point in a source text: file name, 1-based line and 1-based column (in UTF-8 bytes; rendering
/// converts to characters so carets line up under non-ASCII text).
/// Stored compactly (file as an interned number) because compiled code keeps one per operation.
public struct SourceLocation: Sendable, Hashable, CustomStringConvertible {
    let fileID: Int32
    let storedLine: Int32
    let storedColumn: Int32

    public init(file: String, line: Int, column: Int) {
        self.init(fileID: SourceFileNames.id(for: file), line: line, column: column)
    }

    init(fileID: Int32, line: Int, column: Int) {
        self.fileID = fileID
        self.storedLine = Int32(clamping: line)
        self.storedColumn = Int32(clamping: column)
    }

    public var file: String { SourceFileNames.name(fileID) }
    public var line: Int { Int(storedLine) }
    public var column: Int { Int(storedColumn) }

    public var description: String { "\(file):\(line):\(column)" }
}

/// File names of all sources seen by this process, interned to small numbers. Guarded by a pthread
/// mutex (which ThreadSanitizer understands; it reported races through Synchronization's Mutex).
enum SourceFileNames {
    private final class Table: @unchecked Sendable {
        let lock: UnsafeMutablePointer<pthread_mutex_t> = {
            let lock = UnsafeMutablePointer<pthread_mutex_t>.allocate(capacity: 1)
            pthread_mutex_init(lock, nil)
            return lock
        }()
        var ids: [String: Int32] = [:]
        var names: [String] = []

        func locked<T>(_ body: (Table) -> T) -> T {
            pthread_mutex_lock(lock)
            defer { pthread_mutex_unlock(lock) }
            return body(self)
        }
    }

    private static let table = Table()

    static func id(for name: String) -> Int32 {
        table.locked { table in
            if let id = table.ids[name] { return id }
            let id = Int32(table.names.count)
            table.ids[name] = id
            table.names.append(name)
            return id
        }
    }

    static func name(_ id: Int32) -> String {
        table.locked { table in Int(id) < table.names.count ? table.names[Int(id)] : "?" }
    }
}

/// The text of one source file kept for rendering diagnostics (the line under the caret).
public struct SourceText: Sendable {
    public let name: String
    public let bytes: [UInt8]
    /// Where each line starts (byte offsets), so that rendering an error finds its line at once:
    /// a file with thousands of errors (binary garbage) rendered each by scanning from the start,
    /// quadratic in the file's size (issue 17: minutes for a 2 MB file).
    private let lineStarts: [Int]

    public init(name: String, text: String) {
        self.name = name
        self.bytes = Array(text.utf8)
        var starts = [0]
        for (i, byte) in bytes.enumerated() where byte == UInt8(ascii: "\n") { starts.append(i + 1) }
        lineStarts = starts
    }

    /// The source line `line` (1-based) without its newline, or nil if out of range.
    public func line(_ line: Int) -> String? {
        guard line >= 1, line <= lineStarts.count else { return nil }
        let start = lineStarts[line - 1]
        var end = start
        while end < bytes.count && bytes[end] != UInt8(ascii: "\n") { end += 1 }
        if end > start && bytes[end - 1] == UInt8(ascii: "\r") { end -= 1 }
        return String(decoding: bytes[start..<end], as: UTF8.self)
    }
}

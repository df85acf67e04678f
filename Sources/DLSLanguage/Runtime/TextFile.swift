import Glibc

/// Text files as scripts see them (`read_file`, `write_file`, `import`): UTF-8 only, bounded in
/// size (`Limits.maxFileBytes`), and replaced atomically on write.
public enum TextFile {
    /// Why a file could not be read or written, worded to follow "cannot read 'PATH': ".
    public struct Failure: Error, Sendable, Equatable {
        public var reason: String
    }

    /// The file's text. Binary data (a NUL byte), bytes that are not UTF-8 and files past `limit`
    /// are errors: a script never sees garbage or exhausts memory by reading.
    public static func read(_ path: String, limit: Int = Limits.maxFileBytes) throws(Failure) -> String {
        let fd = open(path, O_RDONLY | O_CLOEXEC)
        guard fd >= 0 else { throw systemFailure() }
        defer { close(fd) }
        return try read(descriptor: fd, limit: limit)
    }

    /// The text readable from an open descriptor (a file, or a pipe such as a script piped to `dls`),
    /// checked and bounded as `read(_:)` does. The descriptor stays open.
    public static func read(descriptor fd: Int32, limit: Int = Limits.maxFileBytes) throws(Failure) -> String {
        var info = stat()
        if fstat(fd, &info) == 0 {
            if (info.st_mode & S_IFMT) == S_IFDIR { throw Failure(reason: "it is a directory") }
            if Int(info.st_size) > limit { throw tooLarge(limit) }
        }
        // Read at most one byte past the limit: files whose size stat does not know (/proc, pipes)
        // are bounded too. Each chunk is checked as it arrives, so a binary file is refused after
        // its first 64 KiB instead of after reading (and scanning) all of it.
        var bytes: [UInt8] = []
        if info.st_size > 0 { bytes.reserveCapacity(min(Int(info.st_size), limit + 1)) }
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        var checked = 0
        while bytes.count <= limit {
            let n = chunk.withUnsafeMutableBytes { Glibc.read(fd, $0.baseAddress, min($0.count, limit + 1 - bytes.count)) }
            if n < 0 {
                if errno == EINTR { continue }
                throw systemFailure()
            }
            if n == 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
            checked = try check(bytes, from: checked, upTo: scalarBoundary(bytes))
        }
        if bytes.count > limit { throw tooLarge(limit) }
        _ = try check(bytes, from: checked, upTo: bytes.count)
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The bytes as a String, or where they stop being UTF-8 text.
    public static func text(_ bytes: [UInt8]) throws(Failure) -> String {
        _ = try check(bytes, from: 0, upTo: bytes.count)
        // `check` found them valid; decoding does not need to look again.
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Checks `bytes[start..<end]` (`start` at a character's first byte) for a NUL byte (memchr: as
    /// fast in a debug build as in a release one) and for UTF-8; returns `end`.
    private static func check(_ bytes: [UInt8], from start: Int, upTo end: Int) throws(Failure) -> Int {
        guard start < end else { return start }
        let nul: Int? = bytes.withUnsafeBufferPointer { buffer in
            guard let base = buffer.baseAddress, let hit = memchr(base + start, 0, end - start) else { return nil }
            return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
        }
        if let nul {
            throw Failure(reason: "binary data, not text (a NUL byte at \(position(of: nul, in: bytes)))")
        }
        if String(validating: bytes[start..<end], as: UTF8.self) != nil { return end }
        let bad = start + (firstInvalidByte(bytes[start..<end]) ?? (end - start))
        let byte = bad < bytes.count ? "byte \(hex(bytes[bad]))" : "a truncated character"
        throw Failure(reason: "not UTF-8 text (\(byte) at \(position(of: bad, in: bytes)))")
    }

    /// Where the last complete character of `bytes` ends: before a multi-byte character that a
    /// later chunk may finish (its lead byte and up to 3 continuation bytes are held back).
    private static func scalarBoundary(_ bytes: [UInt8]) -> Int {
        var end = bytes.count
        while end > 0, bytes.count - end < 3, bytes[end - 1] & 0xC0 == 0x80 { end -= 1 }
        if end > 0, bytes[end - 1] >= 0xC0 { end -= 1 }
        return end
    }

    /// Replaces (or creates) `path` with `text` atomically: the text goes to a temporary file in the
    /// same directory, which is flushed to disk and renamed over `path`. Readers see the old file or
    /// the new one, never a part; on failure `path` is untouched. An existing file keeps its mode; a
    /// symbolic link stays one, and the file it points to is replaced.
    public static func write(_ text: String, to given: String) throws(Failure) {
        var link = stat()
        let isLink = lstat(given, &link) == 0 && (link.st_mode & S_IFMT) == S_IFLNK
        let path = isLink ? (try? realPath(given)) ?? given : given
        let slash = path.lastIndex(of: "/")
        let directory = slash.map { path[..<$0].isEmpty ? "/" : String(path[..<$0]) } ?? "."
        let base = slash.map { String(path[path.index(after: $0)...]) } ?? path
        guard !base.isEmpty, base != ".", base != ".." else { throw Failure(reason: "not a file name") }
        var existing = stat()
        let keepsMode = stat(path, &existing) == 0
        if keepsMode, (existing.st_mode & S_IFMT) == S_IFDIR { throw Failure(reason: "it is a directory") }
        var temporary = ""
        var fd: Int32 = -1
        for _ in 0..<100 {
            temporary = "\(directory)/.\(base).\(UInt32.random(in: 0...UInt32.max)).tmp"
            // 0666 less the umask, as any new file: open applies the umask itself.
            fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
            if fd >= 0 || errno != EEXIST { break }
        }
        guard fd >= 0 else { throw systemFailure() }
        var failure: Failure?
        if keepsMode, fchmod(fd, existing.st_mode & 0o7777) != 0 { failure = systemFailure() }
        if failure == nil { failure = writeAll(fd, text) }
        if failure == nil, fsync(fd) != 0 { failure = systemFailure() }
        if close(fd) != 0, failure == nil { failure = systemFailure() }
        if failure == nil, rename(temporary, path) != 0 { failure = systemFailure() }
        if let failure {
            unlink(temporary)
            throw failure
        }
        // The rename is durable once the directory is on disk too (best effort: not every file
        // system can sync a directory, and the new file is in place either way).
        let directoryFD = open(directory, O_RDONLY | O_DIRECTORY | O_CLOEXEC)
        if directoryFD >= 0 {
            fsync(directoryFD)
            close(directoryFD)
        }
    }

    /// The file's real path (symbolic links and `..` resolved): its identity.
    public static func realPath(_ path: String) throws(Failure) -> String {
        guard let resolved = realpath(path, nil) else { throw systemFailure() }
        defer { free(resolved) }
        return String(cString: resolved)
    }

    private static func writeAll(_ fd: Int32, _ text: String) -> Failure? {
        var copy = text
        return copy.withUTF8 { buffer -> Failure? in
            var offset = 0
            while offset < buffer.count {
                let n = Glibc.write(fd, buffer.baseAddress.map { $0 + offset }, buffer.count - offset)
                if n < 0 {
                    if errno == EINTR { continue }
                    return systemFailure()
                }
                offset += n
            }
            return nil
        }
    }

    /// `0x0A`: a byte as error messages show it.
    static func hex(_ byte: UInt8) -> String {
        let digits = String(byte, radix: 16, uppercase: true)
        return "0x" + (digits.count == 1 ? "0" : "") + digits
    }

    private static func systemFailure() -> Failure { Failure(reason: String(cString: strerror(errno))) }

    private static func tooLarge(_ limit: Int) -> Failure {
        Failure(reason: "larger than the \(limit)-byte limit for files a script reads")
    }

    /// Offset of the first byte that does not belong to a valid UTF-8 sequence.
    private static func firstInvalidByte(_ bytes: ArraySlice<UInt8>) -> Int? {
        var parser = Unicode.UTF8.ForwardParser()
        var iterator = bytes.makeIterator()
        var offset = 0
        while true {
            switch parser.parseScalar(from: &iterator) {
            case .valid(let scalar): offset += scalar.count
            case .error: return offset
            case .emptyInput: return nil
            }
        }
    }

    /// `line L, column C` of a byte offset.
    static func position(of offset: Int, in bytes: [UInt8]) -> String {
        let (line, column) = lineAndColumn(of: offset, in: bytes)
        return "line \(line), column \(column)"
    }

    /// 1-based line and column of a byte offset; the column counts characters, so a caret placed by
    /// it lines up under non-ASCII text.
    static func lineAndColumn(of offset: Int, in bytes: [UInt8]) -> (line: Int, column: Int) {
        let end = min(offset, bytes.count)
        var line = 1, lineStart = 0
        for i in 0..<end where bytes[i] == UInt8(ascii: "\n") {
            line += 1
            lineStart = i + 1
        }
        return (line, String(decoding: bytes[lineStart..<end], as: UTF8.self).count + 1)
    }
}

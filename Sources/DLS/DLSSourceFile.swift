import Glibc

/// Reading script files without Foundation (keeps start-up fast).
public enum DLSSourceFile {
    /// The file's text (invalid UTF-8 is repaired); an `.io` error saying
    /// `cannot read 'PATH': <strerror>` when it cannot be read.
    public static func read(_ path: String) throws(DLSError) -> String {
        switch contents(of: path) {
        case .success(let text): return text
        case .failure(let failure):
            let message = "cannot read '\(path)': \(failure.reason)"
            throw DLSError(kind: .io, message: message, rendered: "error: " + message)
        }
    }

    /// Why a file could not be read: the C library's text for the error (`No such file or directory`).
    public struct ReadFailure: Error, Sendable {
        public let reason: String
    }

    /// The file's text, or the reason it could not be read (for hosts that word the message themselves).
    public static func contents(of path: String) -> Result<String, ReadFailure> {
        guard let file = fopen(path, "rb") else { return .failure(currentFailure()) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { return .failure(currentFailure()) }
                break
            }
        }
        return .success(String(decoding: bytes, as: UTF8.self))
    }

    private static func currentFailure() -> ReadFailure { ReadFailure(reason: String(cString: strerror(errno))) }

    /// All of standard input (for hosts that run piped scripts).
    public static func readStandardInput() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Glibc.read(0, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

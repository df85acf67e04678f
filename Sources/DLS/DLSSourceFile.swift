import Glibc

/// Reading script files without Foundation (keeps start-up fast).
public enum DLSSourceFile {
    /// The file's text (invalid UTF-8 is repaired); an `.io` error saying
    /// `cannot read 'PATH': <strerror>` when it cannot be read.
    public static func read(_ path: String) throws(DLSError) -> String {
        guard let file = fopen(path, "rb") else { throw failure(path) }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { throw failure(path) }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

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

    private static func failure(_ path: String) -> DLSError {
        let message = "cannot read '\(path)': \(String(cString: strerror(errno)))"
        return DLSError(kind: .io, message: message, rendered: "error: " + message)
    }
}

import DLSLanguage
import Glibc

/// Reading script files without Foundation (keeps start-up fast).
public enum DLSSourceFile {
    /// The file's text; an `.io` error saying `cannot read 'PATH': <why>` when it cannot be read,
    /// is not UTF-8 text or is larger than the language's file limit (see `TextFile`).
    public static func read(_ path: String) throws(DLSError) -> String {
        switch contents(of: path) {
        case .success(let text): return text
        case .failure(let failure):
            let message = "cannot read '\(path)': \(failure.reason)"
            throw DLSError(kind: .io, message: message, rendered: "error: " + message)
        }
    }

    /// Why a file could not be read: the C library's text for the error (`No such file or
    /// directory`), or what makes it no text file.
    public struct ReadFailure: Error, Sendable {
        public let reason: String
    }

    /// The file's text, or the reason it could not be read (for hosts that word the message themselves).
    /// Read as scripts read files: UTF-8 only, bounded in size.
    public static func contents(of path: String) -> Result<String, ReadFailure> {
        do throws(TextFile.Failure) {
            return .success(try TextFile.read(path))
        } catch {
            return .failure(ReadFailure(reason: error.reason))
        }
    }

    /// All of standard input (for hosts that run piped scripts), or why it is no script: read as
    /// files are (UTF-8 text only, bounded; binary input is refused after its first 64 KiB).
    public static func standardInput() -> Result<String, ReadFailure> {
        do throws(TextFile.Failure) {
            return .success(try TextFile.read(descriptor: 0))
        } catch {
            return .failure(ReadFailure(reason: error.reason))
        }
    }
}

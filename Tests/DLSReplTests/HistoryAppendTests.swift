import Foundation
import Testing
@testable import DLSRepl

/// History reaches the file at every entry (issue 17: it was written only at a clean exit, so a
/// killed terminal lost the session).
@Suite struct HistoryAppendTests {
    private func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dls-hist-append-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func theFirstEntryCreatesAPrivateFileWithItsHeader() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("state/dls/history")
        try HistoryStore.append("port show\n", to: url)
        try HistoryStore.append("   ", to: url)                 // blank: nothing written
        try HistoryStore.append("for i in 0..<2 {\nprint(i)\n}", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8)
                == "_HiStOrY_V2_\nport\\040show\nfor\\040i\\040in\\0400..<2\\040{\\012print(i)\\012}\n")
        let attrs = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let dirAttrs = try FileManager.default.attributesOfItem(atPath: url.deletingLastPathComponent().path)
        #expect((dirAttrs[.posixPermissions] as? NSNumber)?.intValue == 0o700)
    }

    @Test func appendedDuplicatesAreFoldedWhenRead() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("history")
        for entry in ["a", "b", "a"] { try HistoryStore.append(entry, to: url) }
        #expect(try HistoryStore.load(from: url).entries == ["b", "a"])
        // A clean exit's save rewrites it compacted, and appending goes on after it.
        try HistoryStore.load(from: url).save(to: url)
        try HistoryStore.append("c", to: url)
        #expect(try String(contentsOf: url, encoding: .utf8) == "_HiStOrY_V2_\nb\na\nc\n")
    }

    @Test func aFailureSaysWhyInOneLine() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("history")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)   // EISDIR, even as root
        let error = #expect(throws: (any Error).self) { try HistoryStore.append("x", to: url) }
        #expect(error.map(EditLineReader.reason) == "Is a directory")
    }
}

import Foundation
import Testing
@testable import DLSRepl

@Suite struct HistoryTests {
    private func tempDir() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("dls-hist-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func duplicatesMoveToTheEnd() {
        var h = HistoryStore()
        h.add("port show")
        h.add("dev show")
        h.add("port show")
        #expect(h.entries == ["dev show", "port show"])
    }

    @Test func blankIgnoredAndTrailingNewlineDropped() {
        var h = HistoryStore()
        let added = h.add("   ")
        #expect(!added)
        h.add("let x = 1\n")
        #expect(h.entries == ["let x = 1"])
    }

    @Test func boundedToLimitKeepingNewest() {
        var h = HistoryStore()
        for i in 0..<1005 { h.add("let x = \(i)") }
        #expect(h.entries.count == 1000)
        #expect(h.entries.first == "let x = 5")
        #expect(h.entries.last == "let x = 1004")
    }

    @Test func zeroLimitStoresNothing() {
        var h = HistoryStore(limit: 0)
        h.add("x")
        #expect(h.entries.isEmpty)
    }

    @Test func savedFileIsPrivateAndDirectoryCreated() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("state/dls/history")
        var h = HistoryStore()
        h.add("port show")
        try h.save(to: url)
        let attrs = try FileManager.default.attributesOfItem(atPath: url.path)
        #expect((attrs[.posixPermissions] as? NSNumber)?.intValue == 0o600)
        let text = try String(contentsOf: url, encoding: .utf8)
        #expect(text == "_HiStOrY_V2_\nport\\040show\n")
    }

    @Test func multiLineBlockRoundTripsAsOneEntry() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let url = dir.appendingPathComponent("history")
        let block = "for i in 0..<3 {\n\tprint(\"café \\(i)\")\n}"
        var h = HistoryStore()
        h.add("let a = 1")
        h.add(block)
        try h.save(to: url)
        let loaded = try HistoryStore.load(from: url)
        #expect(loaded.entries == ["let a = 1", block])
    }

    @Test func missingFileIsEmptyHistory() throws {
        let h = try HistoryStore.load(from: URL(fileURLWithPath: "/nonexistent/dls/history"))
        #expect(h.entries.isEmpty)
    }

    @Test func libeditReadsOurFileAndWeReadLibedits() throws {
        let dir = try tempDir()
        defer { try? FileManager.default.removeItem(at: dir) }
        let ours = dir.appendingPathComponent("ours")
        let theirs = dir.appendingPathComponent("theirs")
        let entries = ["port show", "for i in xs {\n  print(i)\n}", "a\\b", "café"]
        try HistoryStore(entries: entries).save(to: ours)
        #expect(LibeditHistoryFile.load(from: ours.path) == entries)
        #expect(LibeditHistoryFile.save(entries, to: theirs.path))
        let text = (try? String(contentsOf: theirs, encoding: .utf8)) ?? "?"
        #expect(try HistoryStore.load(from: theirs).entries == entries, "\(text)")
    }

    @Test func locationFollowsXDG() {
        #expect(HistoryLocation.url(environment: ["XDG_STATE_HOME": "/s", "HOME": "/h"])?.path == "/s/dls/history")
        #expect(HistoryLocation.url(environment: ["HOME": "/h"])?.path == "/h/.local/state/dls/history")
        #expect(HistoryLocation.url(environment: ["XDG_STATE_HOME": "relative", "HOME": "/h"])?.path
                == "/h/.local/state/dls/history")
        #expect(HistoryLocation.url(environment: ["DLS_HISTFILE": "/t/h", "HOME": "/h"])?.path == "/t/h")
        #expect(HistoryLocation.url(environment: ["DLS_HISTFILE": "", "HOME": "/h"]) == nil)
        #expect(HistoryLocation.url(environment: [:]) == nil)
    }
}

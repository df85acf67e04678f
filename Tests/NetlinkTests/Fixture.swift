import Foundation
@testable import Netlink

/// A captured exchange from Tests/Fixtures/netlink (see its README).
struct Fixture {
    enum Direction { case sent, received }
    let name: String
    let command: String
    let datagrams: [(Direction, [UInt8])]
    /// The tool's stdout + stderr.
    let output: String

    static let directory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fixtures/netlink")

    static func load(_ name: String) throws -> Fixture {
        let text = try String(contentsOf: directory.appendingPathComponent("\(name).nl"), encoding: .utf8)
        var command = ""
        var datagrams: [(Direction, [UInt8])] = []
        for line in text.split(separator: "\n") {
            if line.hasPrefix("# command: ") { command = String(line.dropFirst(11)) }
            guard line.hasPrefix("> ") || line.hasPrefix("< ") else { continue }
            guard let bytes = [UInt8](hexString: String(line.dropFirst(2))) else { throw FixtureError.badHex(name) }
            datagrams.append((line.hasPrefix(">") ? .sent : .received, bytes))
        }
        let out = (try? String(contentsOf: directory.appendingPathComponent("\(name).out"), encoding: .utf8)) ?? ""
        return Fixture(name: name, command: command, datagrams: datagrams, output: out)
    }

    static func allNames() throws -> [String] {
        try FileManager.default.contentsOfDirectory(atPath: directory.path)
            .filter { $0.hasSuffix(".nl") }.map { String($0.dropLast(3)) }.sorted()
    }

    var sent: [[UInt8]] { datagrams.filter { $0.0 == .sent }.map(\.1) }
    var received: [[UInt8]] { datagrams.filter { $0.0 == .received }.map(\.1) }

    /// Sent messages of `type` (e.g. the devlink family id) with the received messages answering them.
    func exchanges(familyType: UInt16) throws -> [(request: NetlinkMessage, replies: [NetlinkMessage])] {
        var out: [(NetlinkMessage, [NetlinkMessage])] = []
        var all: [(Direction, NetlinkMessage)] = []
        for (d, bytes) in datagrams {
            for m in try NetlinkMessage.parseAll(bytes) { all.append((d, m)) }
        }
        for (i, (d, m)) in all.enumerated() where d == .sent && m.header.type == familyType {
            let replies = all[(i + 1)...].filter { $0.0 == .received && $0.1.header.sequence == m.header.sequence }.map(\.1)
            out.append((m, replies))
        }
        return out
    }

    /// Runs a ReplyCollector over the answer to the first (or `last`) request of `familyType`.
    func collect(familyType: UInt16, last: Bool = false) throws -> NetlinkReply {
        let all = try exchanges(familyType: familyType)
        guard let ex = last ? all.last : all.first else { throw FixtureError.noRequest(name) }
        var c = ReplyCollector(sequence: ex.request.header.sequence, isDump: ex.request.header.flags.contains(.dump))
        for r in ex.replies { try c.consume(r) }
        guard c.isComplete else { throw FixtureError.incomplete(name) }
        return c.reply
    }
}

enum FixtureError: Error { case badHex(String), noRequest(String), incomplete(String) }

/// The devlink family id in the captured guest (nlctrl assigned it; real code resolves it).
let capturedDevlinkFamily: UInt16 = 0x17

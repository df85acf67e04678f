import DevlinkModel
import Foundation
import Testing
@testable import DevlinkCommands
@testable import Netlink

/// What devlink printed for each captured exchange (Tests/Fixtures/netlink/*.out, iproute2 beside the
/// 6.12 kernel) against dls: the captured replies decoded by the netlink backend's decoder, then
/// formatted by dls's formatters as text, `-j` and `-j -p`. The format the capture used must match
/// byte for byte; the other two must be what the same objects give (the pretty and plain JSON of one
/// reply are the same document).
@Suite struct FixtureFormattingTests {
    /// A captured devlink command: its words without `devlink` and the output options.
    struct Capture: CustomStringConvertible, Sendable {
        var name: String
        var words: [String]
        var json: Bool
        var description: String { name }

        /// Every devlink fixture but the monitor (events are checked by MonitorCommandTests).
        static func all() -> [Capture] {
            ((try? Fixture.allNames()) ?? []).compactMap { name in
                guard name != "monitor", let f = try? Fixture.load(name) else { return nil }
                var words = f.command.split(separator: " ").map(String.init)
                guard words.first == "devlink" else { return nil }
                words.removeFirst()
                let json = words.first == "-j"
                if json { words.removeFirst() }
                return Capture(name: name, words: words, json: json)
            }
        }
    }

    @Test func everyDevlinkFixtureIsCompared() {
        // 53 captures: 41 devlink commands, the monitor, and 11 ip commands (rtnetlink fixtures).
        #expect(Capture.all().count == 41)
    }

    @Test(arguments: Capture.all())
    func formattedAsDevlinkPrinted(_ capture: Capture) throws {
        let fixture = try Fixture.load(capture.name)
        var printed = ""
        do {
            let result = try Self.result(of: capture, fixture)
            printed = capture.json ? Self.json(result, pretty: false) : TextFormatter(iec: false).format(result)
            // The other two formats of the same objects: JSON documents must parse and agree.
            let plain = Self.json(result, pretty: false), pretty = Self.json(result, pretty: true)
            if !plain.isEmpty {
                let a = try JSONSerialization.jsonObject(with: Data(plain.utf8)) as? NSDictionary
                let b = try JSONSerialization.jsonObject(with: Data(pretty.utf8)) as? NSDictionary
                #expect(a != nil && a == b, "\(capture.name): -j and -j -p disagree")
            }
        } catch let error as NetlinkError {
            printed = FailureReport(DevlinkError(error)).lines.map { $0 + "\n" }.joined()
        }
        #expect(printed == fixture.output, "\(capture.name): \(capture.words.joined(separator: " "))")
    }

    /// The command's result as the netlink backend builds it from the captured replies: the last
    /// devlink request's answer (earlier ones resolve names), decoded as the command's object kind.
    static func result(of capture: Capture, _ fixture: Fixture) throws -> CommandResult {
        guard let exchange = try fixture.exchanges(familyType: capturedDevlinkFamily).last else {
            throw FixtureError.noRequest(capture.name)
        }
        var collector = ReplyCollector(sequence: exchange.request.header.sequence,
                                       isDump: exchange.request.header.flags.contains(.dump))
        for reply in exchange.replies { try collector.consume(reply) }
        let replies = try collector.reply.messages.map(DevlinkDecoder.attributes)
        let handle = capture.words.first { $0.contains("/") }
        let single = handle != nil
        let command = capture.words.prefix { !$0.contains("/") }.joined(separator: " ")
        switch command {
        case "dev show": return .devices(try replies.map(DevlinkDecoder.device), single: single)
        case "dev info": return .info(try replies.map { try $0.withLookup(DevlinkDecoder.info) }, single: single)
        case "dev param show": return .params(try replies.map { try $0.withLookup(DevlinkDecoder.param) }, single: single)
        case "dev eswitch show":
            let device = try DeviceHandle(parsing: try #require(handle))
            return .eswitch(device, try #require(try replies.first.map { try $0.withLookup(DevlinkDecoder.eswitch) }))
        case "port show": return .ports(try replies.map(DevlinkDecoder.port), single: single)
        case "port function rate show": return .rates(try replies.map(DevlinkDecoder.rate), single: single)
        default: return .none   // a set, add or del: nothing on stdout when it succeeds
        }
    }

    static func json(_ result: CommandResult, pretty: Bool) -> String { JSONFormatter.document(result, pretty: pretty) }
}

import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Foundation
import Testing

/// `route` on the emulator's netdevsim profile against what `ip` printed on the 6.12 guest: the
/// capture script's commands (scripts/kernel-vm/capture-route-guest.sh) replayed in order, each
/// output compared with its fixture (Tests/Fixtures/netlink/NAME.out).
@Suite struct RouteCommandTests {
    static let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

    /// One command's stdout, or its failure as ip prints it (without dls's `note:` hints).
    static func run(_ line: String, json: Bool, on session: EmulatedSession) -> String {
        let output = CapturedOutput()
        let host = DevlinkHost(session: session, options: OutputOptions(json: json))
        let interpreter = Interpreter(output: output)
        host.install(in: interpreter)
        do {
            _ = try interpreter.run(line, file: "route.dls")
            return output.text + output.errors
        } catch .runtime(let e) {
            return ([e.message] + e.notes.filter { !$0.hasPrefix("note: ") }).map { $0 + "\n" }.joined()
        } catch {
            return "\(error)"
        }
    }

    /// `cap NAME ip [-j] (route|link) ...` lines of the capture script, in order.
    static func captured() throws -> [(name: String, line: String, json: Bool)] {
        let script = try String(contentsOf: root.appendingPathComponent("scripts/kernel-vm/capture-route-guest.sh"), encoding: .utf8)
        return script.split(separator: "\n").compactMap { raw in
            var words = raw.split(separator: " ").map(String.init)
            guard words.count > 3, words[0] == "cap", words[2] == "ip" else { return nil }
            let name = words[1]
            words.removeFirst(3)
            let json = words.first == "-j"
            if json { words.removeFirst() }
            return (name, words.joined(separator: " "), json)
        }
    }

    @Test func replaysTheGuestCaptureIdentically() throws {
        let s = try EmulatedSession(topology: .netdevsim)
        for n in ["eth0", "eth1"] { try s.setLink(n, up: true) }
        let commands = try Self.captured()
        #expect(commands.count >= 30)
        for c in commands {
            let expected = try String(contentsOf: Self.root.appendingPathComponent("Tests/Fixtures/netlink/\(c.name).out"), encoding: .utf8)
            #expect(Self.run(c.line, json: c.json, on: s) == expected, "\(c.name): \(c.line)")
        }
    }

    @Test func clientSideErrorsPointAtTheWordAndChangeNothing() throws {
        let s = try EmulatedSession(topology: .netdevsim)
        try s.setLink("eth0", up: true)
        for (line, message, word) in [
            ("route add 10.0.0.300/24 dev eth0", "Error: any valid prefix is expected rather than \"10.0.0.300/24\".", 2),
            ("route add 192.0.2.0/24 dev nosuch", "Cannot find device \"nosuch\"", 4),
            ("route add 192.0.2.0/24 via 10.0.0.x dev eth0", "Error: inet address is expected rather than \"10.0.0.x\".", 4),
            ("route add 192.0.2.0/24 nexthop dev eth0 bogus", "Error: \"nexthop\" or end of line is expected instead of \"bogus\"", 6),
            ("route add 192.0.2.0/24 dev eth0 nexthop", "Error: unexpected end of line after \"nexthop\"", 5),
            ("route add 192.0.2.0/24 metric x dev eth0", "Error: argument \"x\" is wrong: \"metric\" value is invalid", 4),
        ] {
            let output = CapturedOutput()
            let host = DevlinkHost(session: s, options: OutputOptions())
            let interpreter = Interpreter(output: output)
            host.install(in: interpreter)
            do {
                _ = try interpreter.run(line, file: "t.dls")
                Issue.record("\(line) succeeded")
            } catch .runtime(let e) {
                #expect(e.message == message, "\(line)")
                let words = line.components(separatedBy: " ")
                let column = words.prefix(word).map { $0.count + 1 }.reduce(1, +)
                #expect(e.location?.column == column, "\(line)")
            } catch {
                Issue.record("\(error)")
            }
        }
        #expect(try s.routes().isEmpty)
    }

    @Test func routesAreValuesAndTransactionsUndoThem() throws {
        let s = try EmulatedSession(topology: .netdevsim)
        for n in ["eth0", "eth1"] { try s.setLink(n, up: true) }
        let out = Self.run("""
            route add 198.51.100.0/24 nexthop dev eth0 nexthop via 10.1.1.2 dev eth1 weight 3 onlink
            let r = routes()[0]
            print(r.dst, r.flags, len(r.nexthops), r.nexthops[1].gateway, r.nexthops[1].weight, r.nexthops[1].flags)
            try {
                transaction {
                    route del 198.51.100.0/24
                    route add 203.0.113.0/24 dev eth0
                    route add 203.0.113.0/24 dev eth0
                }
            } catch e { print(e.errno) }
            print(len(routes()), routes()[0].dst)
            """, json: false, on: s)
        #expect(out == "198.51.100.0/24 [\"rt_trap\"] 2 10.1.1.2 3 [\"onlink\"]\nEEXIST\n1 198.51.100.0/24\n")
    }

    /// The journal (what a netlink session uses) undoes route changes with inverse requests: the
    /// state after rollback equals the state before, on the emulator where both can be compared.
    @Test func journalUndoesRouteChanges() throws {
        let s = try EmulatedSession(topology: .netdevsim)
        for n in ["eth0", "eth1"] { try s.setLink(n, up: true) }
        try s.addRoute(Route(prefix: IPv4Prefix(parsing: "198.51.100.0/24")!, metric: 5,
                             nexthops: [RouteNexthop(device: "eth1"), RouteNexthop(device: "eth0")]))
        try s.addRoute(Route(prefix: IPv4Prefix(parsing: "192.0.2.128/25")!,
                             nexthops: [RouteNexthop(gateway: IPv4Address(parsing: "10.1.1.1"), device: "eth0", weight: 2, onlink: true),
                                        RouteNexthop(device: "eth1")]))
        let before = try s.routes()
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        DevlinkHost(session: s, undo: .journal).install(in: interpreter)
        _ = try interpreter.run("""
            try {
                transaction {
                    route add 203.0.113.0/24 dev eth1
                    route del 198.51.100.0/24 metric 5
                    route replace 192.0.2.128/25 nexthop dev eth1 nexthop via 10.1.1.1 dev eth0 onlink
                    route add 203.0.113.0/24 dev eth1
                }
            } catch e { print(e.errno) }
            """, file: "t.dls")
        #expect(output.text == "EEXIST\n")
        #expect(try s.routes() == before)
    }
}

@testable import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage
import Foundation
@testable import Netlink
import Testing

/// Every command of the standard table against the faces a devlink object must have. A new command
/// fails `everyCommandHasASample` until it has a line here; that line then must run on the emulator
/// (its handler: a missing one answers EOPNOTSUPP) and every operation it performs must have a handler
/// in the netlink backend too, and a show must print devlink's text and JSON and
/// give a script value with fields, a change must be undone by the transaction journal (a change
/// without an undo plan is reported as not undoable), and completion must offer the options.
@Suite struct ObjectFacesTests {
    enum Face: Sendable {
        /// A show: text, JSON and a script value.
        case read
        /// A change: runs, and a transaction that fails after it keeps nothing.
        case change
        /// A change the journal cannot take back, for the reason given: it must run, and a transaction
        /// must report it as not undone (so that an undo added later is seen here).
        case irreversible(String)
        /// No emulated driver has the op (the real ones have none either): it must answer EOPNOTSUPP,
        /// so that an emulator which gains the op fails here until the sample says what it does.
        case refused(String)
        /// Not run here, for the reason given.
        case exempt(String)
    }

    enum Machine: Sendable { case mlx5, netdevsim, split }

    struct Sample: Sendable, CustomTestStringConvertible {
        let path: String
        let machine: Machine
        let setup: String
        let line: String
        let face: Face
        var testDescription: String { path }

        init(_ path: String, _ machine: Machine, _ setup: String, _ line: String, _ face: Face) {
            (self.path, self.machine, self.setup, self.line, self.face) = (path, machine, setup, line, face)
        }

        init(_ path: String, _ machine: Machine, _ line: String, _ face: Face) {
            self.init(path, machine, "", line, face)
        }
    }

    static let samples: [Sample] = [
        Sample("dev show", .mlx5, "dev show", .read),
        Sample("dev eswitch show", .mlx5, "dev eswitch show pci/0000:06:00.0", .read),
        Sample("dev eswitch set", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev", .change),
        Sample("dev info", .mlx5, "dev info pci/0000:06:00.0", .read),
        Sample("dev param show", .netdevsim, "dev param show netdevsim/netdevsim1 name max_macs", .read),
        Sample("dev param set", .netdevsim, "dev param set netdevsim/netdevsim1 name max_macs value 16 cmode driverinit", .change),
        Sample("dev reload", .netdevsim, "dev reload netdevsim/netdevsim1", .irreversible("a reload re-creates the driver's objects; there is no inverse request")),
        Sample("dev sriov set", .mlx5, "dev sriov set pci/0000:06:00.0 numvfs 2", .change),
        Sample("health show", .netdevsim, "health show netdevsim/netdevsim1 reporter dummy", .read),
        Sample("health set", .netdevsim, "health set netdevsim/netdevsim1 reporter dummy grace_period 10", .change),
        Sample("health recover", .netdevsim, "health recover netdevsim/netdevsim1 reporter dummy", .irreversible("the driver's recovery has no inverse request")),
        Sample("health diagnose", .netdevsim, "health diagnose netdevsim/netdevsim1 reporter dummy", .read),
        Sample("health dump show", .netdevsim, "health dump show netdevsim/netdevsim1 reporter dummy", .read),
        Sample("health dump clear", .netdevsim, "health dump clear netdevsim/netdevsim1 reporter dummy", .change),
        Sample("health test", .netdevsim, "health test netdevsim/netdevsim1 reporter dummy", .refused("netdevsim's reporters have no test op (nsim_dev_dummy_reporter_ops), so devlink_nl_health_reporter_test_doit answers EOPNOTSUPP")),
        Sample("lag add", .mlx5, "lag add bond0 mode active-backup", .change),
        Sample("lag show", .mlx5, "lag add bond0 mode active-backup", "lag show bond0", .read),
        Sample("lag set", .mlx5, "lag add bond0 mode active-backup", "lag set bond0 miimon 50", .change),
        Sample("lag del", .mlx5, "lag add bond0 mode active-backup", "lag del bond0", .change),
        Sample("lag slave add", .mlx5, "lag add bond0 mode active-backup", "lag slave add bond0 enp6s0f0np0", .change),
        Sample("lag slave del", .mlx5, "lag add bond0 mode active-backup\nlag slave add bond0 enp6s0f0np0", "lag slave del enp6s0f0np0", .change),
        Sample("lag slave set", .mlx5, "lag add bond0 mode active-backup\nlag slave add bond0 enp6s0f0np0", "lag slave set enp6s0f0np0 prio 5", .change),
        Sample("lag fw log", .mlx5, "lag fw log pci/0000:06:00.0", .read),
        Sample("link show", .mlx5, "link show", .read),
        Sample("link set", .mlx5, "link set enp6s0f0np0 up", .change),
        Sample("monitor", .mlx5, "monitor", .exempt("waits for notifications; MonitorCommandTests covers it")),
        Sample("port add", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev", "port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88", .change),
        Sample("port del", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev\nport add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88", "port del pci/0000:06:00.0/32768", .change),
        Sample("port function rate add", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev", "port function rate add pci/0000:06:00.0/tenant1", .change),
        Sample("port function rate del", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/tenant1", "port function rate del pci/0000:06:00.0/tenant1", .change),
        Sample("port function rate set", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/tenant1", "port function rate set pci/0000:06:00.0/tenant1 tx_max 1gbit", .change),
        Sample("port function rate show", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/tenant1", "port function rate show pci/0000:06:00.0/tenant1", .read),
        Sample("port function set", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev\nport add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88", "port function set pci/0000:06:00.0/32768 hw_addr 00:00:00:00:88:01", .change),
        Sample("port set", .netdevsim, "port set netdevsim/netdevsim1/0 type eth", .refused("neither emulated driver has port_type_set (mlx5 and netdevsim register none)")),
        Sample("port show", .mlx5, "port show", .read),
        Sample("port split", .split, "port split netdevsim/netdevsim1/0 count 2", .change),
        Sample("port unsplit", .split, "port split netdevsim/netdevsim1/0 count 2", "port unsplit netdevsim/netdevsim1/0", .change),
        Sample("qos lint", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/tenant1", "qos lint pci/0000:06:00.0", .read),
        Sample("qos simulate", .mlx5, "dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/tenant1", "qos simulate pci/0000:06:00.0", .read),
        Sample("resource set", .netdevsim, "resource set netdevsim/netdevsim1 path /IPv4/fib size 96", .change),
        Sample("resource show", .netdevsim, "resource show netdevsim/netdevsim1", .read),
        Sample("route add", .mlx5, "link set enp6s0f0np0 up", "route add 192.0.2.0/24 dev enp6s0f0np0", .change),
        Sample("route del", .mlx5, "link set enp6s0f0np0 up\nroute add 192.0.2.0/24 dev enp6s0f0np0", "route del 192.0.2.0/24 dev enp6s0f0np0", .change),
        Sample("route replace", .mlx5, "link set enp6s0f0np0 up\nlink set enp6s0f1np1 up\nroute add 192.0.2.0/24 dev enp6s0f0np0", "route replace 192.0.2.0/24 dev enp6s0f1np1", .change),
        Sample("route show", .mlx5, "link set enp6s0f0np0 up\nroute add 192.0.2.0/24 dev enp6s0f0np0", "route show", .read),
    ]

    @Test func everyCommandHasASample() {
        var paths: [String] = []
        func visit(_ node: CommandNode, _ words: [String]) {
            if node.command != nil { paths.append(words.joined(separator: " ")) }
            for child in node.children { visit(child, words + [child.word]) }
        }
        for object in CommandTable.standard.root.children { visit(object, [object.word]) }
        let sampled = Set(Self.samples.map(\.path))
        for path in paths where !sampled.contains(path) {
            Issue.record("'\(path)' has no sample in ObjectFacesTests.samples: add one, and the test checks its faces")
        }
        #expect(sampled.subtracting(paths).isEmpty, "samples of commands that no longer exist")
    }

    /// A new object word must be in the grammar's `command_word` rule and the editor grammar, which
    /// nothing derives from the table (GrammarTests parses the scenarios with the rule's words).
    @Test func everyObjectWordIsInTheGrammars() throws {
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let ebnf = try String(contentsOf: root.appendingPathComponent("grammar/dls.ebnf"), encoding: .utf8)
        let rule = try #require(ebnf.split(separator: "\n").first { $0.hasPrefix("command_word ") })
        let grammarWords = Set(rule.split(separator: "\"").enumerated().filter { $0.offset % 2 == 1 }.map { String($0.element) })
        #expect(grammarWords == CommandTable.standard.commandWords, "grammar/dls.ebnf command_word: \(rule)")
        let editor = try String(contentsOf: root.appendingPathComponent("grammar/dls.tmLanguage.json"), encoding: .utf8)
        for word in CommandTable.standard.commandWords {
            #expect(["(\(word)|", "|\(word)|", "|\(word))"].contains { editor.contains($0) }, "grammar/dls.tmLanguage.json lacks '\(word)'")
        }
    }

    /// A new fault kind (`OperationKind`) must be named in `inject_fault`'s help and in the topology
    /// file's documentation, which list them by hand.
    @Test func everyFaultKindIsDocumented() throws {
        let help = try #require(QueryHelp.text["inject_fault"])
        let root = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        let topology = try String(contentsOf: root.appendingPathComponent("docs/topology.md"), encoding: .utf8)
        for kind in OperationKind.allCases {
            let inHelp = help.contains("\(kind.rawValue),") || help.contains("\(kind.rawValue))")
            let inTopology = topology.contains("`\(kind.rawValue)`")
            #expect(inHelp, "inject_fault's help lacks \(kind.rawValue)")
            #expect(inTopology, "docs/topology.md lacks the fault kind \(kind.rawValue)")
        }
    }

    @Test(arguments: samples) func faces(_ sample: Sample) throws {
        switch sample.face {
        case .read:
            let text = try run(sample, sample.line)
            #expect(text.failure == nil && !text.out.isEmpty, "text: \(text)")
            #expect(text.notInNetlink.isEmpty, "no netlink handler for \(text.notInNetlink)")
            let json = try run(sample, sample.line + " -j")
            let document = json.out.split(separator: "\n").last.map { Data($0.utf8) } ?? Data()
            #expect(json.failure == nil && (try? JSONSerialization.jsonObject(with: document)) != nil, "JSON: \(json)")
            let value = try run(sample, "let v = \(sample.line)\nprint(json(v))")
            #expect(value.failure == nil && !["", "null\n"].contains(value.out), "script value: \(value)")
        case .change:
            let applied = try run(sample, sample.line)
            #expect(applied.failure == nil, "emulator: \(applied)")
            #expect(applied.notInNetlink.isEmpty, "no netlink handler for \(applied.notInNetlink)")
            let undone = try run(sample, "transaction {\n\(sample.line)\nthrow \"stop\"\n}")
            #expect(undone.failure?.contains("transaction rolled back: no changes were kept") == true, "undo: \(undone)")
            #expect(undone.before == undone.after, "undo left the session changed")
        case .irreversible:
            let applied = try run(sample, sample.line)
            #expect(applied.failure == nil, "emulator: \(applied)")
            #expect(applied.notInNetlink.isEmpty, "no netlink handler for \(applied.notInNetlink)")
            let undone = try run(sample, "transaction {\n\(sample.line)\nthrow \"stop\"\n}")
            #expect(undone.failure?.contains("1 step could not be undone") == true, "undo: \(undone)")
        case .refused:
            let refused = try run(sample, sample.line)
            #expect(refused.failure?.contains("Operation not supported") == true, "\(refused)")
        case .exempt:
            return
        }
        try expectOptionsComplete(sample)
    }

    /// After the command's words and its handle, completion offers every option of the command.
    func expectOptionsComplete(_ sample: Sample) throws {
        let table = CommandTable.standard
        let pathWords = sample.path.split(separator: " ").map(String.init)
        var node = table.root
        for word in pathWords { node = try #require(node.child(named: word)) }
        let spec = try #require(node.command)
        guard !spec.rawWords, spec.positionals.isEmpty, !spec.options.isEmpty else { return }
        let words = sample.line.split(separator: " ").map(String.init)
        let typed = Array(words.prefix(pathWords.count + (spec.handle == nil ? 0 : 1)))
        let offered = Set(table.completions(after: typed).words)
        #expect(Set(spec.options.map(\.name)).isSubset(of: offered), "completion after \(typed): \(offered.sorted())")
    }

    struct Run: CustomStringConvertible {
        var out = "", failure: String?, before: SessionView?, after: SessionView?
        /// Operations the sample performed that the netlink backend has no handler for.
        var notInNetlink: [String] = []
        var description: String { "out \(out.debugDescription), failure \(failure ?? "none")" }
    }

    /// Runs the sample's setup, then `code` on a fresh emulator with the journal; `out` is what
    /// `code` printed.
    func run(_ sample: Sample, _ code: String) throws -> Run {
        let session: EmulatedSession
        switch sample.machine {
        case .mlx5: session = try EmulatedSession(builtin: "mlx5")
        case .netdevsim: session = try EmulatedSession(builtin: "netdevsim")
        case .split: session = try EmulatedSession(topology: JournalCollateralTests.splitTopology)
        }
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        let recorder = NetlinkFaceRecorder(session)
        DevlinkHost(session: recorder, undo: .journal).install(in: interpreter)
        try interpreter.run(sample.setup, file: "setup.dls")
        var result = Run(before: try SessionView(session))
        recorder.missing = []
        let mark = output.text.count
        do {
            try interpreter.run(code, file: "sample.dls")
        } catch {
            result.failure = interpreter.render(error)
        }
        result.out = String(output.text.dropFirst(mark))
        result.notInNetlink = recorder.missing
        result.after = try SessionView(session)
        return result
    }
}

/// The emulator, noting each operation performed that the netlink backend has no handler for (the
/// kernel backend would answer EOPNOTSUPP where the emulator works). A link session itself, so that
/// bond and link operations pass through it too.
final class NetlinkFaceRecorder: DeviceSession, LinkSession {
    let inner: EmulatedSession
    var missing: [String] = []

    init(_ inner: EmulatedSession) {
        self.inner = inner
    }

    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        if !NetlinkSession.handlers.handles(Operation.self) { missing.append("\(Operation.self)") }
        return try inner.perform(operation)
    }

    func drainEvents() throws -> [DevlinkEvent] { try inner.drainEvents() }
    func settle() throws -> Bool { try inner.settle() }
    var facets: SessionFacets { SessionFacets(links: self, timed: inner.timedSession) }
}

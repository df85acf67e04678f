import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import DLSLanguage

/// Where the tests of a run talk to.
enum TestBackend {
    /// A fresh emulator per test, from the file's `topology` or this default (built-in name or .json).
    case emulator(defaultTopology: String)
    /// The running kernel, shared: every test runs in a transaction rolled back when it ends.
    case netlink(DeviceSession)
}

/// Runs the tests of one file. Each test gets a fresh interpreter that runs the file's top level, its
/// `setup` blocks, then the test, on a fresh backend (or inside a transaction on the kernel).
struct TestFileRunner {
    let backend: TestBackend
    let filter: String?

    /// One interpreter with its host, output and `skip()` state.
    private final class Instance {
        let interpreter: Interpreter
        let host: DevlinkHost
        let output = CapturedOutput()
        var skipReason: String?
        var transaction: Int?

        init(session: DeviceSession) {
            interpreter = Interpreter(output: output)
            host = DevlinkHost(session: session)
            host.install(in: interpreter)
            interpreter.setGlobal("args", .list(ListObject([])))
            interpreter.define(NativeFunction("skip", arity: 0...1) { [unowned self] args in
                let reason = args.count > 0 ? args[0].str : "skipped"
                self.skipReason = reason
                throw args.error("test skipped: \(reason)")
            })
        }

        var printed: String { output.text + output.errors }
    }

    func run(_ file: TestFile, report: (TestOutcome) -> Void) {
        guard let source = SourceFiles.read(file.path) else {
            return report(TestOutcome(file: file, name: "cannot read file", status: .fileError(syntax: false),
                                      report: "dls: cannot read '\(file.path)'"))
        }
        let diagnostics = ScriptRunner.check(source: source, name: file.path)
        guard diagnostics.isEmpty else {
            let rendered = diagnostics.map(\.rendered).joined(separator: "\n")
            return report(TestOutcome(file: file, name: "syntax error", status: .fileError(syntax: true), report: rendered))
        }
        let topology = Interpreter.declaredTopology(in: source, commandWords: CommandTable.standard.commandWords)
        let clock = ContinuousClock()
        var start = clock.now
        let first: Instance
        do {
            first = try load(file, source: source, topology: topology)
        } catch {
            return report(TestOutcome(file: file, name: "top level", status: .fileError(syntax: false),
                                      report: error.report, output: error.output))
        }
        let selected = first.interpreter.tests.indices.filter { index in
            filter.map { "\(file.displayName): \(first.interpreter.tests[index].name)".contains($0) } ?? true
        }
        if selected.isEmpty { _ = finish(first) }
        for (position, index) in selected.enumerated() {
            let name = first.interpreter.tests[index].name
            if position > 0 { start = clock.now }
            var outcome = TestOutcome(file: file, name: name, status: .passed)
            let instance: Instance
            do {
                instance = position == 0 ? first : try load(file, source: source, topology: topology)
            } catch {
                outcome.status = .failed
                outcome.report = error.report
                outcome.output = error.output
                report(outcome)
                continue
            }
            let interpreter = instance.interpreter
            do throws(ScriptFailure) {
                try interpreter.runTest(interpreter.tests[index])
            } catch let failure {
                if let reason = instance.skipReason {
                    outcome.status = .skipped(reason: reason)
                } else {
                    outcome.status = .failed
                    outcome.report = Self.render(failure, of: interpreter.tests[index], in: interpreter)
                }
            }
            let undone = finish(instance)
            if !undone.isEmpty {
                outcome.status = .failed
                outcome.report += (outcome.report.isEmpty ? "" : "\n") + "the test's changes could not all be undone:\n"
                    + undone.map { "  \($0)" }.joined(separator: "\n")
            }
            if outcome.isFailure { outcome.output = instance.printed }
            outcome.seconds = Self.seconds(clock.now - start)
            report(outcome)
        }
    }

    struct LoadError: Error {
        var report: String
        var output: String = ""
    }

    /// A fresh backend and interpreter that has run the file's top level.
    private func load(_ file: TestFile, source: String, topology: String?) throws(LoadError) -> Instance {
        let session: DeviceSession
        switch backend {
        case .netlink(let shared):
            session = shared
        case .emulator(let fallback):
            do throws(Backend.OpenError) {
                session = try Backend.emulator(resolve(topology, in: file) ?? fallback).open()
            } catch {
                throw LoadError(report: "\(file.path): topology: \(error.message)")
            }
        }
        let instance = Instance(session: session)
        if case .netlink = backend { instance.transaction = instance.host.transactions.begin() }
        do throws(ScriptFailure) {
            try instance.interpreter.run(source, file: file.path)
        } catch {
            let undone = finish(instance)
            throw LoadError(report: instance.interpreter.render(error)
                                + undone.map { "\nnot undone: \($0)" }.joined(),
                            output: instance.printed)
        }
        return instance
    }

    /// Ends an instance: on the kernel, rolls its transaction back; returns what could not be undone.
    private func finish(_ instance: Instance) -> [String] {
        guard let token = instance.transaction else { return [] }
        instance.transaction = nil
        return instance.host.transactions.rollback(token)
    }

    /// A built-in name stays; a file is relative to the test file's directory.
    private func resolve(_ topology: String?, in file: TestFile) -> String? {
        guard let topology else { return nil }
        if Topology.builtin(named: topology) != nil || topology.hasPrefix("/") { return topology }
        return file.directory + "/" + topology
    }

    /// The failure without the traceback line of the test block itself (every test has it).
    static func render(_ failure: ScriptFailure, of test: RegisteredTest, in interpreter: Interpreter) -> String {
        guard case .runtime(var error) = failure else { return interpreter.render(failure) }
        error.stack.removeAll { $0.function == "test \"\(test.name)\"" && $0.callSite == test.location }
        return error.rendered(sources: interpreter.sources)
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) / 1e18
    }
}

import DLS

/// Where the tests of a run talk to.
enum TestBackend {
    /// A fresh emulator per test, from the file's `topology` or this default (built-in name or .json).
    case emulator(defaultTopology: String)
    /// The running kernel, shared: every test runs in a transaction rolled back when it ends.
    case netlink(any DeviceSession)
}

/// Runs the tests of one file through the embedding API. Each test gets a fresh engine that runs the
/// file's top level, its `setup` blocks, then the test, on a fresh emulator (or on the shared kernel
/// session inside a transaction).
struct TestFileRunner {
    let backend: TestBackend
    let filter: String?

    /// One engine with its captured output and, on the kernel, its transaction.
    private final class Instance {
        let engine: DLSEngine
        let output: DLSCapturedOutput
        var transaction: DLSTransaction?

        init(engine: DLSEngine, output: DLSCapturedOutput) {
            self.engine = engine
            self.output = output
        }

        var printed: String { output.text + output.errors }
    }

    func run(_ file: TestFile, report: (TestOutcome) -> Void) {
        guard case .success(let source) = DLSSourceFile.contents(of: file.path) else {
            return report(TestOutcome(file: file, name: "cannot read file", status: .fileError(syntax: false),
                                      report: "dls: cannot read '\(file.path)'"))
        }
        let diagnostics = ScriptRunner.check(source: source, name: file.path)
        guard diagnostics.isEmpty else {
            let rendered = diagnostics.map(\.rendered).joined(separator: "\n")
            return report(TestOutcome(file: file, name: "syntax error", status: .fileError(syntax: true), report: rendered))
        }
        let topology = DLSEngine.declaredTopology(in: source)
        let clock = ContinuousClock()
        var start = clock.now
        let first: Instance
        do {
            first = try load(file, source: source, topology: topology)
        } catch {
            return report(TestOutcome(file: file, name: "top level", status: .fileError(syntax: false),
                                      report: error.report, output: error.output))
        }
        let tests = first.engine.tests
        let selected = tests.indices.filter { index in
            filter.map { "\(file.displayName): \(tests[index].name)".contains($0) } ?? true
        }
        if selected.isEmpty { _ = finish(first) }
        for (position, index) in selected.enumerated() {
            let name = tests[index].name
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
            // Every instance ran the same source, so it registered the same tests.
            do throws(DLSError) {
                if case .skipped(let reason) = try instance.engine.runTest(instance.engine.tests[index]) {
                    outcome.status = .skipped(reason: reason)
                }
            } catch {
                outcome.status = .failed
                outcome.report = Self.report(error)
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

    /// A fresh engine that has run the file's top level.
    private func load(_ file: TestFile, source: String, topology: String?) throws(LoadError) -> Instance {
        let output = DLSCapturedOutput()
        let instance: Instance
        switch backend {
        case .netlink(let shared):
            instance = Instance(engine: DLSEngine(session: shared, output: output), output: output)
            do throws(DLSError) {
                instance.transaction = try instance.engine.beginTransaction()
            } catch {
                throw LoadError(report: "\(file.path): cannot start a transaction: \(error.message)")
            }
        case .emulator(let fallback):
            let name = resolve(topology, in: file) ?? fallback
            do throws(DLSError) {
                instance = Instance(engine: try DLSEngine(backend: .emulator(name), output: output), output: output)
            } catch {
                // An unknown built-in name reads as a topology error, as it always has in test reports.
                let reason = name.hasSuffix(".json") ? error.message : "topology: " + error.message
                throw LoadError(report: "\(file.path): topology: --emulator: \(reason)")
            }
        }
        instance.engine.defineSkip()
        do throws(DLSError) {
            try instance.engine.run(source, file: file.path)
        } catch {
            let undone = finish(instance)
            throw LoadError(report: Self.report(error) + undone.map { "\nnot undone: \($0)" }.joined(), output: instance.printed)
        }
        return instance
    }

    /// The failure as the test report shows it. `exit()` is no error in a script, but a test file
    /// that exits would end the whole run: it fails the test instead.
    static func report(_ error: DLSError) -> String {
        guard case .exit(let status) = error.kind else { return error.rendered }
        let head = "\(error.location.map { "\($0): " } ?? "")error: exit(\(status)) called: a test cannot end the test run"
        return ([head] + error.notes).joined(separator: "\n")
    }

    /// Ends an instance: on the kernel, rolls its transaction back; returns what could not be undone.
    private func finish(_ instance: Instance) -> [String] {
        guard let transaction = instance.transaction else { return [] }
        instance.transaction = nil
        return transaction.rollBack()
    }

    /// A built-in name stays; a file is relative to the test file's directory.
    private func resolve(_ topology: String?, in file: TestFile) -> String? {
        guard let topology else { return nil }
        if DLSBackend.builtinTopologies.contains(DLSBackend.topologyName(of: topology)) || topology.hasPrefix("/") { return topology }
        return file.directory + "/" + topology
    }

    static func seconds(_ duration: Duration) -> Double {
        let (s, attoseconds) = duration.components
        return Double(s) + Double(attoseconds) / 1e18
    }
}

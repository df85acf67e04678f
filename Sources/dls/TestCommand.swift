import ArgumentParser
import DLS
import Glibc

/// `dls test PATH...`: runs the `test` blocks of .dls files and reports them TAP-style.
struct TestCommand: ParsableCommand, ScriptCommand {
    static let configuration = CommandConfiguration(
        commandName: "test",
        abstract: "Run the tests of .dls files (directories are searched recursively).",
        discussion: """
        Each test runs on a fresh emulator built from its file's `topology "FILE.json"` (relative to the \
        file) or the default topology: the file's top level, its `setup` blocks, then the test. With \
        --backend netlink the tests run against the kernel, each inside a transaction rolled back at its end.
        A test calls skip("reason") to be reported as skipped.
        Exit status: 0 all passed, 1 a test failed, 2 a file did not parse or a usage error.
        """)

    @Argument(help: "Test files or directories.")
    var paths: [String]

    @Option(name: .long, help: "Run only tests whose \"FILE: NAME\" contains PATTERN.")
    var filter: String?

    @Option(name: .long, help: ArgumentHelp("Also write a JUnit XML report to FILE.", valueName: "FILE"))
    var junit: String?

    @Option(name: .long, help: ArgumentHelp("emulator (default) or netlink.", valueName: "emulator|netlink"))
    var backend = "emulator"

    @Option(name: .long, help: ArgumentHelp(
        "The topology for files that declare none: mlx5 (default), netdevsim or a .json file, optionally @VERSION (mlx5@6.15).", valueName: "NAME|FILE.json[@VERSION]"))
    var emulator: String?

    mutating func run() throws { throw ExitCode(execute()) }

    func execute() -> Int32 {
        let files: [TestFile]
        do throws(TestFiles.NotFound) {
            files = try TestFiles.find(paths)
        } catch {
            FileHandleless.writeError("dls test: \(error.message)\n")
            return 2
        }
        let testBackend: TestBackend
        switch openBackend() {
        case .success(let opened): testBackend = opened
        case .failure(let status): return status.code
        }
        let output = DLSStandardOutput()
        let reporter = TapReporter(output: output)
        var outcomes: [TestOutcome] = []
        // Each test's engine runs its scripts on a large stack of its own.
        let runner = TestFileRunner(backend: testBackend, filter: filter)
        for file in files {
            runner.run(file) { outcome in
                reporter.report(outcome)
                outcomes.append(outcome)
            }
        }
        let totals = TestTotals(outcomes)
        output.write(totals.closingLine + "\n")
        output.flush()
        if let junit, !write(JUnitReport.xml(outcomes), to: junit) {
            FileHandleless.writeError("dls test: cannot write '\(junit)': \(String(cString: strerror(errno)))\n")
            return 2
        }
        if outcomes.contains(where: { $0.status == .fileError(syntax: true) }) { return 2 }
        return totals.failed > 0 ? 1 : 0
    }

    struct ExitStatus: Error {
        var code: Int32
    }

    /// The backend, or the exit status after saying why not (2 usage, 1 a kernel that cannot be reached).
    private func openBackend() -> Result<TestBackend, ExitStatus> {
        switch backend {
        case "emulator":
            return .success(.emulator(defaultTopology: emulator ?? Backend.defaultEmulator))
        case "netlink":
            if emulator != nil {
                FileHandleless.writeError("dls test: --emulator does not apply to --backend netlink\n")
                return .failure(ExitStatus(code: 2))
            }
            // One session for the whole run; each test's engine shares it inside a transaction.
            do throws(DLSError) {
                return .success(.netlink(try DLSBackend.netlink.open()))
            } catch {
                FileHandleless.writeError("dls test: \(Backend.netlinkFailure(error.message))\n")
                return .failure(ExitStatus(code: 1))
            }
        default:
            FileHandleless.writeError("dls test: --backend must be emulator or netlink, not '\(backend)'\n")
            return .failure(ExitStatus(code: 2))
        }
    }

    private func write(_ text: String, to path: String) -> Bool {
        guard let file = fopen(path, "wb") else { return false }
        defer { fclose(file) }
        let bytes = Array(text.utf8)
        return fwrite(bytes, 1, bytes.count, file) == bytes.count
    }
}

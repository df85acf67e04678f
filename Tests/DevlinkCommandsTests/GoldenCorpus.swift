import DevlinkCommands
import DevlinkModel
import DevlinkEmulator
import DLSLanguage
import Foundation

/// The golden corpus: devlink batch lines run on a fresh emulator, compared byte for byte with the
/// expected stdout, stderr and exit status.
///
/// Two kinds of case:
/// - `Tests/Golden/kernel/*.golden`: captured from real devlink on the guest's 6.12 kernel with a
///   netdevsim device (scripts/kernel-vm/capture-goldens.sh). The emulator's netdevsim profile must
///   print the same; the live stage also runs them through `dls --netlink` in the guest.
/// - `Tests/Golden/*.golden`: what no real tool here can produce (the mlx5 profile, topologies
///   netdevsim cannot take). Each says on a `# source:` line which document or kernel function its
///   expected output was derived from.
///
/// A case file:
///     # source: where the expected output comes from
///     # any comment
///     @topology netdevsim        (optional: mlx5 (default; netdevsim under kernel/), netdevsim, or a
///                                 file under scripts/topologies)
///     @flags -j -p               (optional: -j -p -i -f -s)
///     @setup switchdev           (kernel goldens: eswitch to switchdev before the batch)
///     @setup vfs 2               (kernel goldens: sriov_numvfs)
///     @setup devlink ARGS        (kernel goldens: one command that must succeed, run before the batch)
///     @setup nsim_health K V     (kernel goldens: netdevsim's health debugfs knob, binary_len or fail_recover)
///     @setup break_health MSG    (kernel goldens: netdevsim's dummy reporter reports an error; its answer
///                                 is not checked)
///     <batch lines, exactly as a devlink -b file>
///     -- stdout
///     <expected stdout>
///     -- stderr
///     <expected stderr>
///     -- status 0
/// `DLS_GOLDEN_RECORD=1 swift test --filter Golden` rewrites the expected parts of the emulator-only
/// cases from dls's output (review the diff!); kernel goldens are only ever rewritten from devlink.
struct GoldenCase: CustomStringConvertible, Sendable {
    var name: String
    var topology = "mlx5"
    var flags: [String] = []
    var setup: [String] = []
    var source: String?
    var batch = ""
    var stdout = ""
    var stderr = ""
    var status: Int32 = 0

    var description: String { name }

    /// Captured from real devlink (under kernel/), never recorded from dls.
    var fromKernel: Bool { name.hasPrefix("kernel/") }
    /// The netdevsim device of the guest's kernel goldens (run-goldens.sh makes it per case).
    static let kernelDevice = "netdevsim/netdevsim1"

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden")
    static let topologies = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/topologies")

    static func all() -> [GoldenCase] { emulatorOnly() + kernel() }

    static func emulatorOnly() -> [GoldenCase] { load(in: directory, prefix: "") }

    static func kernel() -> [GoldenCase] { load(in: directory.appendingPathComponent("kernel"), prefix: "kernel/") }

    private static func load(in folder: URL, prefix: String) -> [GoldenCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return files.filter { $0.hasSuffix(".golden") }.sorted().compactMap { load(folder.appendingPathComponent($0), name: prefix + $0) }
    }

    static func load(_ url: URL, name file: String) -> GoldenCase? {
        guard let text = try? String(contentsOf: url, encoding: .utf8) else { return nil }
        var c = GoldenCase(name: String(file.dropLast(".golden".count)))
        if c.fromKernel { c.topology = "netdevsim" }
        var section = "batch"
        var parts: [String: String] = ["batch": "", "stdout": "", "stderr": ""]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("-- stdout") { section = "stdout"; continue }
            if line.hasPrefix("-- stderr") { section = "stderr"; continue }
            if line.hasPrefix("-- status ") { c.status = Int32(line.dropFirst("-- status ".count)) ?? -1; section = "end"; continue }
            if section == "batch" && line.hasPrefix("# source: ") { c.source = String(line.dropFirst("# source: ".count)); continue }
            if section == "batch" && line.hasPrefix("@topology ") { c.topology = String(line.dropFirst("@topology ".count)); continue }
            if section == "batch" && line.hasPrefix("@flags ") { c.flags = line.dropFirst("@flags ".count).split(separator: " ").map(String.init); continue }
            if section == "batch" && line.hasPrefix("@setup ") { c.setup.append(String(line.dropFirst("@setup ".count))); continue }
            if section == "end" { continue }
            parts[section, default: ""] += line + "\n"
        }
        c.batch = parts["batch"] ?? ""
        c.stdout = parts["stdout"] ?? ""
        c.stderr = parts["stderr"] ?? ""
        return c
    }

    /// The command line an `@setup` directive stands for (run-goldens.sh does the same on the kernel).
    static func setupLine(_ directive: String) -> String? {
        let words = directive.split(separator: " ", maxSplits: 1).map(String.init)
        switch words.first {
        case "switchdev": return "dev eswitch set \(kernelDevice) mode switchdev"
        case "vfs" where words.count == 2: return "dev sriov set \(kernelDevice) numvfs \(words[1])"
        case "devlink" where words.count == 2: return words[1]
        default: return nil
        }
    }

    /// `nsim_health KNOB VALUE` and `break_health MESSAGE`, the debugfs writes run-goldens.sh makes:
    /// true when `directive` was one of them.
    static func runHealthSetup(_ directive: String, _ session: DeviceSession) throws -> Bool {
        let words = directive.split(separator: " ", maxSplits: 1).map(String.init)
        let device = try DeviceHandle(parsing: kernelDevice)
        switch words.first {
        case "nsim_health" where words.count == 2:
            let knob = words[1].split(separator: " ", maxSplits: 1).map(String.init)
            guard knob.count == 2 else { return false }
            try session.perform(SetNetdevsimHealthKnob(device, knob: knob[0], value: knob[1]))
            return true
        case "break_health" where words.count == 2:
            try? session.perform(ReportHealthError(HealthReporterID(device, name: "dummy"), words[1]))
            return true
        default:
            return false
        }
    }

    func session() throws -> EmulatedSession {
        if let builtin = Topology.builtin(named: topology) { return try EmulatedSession(topology: builtin) }
        return try EmulatedSession(topology: try Topology.load(path: GoldenCase.topologies.appendingPathComponent(topology).path))
    }

    /// Runs the batch the way `dls -b - <flags>` does.
    func run() throws -> (stdout: String, stderr: String, status: Int32) {
        let options = OutputOptions(json: flags.contains("-j"), pretty: flags.contains("-p"), iec: flags.contains("-i"),
                                    statistics: flags.contains("-s"))
        let runner = CommandRunner(session: try session(), options: options)
        for directive in setup {
            if try GoldenCase.runHealthSetup(directive, runner.session) { continue }
            guard let line = GoldenCase.setupLine(directive) else { throw GoldenSetupError(line: directive, output: "unknown @setup") }
            let quiet = CapturedOutput()
            guard BatchRunner(runner: CommandRunner(session: runner.session), output: quiet, force: false).run(text: line + "\n", name: "-") == 0 else {
                throw GoldenSetupError(line: directive, output: quiet.errors)
            }
        }
        let output = CapturedOutput()
        let status = BatchRunner(runner: runner, output: output, force: flags.contains("-f")).run(text: batch, name: "-")
        return (output.text, output.errors, status)
    }

    func recorded(_ r: (stdout: String, stderr: String, status: Int32)) -> String {
        var text = source.map { "# source: \($0)\n" } ?? ""
        if topology != "mlx5" { text += "@topology \(topology)\n" }
        if !flags.isEmpty { text += "@flags \(flags.joined(separator: " "))\n" }
        return text + batch + "-- stdout\n" + r.stdout + "-- stderr\n" + r.stderr + "-- status \(r.status)\n"
    }
}

struct GoldenSetupError: Error, CustomStringConvertible {
    var line: String
    var output: String
    var description: String { "@setup \(line) failed: \(output)" }
}

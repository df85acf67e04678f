import DevlinkCommands
import DevlinkEmulator
import DLSLanguage
import Foundation

/// The golden corpus (Tests/Golden/*.golden): devlink batch lines run on a fresh emulator, compared
/// byte for byte with devlink's expected stdout, stderr and exit status.
///
/// A case file:
///     # any comment
///     @topology netdevsim        (optional: mlx5 (default), netdevsim, or a file under scripts/topologies)
///     @flags -j -p               (optional: -j -p -i -f)
///     <batch lines, exactly as a devlink -b file>
///     -- stdout
///     <expected stdout>
///     -- stderr
///     <expected stderr>
///     -- status 0
/// `DLS_GOLDEN_RECORD=1 swift test --filter Golden` rewrites the expected parts (review the diff!).
struct GoldenCase: CustomStringConvertible, Sendable {
    var name: String
    var topology = "mlx5"
    var flags: [String] = []
    var batch = ""
    var stdout = ""
    var stderr = ""
    var status: Int32 = 0

    var description: String { name }

    static let directory = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().appendingPathComponent("Golden")
    static let topologies = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .deletingLastPathComponent().deletingLastPathComponent().appendingPathComponent("scripts/topologies")

    static func all() -> [GoldenCase] {
        let files = (try? FileManager.default.contentsOfDirectory(atPath: directory.path)) ?? []
        return files.filter { $0.hasSuffix(".golden") }.sorted().compactMap { load($0) }
    }

    static func load(_ file: String) -> GoldenCase? {
        guard let text = try? String(contentsOf: directory.appendingPathComponent(file), encoding: .utf8) else { return nil }
        var c = GoldenCase(name: String(file.dropLast(".golden".count)))
        var section = "batch"
        var parts: [String: String] = ["batch": "", "stdout": "", "stderr": ""]
        for line in text.split(separator: "\n", omittingEmptySubsequences: false).dropLast() {
            if line.hasPrefix("-- stdout") { section = "stdout"; continue }
            if line.hasPrefix("-- stderr") { section = "stderr"; continue }
            if line.hasPrefix("-- status ") { c.status = Int32(line.dropFirst("-- status ".count)) ?? -1; section = "end"; continue }
            if section == "batch" && line.hasPrefix("@topology ") { c.topology = String(line.dropFirst("@topology ".count)); continue }
            if section == "batch" && line.hasPrefix("@flags ") { c.flags = line.dropFirst("@flags ".count).split(separator: " ").map(String.init); continue }
            if section == "end" { continue }
            parts[section, default: ""] += line + "\n"
        }
        c.batch = parts["batch"] ?? ""
        c.stdout = parts["stdout"] ?? ""
        c.stderr = parts["stderr"] ?? ""
        return c
    }

    func session() throws -> EmulatedSession {
        if let builtin = Topology.builtin(named: topology) { return try EmulatedSession(topology: builtin) }
        return try EmulatedSession(topology: try Topology.load(path: GoldenCase.topologies.appendingPathComponent(topology).path))
    }

    /// Runs the batch the way `dls -b - <flags>` does.
    func run() throws -> (stdout: String, stderr: String, status: Int32) {
        let options = OutputOptions(json: flags.contains("-j"), pretty: flags.contains("-p"), iec: flags.contains("-i"))
        let runner = CommandRunner(session: try session(), options: options)
        let output = CapturedOutput()
        let status = BatchRunner(runner: runner, output: output, force: flags.contains("-f")).run(text: batch, name: "-")
        return (output.text, output.errors, status)
    }

    func recorded(_ r: (stdout: String, stderr: String, status: Int32)) -> String {
        var text = ""
        if topology != "mlx5" { text += "@topology \(topology)\n" }
        if !flags.isEmpty { text += "@flags \(flags.joined(separator: " "))\n" }
        return text + batch + "-- stdout\n" + r.stdout + "-- stderr\n" + r.stderr + "-- status \(r.status)\n"
    }
}

import ArgumentParser
import DLS
import Glibc

let dlsVersion = "0.1.0"

/// A subcommand that returns its own exit status (0 ok, 1 runtime error, 2 usage or syntax error).
protocol ScriptCommand {
    mutating func execute() -> Int32
}

struct DLSCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "dls",
        abstract: "A scripting language and REPL for Linux devlink: ports, subfunctions, rates and LAG.",
        discussion: """
        Runs a .dls script, code given with -c, or a script piped on stdin; on a terminal with none of these, the REPL. A devlink command line runs as given: dls port show pci/0000:06:00.0/1.
        Run options: -c CODE, -b FILE (a devlink batch file; -f goes on after failures), -j and -p (devlink's JSON, pretty), -i (IEC units), --emulator [NAME|FILE.json][@VERSION], --netlink, --atomic, --step-limit N (details: dls run --help). -V or --version prints the version.
        Exit status: 0 ok, 1 runtime or command failure, 2 usage or syntax error.
        Backend: --netlink (the running kernel) or --emulator; without either, netlink when the kernel has devlink, else the emulator.
        --emulator-state FILE keeps the emulator's state in FILE between runs.
        Desired state: dls snapshot, dls plan FILE, dls apply FILE, dls persist FILE (dls plan --help; docs/desired-state.md).
        \(Backend.defaultDescription)
        """,
        version: "dls \(dlsVersion)",
        subcommands: [RunCommand.self, CheckCommand.self, TestCommand.self],
        defaultSubcommand: RunCommand.self)
}

struct RunCommand: ParsableCommand, ScriptCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script file, -c CODE, or stdin (the default command).")

    @Option(name: .customShort("c"), help: "Run CODE instead of a file.")
    var code: String?

    @Option(name: .long, help: "Stop after this many loop iterations and calls (runaway protection).")
    var stepLimit: Int?

    @Option(name: [.customShort("b"), .long], help: ArgumentHelp(
        "Run a devlink batch FILE (- for stdin) with devlink's semantics: stop at the first failure.",
        valueName: "FILE"))
    var batch: String?

    @Flag(name: [.customShort("f"), .long], help: "With -b, go on after failed lines (exit status 1 if any failed).")
    var force = false

    @Flag(name: [.customShort("j"), .long], help: "Print command output as devlink's JSON.")
    var json = false

    @Flag(name: [.customShort("p"), .long], help: "Pretty-print JSON output (with -j).")
    var pretty = false

    @Flag(name: [.customShort("n"), .customLong("no-nice-names")], help: "Accepted for devlink compatibility (handles are always printed).")
    var noNiceNames = false

    @Flag(name: [.customShort("i"), .long], help: "IEC units (Kibit, Mibit, ...) for rates in text output.")
    var iec = false

    @Flag(name: [.customShort("s"), .long], help: "Statistics: dev show prints the reload counters, as devlink -s does.")
    var statistics = false

    @Option(name: .long, help: ArgumentHelp(
        "Use the emulator: a built-in topology (mlx5, netdevsim) or a topology .json file (default: mlx5), optionally @VERSION, the kernel version it models (mlx5@6.15; default 6.12). The default backend when the kernel has no devlink.",
        valueName: "NAME|FILE.json[@VERSION]"))
    var emulator: String?

    @Flag(name: .long, help: "Talk to the running kernel over netlink (the default when it has devlink).")
    var netlink = false

    @Flag(name: .long, help: "Run the script as one transaction: if it fails, every change it made is undone.")
    var atomic = false

    @Option(name: .long, help: ArgumentHelp(
        "Keep the emulator's state in FILE: loaded when it exists, saved back at exit when it changed.",
        valueName: "FILE"))
    var emulatorState: String?

    @Argument(parsing: .captureForPassthrough, help: "Script file (- for stdin) and the arguments it sees as `args`.")
    var arguments: [String] = []

    mutating func run() throws { throw ExitCode(execute()) }

    /// The parsed switches as plain values (the hand parser in QuickCommandLine gives the same).
    var options: RunOptions {
        RunOptions(code: code, stepLimit: stepLimit, batch: batch, force: force, json: json, pretty: pretty,
                   noNiceNames: noNiceNames, iec: iec, statistics: statistics, emulator: emulator, netlink: netlink, atomic: atomic,
                   emulatorState: emulatorState, arguments: arguments)
    }

    func execute() -> Int32 { options.execute() }
}

struct CheckCommand: ParsableCommand, ScriptCommand {
    static let configuration = CommandConfiguration(
        commandName: "check", abstract: "Parse files without running them and report every error.")

    @Argument(help: "Script files to check.")
    var files: [String]

    mutating func run() throws { throw ExitCode(execute()) }

    func execute() -> Int32 {
        var status: Int32 = 0
        for file in files {
            let text: String
            switch DLSSourceFile.contents(of: file) {
            case .success(let read): text = read
            case .failure(let failure):
                FileHandleless.writeError("dls: cannot read '\(file)': \(failure.reason)\n")
                status = 2
                continue
            }
            let diagnostics = ScriptRunner.check(source: text, name: file)
            for line in DLSEngine.errorReport(diagnostics.map(\.rendered)) { FileHandleless.writeError(line + "\n") }
            if !diagnostics.isEmpty { status = 2 }
        }
        return status
    }
}

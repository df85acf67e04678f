import DLS
import Glibc

/// What `dls [run]` was asked to do, as plain values: filled by ArgumentParser (RunCommand) or by
/// the hand parser for the common invocations (QuickCommandLine); both must agree (CLITests).
struct RunOptions: Equatable {
    var code: String?
    var stepLimit: Int?
    var batch: String?
    var force = false
    var json = false
    var pretty = false
    var noNiceNames = false
    var iec = false
    /// `-s`: `dev show` prints statistics, as devlink -s does.
    var statistics = false
    var emulator: String?
    var netlink = false
    var atomic = false
    /// `--emulator-state FILE`: the emulator's state is loaded from FILE and saved back at exit.
    var emulatorState: String?
    var arguments: [String] = []

    /// Backend and output switches for this run.
    func configuration() -> RunConfiguration? {
        if netlink && emulator != nil {
            FileHandleless.writeError("dls: --netlink and --emulator cannot be used together\n")
            return nil
        }
        if netlink && emulatorState != nil {
            FileHandleless.writeError("dls: --emulator-state needs the emulator, not --netlink\n")
            return nil
        }
        return RunConfiguration(
            // A state file is the emulator's: without --emulator it is the default topology's.
            backend: emulatorState != nil ? .emulator(emulator ?? Backend.defaultEmulator)
                                          : Backend.choose(netlink: netlink, emulator: emulator),
            stateFile: emulatorState,
            format: DLSEngine.Format(json: json, pretty: pretty, iec: iec, statistics: statistics,
                                     color: DLSEngine.Format.colorWanted(terminal: isatty(STDOUT_FILENO) == 1,
                                                                         environment: getenv("NO_COLOR").map { String(cString: $0) })))
    }

    /// Words as one dls command line: each is quoted when it holds a blank, a quote, `#`, `$` or `\`
    /// (single quotes are raw; a word with one in it goes in double quotes with escapes).
    static func commandLine(_ words: [String]) -> String {
        words.map { word in
            let special: Set<Character> = [" ", "\t", "\"", "'", "#", "$", "\\", ";", "{", "}", "(", ")"]
            guard word.isEmpty || word.contains(where: { special.contains($0) || $0.isNewline }) else { return word }
            if !word.contains("'") && !word.contains(where: \.isNewline) { return "'" + word + "'" }
            var quoted = "\""
            for c in word {
                switch c {
                case "\"", "\\", "$": quoted += "\\" + String(c)
                case "\n": quoted += "\\n"
                default: quoted.append(c)
                }
            }
            return quoted + "\""
        }.joined(separator: " ")
    }

    func execute() -> Int32 {
        guard let config = configuration() else { return 2 }
        let status = run(config)
        return ScriptRunner.saveEmulatorState(status: status)
    }

    private func run(_ config: RunConfiguration) -> Int32 {
        if let batch {
            if code != nil || !arguments.isEmpty || atomic {
                FileHandleless.writeError("dls: -b runs a batch file; it takes no script, -c or --atomic\n")
                return 2
            }
            return ScriptRunner.runBatch(file: batch, force: force, config: config)
        }
        if force {
            FileHandleless.writeError("dls: -f/--force only applies to -b batch files\n")
            return 2
        }
        var scriptArguments = arguments
        let source: String
        let name: String
        if let code {
            source = code
            name = "<command line>"
        } else if let file = scriptArguments.first, file != "-" {
            scriptArguments.removeFirst()
            let text: String
            switch DLSSourceFile.contents(of: file) {
            case .success(let read): text = read
            case .failure where DLSEngine.standardCommandWords.contains(file) && access(file, F_OK) != 0:
                // `dls port show pci/0000:06:00.0/1`: a command line, as devlink takes it.
                return ScriptRunner.run(source: Self.commandLine([file] + scriptArguments), name: "<command line>",
                                        arguments: [], stepLimit: stepLimit, config: config, atomic: atomic)
            case .failure(let failure):
                let reason = failure.reason
                // Options after the script are its own (`args`); one before it that dls does not know
                // reaches here as the script name.
                if file.hasPrefix("-") {
                    FileHandleless.writeError("dls: unknown option '\(file)' (see 'dls --help')\n")
                } else {
                    FileHandleless.writeError("dls: cannot read '\(file)': \(reason)\n")
                }
                return 2
            }
            source = text
            name = file
        } else {
            if scriptArguments.first == "-" { scriptArguments.removeFirst() }
            if isatty(0) != 0 {
                return ScriptRunner.repl(config: config, stepLimit: stepLimit)
            }
            switch DLSSourceFile.standardInput() {
            case .success(let text): source = text
            case .failure(let failure):
                FileHandleless.writeError("dls: cannot read standard input: \(failure.reason)\n")
                return 2
            }
            name = "<stdin>"
        }
        return ScriptRunner.run(source: source, name: name, arguments: scriptArguments, stepLimit: stepLimit,
                                config: config, atomic: atomic)
    }
}

import ArgumentParser
import DLSLanguage
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
        Runs a .dls script, code given with -c, or a script piped on stdin.
        Exit status: 0 ok, 1 runtime or command failure, 2 usage or syntax error.
        """,
        version: "dls \(dlsVersion)",
        subcommands: [RunCommand.self, CheckCommand.self],
        defaultSubcommand: RunCommand.self)
}

struct RunCommand: ParsableCommand, ScriptCommand {
    static let configuration = CommandConfiguration(
        commandName: "run", abstract: "Run a script file, -c CODE, or stdin (the default command).")

    @Option(name: .customShort("c"), help: "Run CODE instead of a file.")
    var code: String?

    @Option(name: .long, help: "Stop after this many loop iterations and calls (runaway protection).")
    var stepLimit: Int?

    @Argument(parsing: .captureForPassthrough, help: "Script file (- for stdin) and the arguments it sees as `args`.")
    var arguments: [String] = []

    mutating func run() throws { throw ExitCode(execute()) }

    func execute() -> Int32 {
        var scriptArguments = arguments
        let source: String
        let name: String
        if let code {
            source = code
            name = "<command line>"
        } else if let file = scriptArguments.first, file != "-" {
            scriptArguments.removeFirst()
            guard let text = SourceFiles.read(file) else {
                FileHandleless.writeError("dls: cannot read '\(file)': \(String(cString: strerror(errno)))\n")
                return 2
            }
            source = text
            name = file
        } else {
            if scriptArguments.first == "-" { scriptArguments.removeFirst() }
            if isatty(0) != 0 {
                FileHandleless.writeError("dls: the interactive REPL is not available yet; run a file, -c CODE, or pipe a script\n")
                return 2
            }
            source = SourceFiles.readStandardInput()
            name = "<stdin>"
        }
        return ScriptRunner.run(source: source, name: name, arguments: scriptArguments, stepLimit: stepLimit)
    }
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
            guard let text = SourceFiles.read(file) else {
                FileHandleless.writeError("dls: cannot read '\(file)': \(String(cString: strerror(errno)))\n")
                status = 2
                continue
            }
            let diagnostics = ScriptRunner.check(source: text, name: file)
            let source = SourceText(name: file, text: text)
            for d in diagnostics { FileHandleless.writeError(d.rendered(source: source) + "\n") }
            if !diagnostics.isEmpty { status = 2 }
        }
        return status
    }
}

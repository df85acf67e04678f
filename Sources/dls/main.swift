import ArgumentParser
import CMallocTuning
import Glibc

let arguments = EmulatorArgument.normalize(Array(CommandLine.arguments.dropFirst()))
let desiredState = DesiredStateCommand.parse(arguments)

// Fewer page faults for scripts that build big lists and strings (heap reuse, huge pages past the
// first 16 MiB; see dls_malloc_tuning.c). DLS_MALLOC_DEFAULTS=1 keeps glibc's defaults (valgrind
// caps how far the heap can grow). Not for `snapshot`/`plan`/`apply`: one read of the devices and
// a few hundred requests never use the reserve, and setting it up costs their start-up.
if case .notOurs = desiredState, getenv("DLS_MALLOC_DEFAULTS") == nil { dls_malloc_tune() }

// `-V`, as devlink and ip spell it, is `--version`.
if arguments == ["-V"] {
    print("dls \(dlsVersion)")
    exit(0)
}
// `snapshot`, `plan`, `apply`, `persist` (desired state): backend options come before them.
switch desiredState {
case .notOurs: break
case .usage(let message):
    FileHandleless.writeError("dls: \(message)\n" + DesiredStateCommand.usage)
    exit(2)
case .help(let text):
    print(text, terminator: "")
    exit(0)
case .run(let command):
    exit(command.execute())
}
// The common invocations skip ArgumentParser's start-up cost (see QuickCommandLine).
if let options = QuickCommandLine.parse(arguments) {
    exit(options.execute())
}

// Parse arguments ourselves so usage errors exit 2 (ArgumentParser's default is 64).
let status: Int32
do {
    var command = try DLSCommand.parseAsRoot(arguments)
    if var runnable = command as? ScriptCommand {
        status = runnable.execute()
    } else {
        try command.run()
        status = 0
    }
} catch {
    let code = DLSCommand.exitCode(for: error)
    let message = DLSCommand.fullMessage(for: error)
    if code == .success {
        print(message)
        status = 0
    } else {
        if !message.isEmpty { FileHandleless.writeError(message + "\n") }
        status = code == .validationFailure || code.rawValue == 64 ? 2 : code.rawValue
    }
}
exit(status)

import DLS
import Glibc

/// What a run talks to and how it prints.
struct RunConfiguration {
    var backend: Backend
    /// `--emulator-state FILE` (the backend is then an emulator).
    var stateFile: String? = nil
    var format: DLSEngine.Format
}

/// Runs scripts through the embedding API (`DLS`) and maps failures to exit codes.
enum ScriptRunner {
    nonisolated(unsafe) static var keptUntilExit: DLSEngine?

    /// An engine on the configured backend; the error is the `dls: ...` line to print. Scripts, batch
    /// files and the REPL run the emulator on the wall clock, so its driver work completes on its own as
    /// on hardware (`DLS_CLOCK=virtual` keeps the test clock; `dls test` always does).
    static func makeEngine(output: DLSOutput, config: RunConfiguration, eventsFromOpen: Bool = true) throws(Backend.OpenError) -> DLSEngine {
        let engine = try openEngine(output: output, config: config, eventsFromOpen: eventsFromOpen)
        engine.useClock(DLSClock.fromEnvironment(getenv("DLS_CLOCK").map { String(cString: $0) }, fallback: .wall))
        return engine
    }

    private static func openEngine(output: DLSOutput, config: RunConfiguration, eventsFromOpen: Bool) throws(Backend.OpenError) -> DLSEngine {
        guard let stateFile = config.stateFile, case .emulator(let word) = config.backend else {
            return try config.backend.engine(output: output, format: config.format, eventsFromOpen: eventsFromOpen)
        }
        do throws(DLSError) {
            let store = try DLSEmulatorState(emulator: word, path: stateFile, eventsFromOpen: eventsFromOpen)
            stateStore = store
            return DLSEngine(session: store.session, output: output, format: config.format)
        } catch {
            throw Backend.OpenError(message: error.message)
        }
    }

    /// The `--emulator-state` file of this run, saved by `saveEmulatorState` at exit.
    nonisolated(unsafe) static var stateStore: DLSEmulatorState?

    /// Saves the emulator's state (when it changed) at exit, whatever the run's status: a script that
    /// failed half-way leaves what it did, as on a real box. A failed save is a failed run.
    static func saveEmulatorState(status: Int32) -> Int32 {
        guard let store = stateStore else { return status }
        do throws(DLSError) {
            try store.save()
            return status
        } catch {
            FileHandleless.writeError("dls: \(error.message)\n")
            return status == 0 ? 1 : status
        }
    }

    static func run(source: String, name: String, arguments: [String], stepLimit: Int?, config: RunConfiguration,
                    atomic: Bool = false) -> Int32 {
        let output = DLSStandardOutput()
        defer { output.flush() }
        let engine: DLSEngine
        do throws(Backend.OpenError) {
            engine = try makeEngine(output: output, config: config)
        } catch {
            output.writeError("dls: \(error.message)\n")
            return 1
        }
        // dls exits right after the script: the engine (and every value the script built) is left
        // for the process exit to reclaim instead of being freed object by object.
        keptUntilExit = engine
        engine.stepLimit = stepLimit
        engine.setArguments(arguments)
        let transaction: DLSTransaction?
        do throws(DLSError) {
            transaction = atomic ? try engine.beginTransaction() : nil
        } catch {
            output.writeError("dls: --atomic: cannot start a transaction: \(error.message)\n")
            return 1
        }
        do throws(DLSError) {
            try engine.run(source, file: name)
            try? transaction?.commit()
        } catch {
            let (status, report) = conclude(error, transaction: transaction)
            output.writeError(report)
            return status
        }
        return 0
    }

    /// The exit status and the report of a run that ended with `error`. `exit(0)` ends the script
    /// successfully: `--atomic` keeps its changes; any other status is a failure and undoes them.
    static func conclude(_ error: DLSError, transaction: DLSTransaction?) -> (status: Int32, report: String) {
        let report = error.rendered.isEmpty ? "" : error.rendered + "\n"
        if case .exit(0) = error.kind {
            try? transaction?.commit()
            return (0, report)
        }
        let undone = transaction.map(rollBackReport) ?? ""
        switch error.kind {
        case .exit(let status): return (status, report + undone)
        case .syntax: return (2, report + undone)
        default: return (1, report + undone)
        }
    }

    /// `--atomic` after a failure: undoes the script's changes; the lines to print after its error.
    static func rollBackReport(_ transaction: DLSTransaction) -> String {
        let failures = transaction.rollBack()
        if failures.isEmpty { return "--atomic: rolled back, no changes were kept\n" }
        return "--atomic: rolled back, but \(failures.count) step\(failures.count == 1 ? "" : "s") could not be undone:\n"
            + failures.map { "  \($0)\n" }.joined()
    }

    /// `dls -b FILE`: devlink batch semantics, no language involved.
    static func runBatch(file: String, force: Bool, config: RunConfiguration) -> Int32 {
        let text: String
        switch file == "-" ? DLSSourceFile.standardInput() : DLSSourceFile.contents(of: file) {
        case .success(let read): text = read
        case .failure(let failure):
            FileHandleless.writeError("Cannot open file \"\(file)\" for reading: \(failure.reason)\n")
            return 1
        }
        let output = DLSStandardOutput()
        defer { output.flush() }
        let engine: DLSEngine
        do throws(Backend.OpenError) {
            engine = try makeEngine(output: output, config: config, eventsFromOpen: false)
        } catch {
            output.writeError("dls: \(error.message)\n")
            return 1
        }
        return engine.runDevlinkBatch(text, name: file, force: force) ? 0 : 1
    }

    /// Parsing needs only the command words, so `check` opens no backend.
    static func check(source: String, name: String) -> [DLSDiagnostic] {
        DLSEngine.check(source, file: name)
    }
}

enum FileHandleless {
    static func writeError(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}

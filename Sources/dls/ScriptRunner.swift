import DevlinkCommands
import DevlinkModel
import DLSLanguage
import Glibc

/// What a run talks to and how it prints.
struct RunConfiguration {
    var backend: Backend
    var output: OutputOptions
}

/// Runs scripts on a large-stack thread and maps failures to exit codes.
enum ScriptRunner {
    static func makeInterpreter(output: OutputSink, config: RunConfiguration) throws(Backend.OpenError) -> Interpreter {
        let interpreter = Interpreter(output: output)
        let host = DevlinkHost(session: try config.backend.open(), options: config.output)
        host.install(in: interpreter)
        return interpreter
    }

    static func run(source: String, name: String, arguments: [String], stepLimit: Int?, config: RunConfiguration,
                    atomic: Bool = false) -> Int32 {
        var status: Int32 = 0
        LargeStack.run {
            let output = StandardOutput()
            let interpreter: Interpreter
            do throws(Backend.OpenError) {
                interpreter = try makeInterpreter(output: output, config: config)
            } catch {
                output.writeError("dls: \(error.message)\n")
                status = 1
                return
            }
            interpreter.stepLimit = stepLimit
            interpreter.setGlobal("args", .list(ListObject(arguments.map { .string($0) })))
            let transaction: AtomicRun?
            do {
                transaction = atomic ? try AtomicRun(interpreter) : nil
            } catch {
                output.writeError("dls: --atomic: cannot start a transaction: \(error)\n")
                status = 1
                return
            }
            do throws(ScriptFailure) {
                try interpreter.run(source, file: name)
                try? transaction?.commit()
            } catch let failure {
                output.writeError(interpreter.render(failure) + "\n" + (transaction?.rollBack() ?? ""))
                if case .syntax = failure { status = 2 } else { status = 1 }
            }
            output.flush()
        }
        return status
    }

    /// `dls -b FILE`: devlink batch semantics, no language involved.
    static func runBatch(file: String, force: Bool, config: RunConfiguration) -> Int32 {
        let text: String
        if file == "-" {
            text = SourceFiles.readStandardInput()
        } else {
            guard let read = SourceFiles.read(file) else {
                FileHandleless.writeError("Cannot open file \"\(file)\" for reading: \(String(cString: strerror(errno)))\n")
                return 1
            }
            text = read
        }
        let output = StandardOutput()
        let session: DeviceSession
        do throws(Backend.OpenError) {
            session = try config.backend.open()
        } catch {
            output.writeError("dls: \(error.message)\n")
            return 1
        }
        let runner = CommandRunner(session: session, options: config.output)
        return BatchRunner(runner: runner, output: output, force: force).run(text: text, name: file)
    }

    /// Parsing needs only the command words, so `check` opens no backend.
    static func check(source: String, name: String) -> [Diagnostic] {
        let interpreter = Interpreter(output: CapturedOutput())
        interpreter.host = CommandWordsOnly()
        return interpreter.check(source, file: name)
    }
}

/// A host that knows the command words but runs nothing (for `dls check`).
final class CommandWordsOnly: CommandHost {
    let commandWords = CommandTable.standard.commandWords

    func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value {
        throw CommandFailure("commands do not run in check mode")
    }
}

/// Reading files and stdin without Foundation (keeps start-up fast).
enum SourceFiles {
    static func read(_ path: String) -> String? {
        guard let file = fopen(path, "rb") else { return nil }
        defer { fclose(file) }
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = fread(&chunk, 1, chunk.count, file)
            if n > 0 { bytes.append(contentsOf: chunk[0..<n]) }
            if n < chunk.count {
                if ferror(file) != 0 { return nil }
                break
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    static func readStandardInput() -> String {
        var bytes: [UInt8] = []
        var chunk = [UInt8](repeating: 0, count: 65536)
        while true {
            let n = Glibc.read(0, &chunk, chunk.count)
            if n < 0 && errno == EINTR { continue }
            if n <= 0 { break }
            bytes.append(contentsOf: chunk[0..<n])
        }
        return String(decoding: bytes, as: UTF8.self)
    }
}

enum FileHandleless {
    static func writeError(_ text: String) {
        var copy = text
        copy.withUTF8 { buffer in _ = Glibc.write(2, buffer.baseAddress, buffer.count) }
    }
}

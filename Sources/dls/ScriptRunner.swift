import DLSLanguage
import Glibc

/// Runs scripts on a large-stack thread and maps failures to exit codes.
enum ScriptRunner {
    static func makeInterpreter(output: OutputSink) -> Interpreter {
        Interpreter(output: output)
    }

    static func run(source: String, name: String, arguments: [String], stepLimit: Int?) -> Int32 {
        var status: Int32 = 0
        LargeStack.run {
            let output = StandardOutput()
            let interpreter = makeInterpreter(output: output)
            interpreter.stepLimit = stepLimit
            interpreter.setGlobal("args", .list(ListObject(arguments.map { .string($0) })))
            do throws(ScriptFailure) {
                try interpreter.run(source, file: name)
            } catch let failure {
                output.writeError(interpreter.render(failure) + "\n")
                if case .syntax = failure { status = 2 } else { status = 1 }
            }
            output.flush()
        }
        return status
    }

    static func check(source: String, name: String) -> [Diagnostic] {
        makeInterpreter(output: CapturedOutput()).check(source, file: name)
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

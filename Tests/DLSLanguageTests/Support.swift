@testable import DLSLanguage

/// Runs source and returns what it printed, or the rendered error.
func run(_ source: String, host: CommandHost? = nil, configure: (Interpreter) -> Void = { _ in }) -> (output: String, error: String?) {
    let output = CapturedOutput()
    let interpreter = Interpreter(host: host, output: output)
    configure(interpreter)
    var rendered: String?
    LargeStack.run {
        do throws(ScriptFailure) {
            try interpreter.run(source, file: "t.dls")
        } catch let failure {
            rendered = interpreter.render(failure)
        }
    }
    return (output.text, rendered)
}

/// Output of a script that must succeed.
func output(_ source: String) -> String {
    let (out, error) = run(source)
    if let error { return "UNEXPECTED ERROR: \(error)" }
    return out
}

/// The first line of the error a script must raise.
func errorLine(_ source: String) -> String {
    let (_, error) = run(source)
    return error?.split(separator: "\n").first.map(String.init) ?? "NO ERROR"
}

/// A command host that records command lines and returns their words.
final class RecordingHost: CommandHost {
    var commandWords: Set<String> = ["port", "dev", "devlink"]
    var lines: [[String]] = []
    var displayed: [Bool] = []
    var values: [[Value?]] = []

    func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value {
        lines.append(command.arguments.map(\.text))
        values.append(command.arguments.map(\.value))
        displayed.append(display)
        if command.arguments.contains(where: { $0.text == "fail" }) {
            throw CommandFailure("Error: mlx5_core: SF already exist. Choose different sfnum.", errno: "EEXIST",
                                 notes: ["kernel answers: File exists"], wordIndex: 2)
        }
        if display { interpreter.output.write(command.arguments.map(\.text).joined(separator: " ") + "\n") }
        return .list(ListObject(command.arguments.map { .string($0.text) }))
    }
}

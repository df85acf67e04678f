import DLSRepl
import Foundation
import Synchronization

/// A stand-in language for pty tests while the real interpreter is not wired: brace counting for
/// continuation, `let NAME = VALUE`, `print(X)`, `while true { }` (runs until interrupted),
/// `port show` (devlink-like text); anything else echoes `=> INPUT`.
final class ToyLanguage: ReplLanguage {
    private var vars: [(name: String, value: String)] = []
    private let stop = Atomic<Bool>(false)

    func isIncomplete(_ source: String) -> Bool {
        source.filter { $0 == "{" }.count > source.filter { $0 == "}" }.count
    }

    func run(_ source: String, name: String, echo: Bool) -> ReplOutcome {
        stop.store(false, ordering: .relaxed)
        if isIncomplete(source) { return .syntaxError(message: "\(name): error: unexpected end of input") }
        var out: [String] = []
        for line in source.split(separator: "\n").map({ $0.trimmingCharacters(in: .whitespaces) }) {
            if line.hasPrefix("while true") {
                while !stop.load(ordering: .relaxed) { usleep(1000) }
                return .runtimeError(message: "\(name): error: interrupted")
            } else if line.hasPrefix("let "), let eq = line.firstIndex(of: "=") {
                let n = line[line.index(line.startIndex, offsetBy: 4)..<eq].trimmingCharacters(in: .whitespaces)
                vars.append((n, line[line.index(after: eq)...].trimmingCharacters(in: .whitespaces)))
            } else if line.hasPrefix("print(") && line.hasSuffix(")") {
                out.append(String(line.dropFirst(6).dropLast()))
            } else if line.hasPrefix("port show") {
                out.append("pci/0000:06:00.0/65535: type eth netdev eth0 flavour physical port 0 splittable false")
            } else if line.hasPrefix("fail") {
                return .runtimeError(message: "\(name):1:1: error: \(line)\n\(line)\n^")
            } else if echo, !line.isEmpty, !line.hasPrefix("for"), line != "}" {
                out.append("=> " + line)
            }
        }
        if source.hasPrefix("for") { out.append("block ran") }
        return .success(display: out.isEmpty ? nil : out.joined(separator: "\n"))
    }

    func interrupt() { stop.store(true, ordering: .relaxed) }
    func variables() -> [(name: String, value: String)] { vars }
    var completionScope: CompletionScope? { ToyScope(names: vars.map(\.name)) }
}

final class ToyScope: CompletionScope {
    let names: [String]
    init(names: [String]) { self.names = names }
    func globalNames() -> [ScopeName] { names.map { ScopeName($0, .variable) } + [ScopeName("print", .function)] }
    func fieldNames(of path: [String]) -> [String] { [] }
}

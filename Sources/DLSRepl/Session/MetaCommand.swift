import DLSLanguage
import Glibc

/// REPL meta commands: `:help [topic]`, `:vars`, `:backend`, `:reset`, `:load FILE`, `:save FILE`,
/// `:json on|off`, `:quit`. Each has a one-line summary for `:help`.
enum MetaCommand: String, CaseIterable {
    case help, vars, backend, reset, load, save, json, quit

    var usage: String {
        switch self {
        case .help: return ":help [TOPIC]      this text, or help on a topic"
        case .vars: return ":vars              global variables and their values"
        case .backend: return ":backend           the backend this session runs on"
        case .reset: return ":reset             start over with a fresh emulator"
        case .load: return ":load FILE         run a .dls script in this session"
        case .save: return ":save FILE         write this session's accepted input as a .dls script"
        case .json: return ":json on|off       print command results as devlink JSON or text"
        case .quit: return ":quit              leave (also Ctrl-D on an empty line)"
        }
    }

    /// Shorter spellings people type.
    static let aliases: [String: MetaCommand] = ["h": .help, "?": .help, "q": .quit, "exit": .quit]

    static func named(_ word: String) -> MetaCommand? {
        MetaCommand(rawValue: word) ?? aliases[word]
    }

    /// For the completion engine: command → words its argument takes.
    static func completionTable(helpTopics: [String]) -> [String: [String]] {
        var table: [String: [String]] = [:]
        for c in allCases {
            switch c {
            case .help: table[":help"] = helpTopics
            case .json: table[":json"] = ["on", "off"]
            case .load, .save: table[":\(c.rawValue)"] = [MetaArgument.path]
            default: table[":\(c.rawValue)"] = []
            }
        }
        return table
    }
}

extension Repl {
    /// Runs a `:command` line; returns true for `:quit`.
    func runMeta(_ line: String) -> Bool {
        var words = line.trimmedOfWhitespace.dropFirst()
            .split(whereSeparator: { $0 == " " || $0 == "\t" }).map(String.init)
        guard let name = words.first, let command = MetaCommand.named(name) else {
            output.error("error: unknown command ':\(words.first ?? "")' (try :help)")
            return false
        }
        words.removeFirst()
        let argument = words.joined(separator: " ")
        switch command {
        case .quit:
            return true
        case .help:
            output.line(ReplHelp.text(topic: argument.isEmpty ? nil : argument, hooks: hooks))
        case .vars:
            let vars = language.variables()
            output.line(vars.isEmpty ? "(no variables)" : vars.map { "\($0.name) = \($0.value)" }.joined(separator: "\n"))
        case .backend:
            output.line(hooks?.backendDescription() ?? "backend: none")
        case .reset:
            hook { output.line(try requireHooks().reset()) }
        case .json:
            switch argument {
            case "on", "off": hook { try requireHooks().setJSONOutput(argument == "on") }
            default: output.error("usage: :json on|off")
            }
        case .load:
            load(path: argument)
        case .save:
            save(path: argument)
        }
        return false
    }

    private func requireHooks() throws -> ReplHooks {
        guard let hooks else { throw ReplHookError("not available in this session") }
        return hooks
    }

    private func hook(_ body: () throws -> Void) {
        do { try body() } catch { output.error("error: \(error)") }
    }

    private func load(path: String) {
        guard !path.isEmpty else { return output.error("usage: :load FILE") }
        let expanded = Paths.expandingTilde(path)
        // Read as scripts read files: UTF-8 text only, bounded in size.
        do throws(TextFile.Failure) {
            execute(try TextFile.read(expanded), name: expanded, echo: false)
        } catch {
            output.error("error: cannot read \(path): \(error.reason)")
        }
    }

    private func save(path: String) {
        guard !path.isEmpty else { return output.error("usage: :save FILE") }
        let expanded = Paths.expandingTilde(path)
        do throws(TextFile.Failure) {
            try TextFile.write(transcript, to: expanded)
            output.line("saved \(accepted.count) input\(accepted.count == 1 ? "" : "s") to \(path)")
        } catch {
            output.error("error: cannot write \(path): \(error.reason)")
        }
    }
}

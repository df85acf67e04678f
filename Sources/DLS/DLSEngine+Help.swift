import DevlinkCommands

/// `help` as a statement, in scripts and at the REPL (issue 17: `help` and `help port` were
/// "undefined variable"). One source for every answer: the command table's usage texts (what
/// `port help` prints) and the builtins' help texts (what `:help NAME` shows), so help, `:help`
/// and completion never disagree.
///
/// - `help`: what there is and how to ask;
/// - `help builtins`: every builtin with its signature, one line each;
/// - `help NAME`: one builtin (`help wait`);
/// - `help OBJECT [COMMAND...]`: devlink's usage for it (`help port function rate`, `help devlink`).
extension DLSEngine {
    /// The help text for `words` (after `help`); nil when nothing has that name.
    public func helpText(_ words: [String]) -> String? {
        guard let first = words.first else { return overview }
        if words == ["builtins"] { return functionHelpIndex }
        if words.count == 1, let text = functionHelp(first) { return text }
        let path = first == "devlink" ? Array(words.dropFirst()) : words
        if path.isEmpty { return CommandTable.topUsage(objects: commandObjects).joined(separator: "\n") }
        return commandHelp(path.joined(separator: " "))
    }

    /// The words that start a devlink command line in every engine (`dev`, `port`, ..., `devlink`):
    /// `dls port show` runs that line when no file `port` exists.
    public static var standardCommandWords: Set<String> { CommandTable.standard.commandWords }

    var overview: String {
        let builtins = globalNames.sorted().filter { functionHelp($0) != nil }
        return """
            dls runs devlink's commands as typed, with a small language around them.
              help COMMAND...   devlink's usage for a command: help port function rate, help devlink
              help NAME         a builtin's signature and what it does: help wait
              help builtins     every builtin, one line each
            Commands: \(commandObjects.joined(separator: " ")) (devlink in front of any is fine)
            Builtins: \(builtins.joined(separator: " "))
            At the REPL, :help shows the keys and meta commands; exit() or Ctrl-D leaves.
            """
    }

    /// Makes `help` a command word. Defined by every engine; a host may replace it with its own.
    func defineHelp() {
        defineCommand("help") { [unowned self] line in
            let words = Array(line.words.dropFirst())
            guard let text = helpText(words) else {
                throw DLSError("no help on '\(words.joined(separator: " "))' (try help, help builtins, help port or help wait)",
                               errno: "ENOENT")
            }
            if line.display {
                output.write(text + "\n")
                return .null
            }
            return .string(text)
        }
    }
}

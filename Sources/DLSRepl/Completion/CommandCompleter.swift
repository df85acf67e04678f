import DevlinkModel

/// Completes inside a command statement by walking the typed words through the vocabulary:
/// keyword path first (abbreviations resolve as in devlink), then the verb's positionals and options.
struct CommandCompleter {
    let vocabulary: CompletionVocabulary

    /// `words` are the finished words of the command (command word first, maybe after `devlink`).
    func candidates(words: [String], fragment: String) -> [Candidate] {
        var rest = words[...]
        while let w = rest.first, vocabulary.commandPrefixes.contains(w) { rest = rest.dropFirst() }
        var path: [String] = []
        while let w = rest.first, let keyword = Self.resolve(w, among: vocabulary.subcommands(after: path)) {
            path.append(keyword)
            rest = rest.dropFirst()
        }
        if rest.isEmpty {
            let next = vocabulary.subcommands(after: path)
            if !next.isEmpty || path.isEmpty { return next.map { Candidate($0) } }
        }
        guard let syntax = vocabulary.syntax(of: path) else { return [] }
        return arguments(syntax, typed: Array(rest), words: words, fragment: fragment)
    }

    private func arguments(_ syntax: CommandSyntax, typed: [String], words: [String],
                           fragment: String) -> [Candidate] {
        var positional = 0
        var used = Set<String>()
        var available: [CommandSyntax.Option] {
            syntax.options.filter { $0.isRepeatable || !used.contains($0.name) }
        }
        var k = 0
        while k < typed.count {
            let word = typed[k]
            let needsPositional = positional < syntax.positionals.count
                && !syntax.positionals[positional].isOptional
            if !needsPositional, let option = Self.resolveOption(word, among: available) {
                used.insert(option.name)
                positional = syntax.positionals.count  // options come after the positionals
                k += 1
                if option.value != .flag {
                    if k == typed.count { return values(option.value, words: words, fragment: fragment) }
                    k += 1
                }
            } else {
                if positional < syntax.positionals.count { positional += 1 }
                k += 1
            }
        }
        let optionNames = available.map { Candidate($0.name) }
        guard positional < syntax.positionals.count else { return optionNames }
        let next = syntax.positionals[positional]
        let values = values(next.value, words: words, fragment: fragment)
        return next.isOptional ? values + optionNames : values
    }

    private func values(_ kind: ValueKind, words: [String], fragment: String) -> [Candidate] {
        if let handleKind = kind.offeredHandles {
            return vocabulary.handles(handleKind, command: words).map { Candidate($0) }
        }
        if !kind.units.isEmpty {
            // `10g` → `10gbit`, `10gbps`: keep the number, offer the units that fit.
            let number = fragment.prefix { $0.isNumber || $0 == "." }
            guard !number.isEmpty else { return [] }
            return kind.units.map { Candidate(number + $0) }
        }
        return kind.choices.map { Candidate($0) }
    }

    /// Exact match, else the unique keyword the word abbreviates (devlink's `port sh` rule).
    static func resolve(_ word: String, among keywords: [String]) -> String? {
        if keywords.contains(word) { return word }
        let matches = keywords.filter { $0.hasPrefix(word) }
        return matches.count == 1 ? matches[0] : nil
    }

    static func resolveOption(_ word: String, among options: [CommandSyntax.Option]) -> CommandSyntax.Option? {
        guard let name = resolve(word, among: options.map(\.name)) else { return nil }
        return options.first { $0.name == name }
    }
}

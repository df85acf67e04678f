/// devlink's global options written on a command line: `devlink -j port show ...`, `devlink -jp port
/// function rate show`, `dev show -j`. iproute2 reads them with getopt_long, which (GNU permutation)
/// takes them anywhere on the line; dls takes them right after `devlink` and at the end of the line,
/// where they cannot be mistaken for a value. They apply to that one line.
///
/// `-j[son]`, `-p[retty]`, `-i[ec]`, `-n[o-nice-names]` change the output as the `dls` options of the
/// same names do; `-s[tatistics]` and `-v[erbose]` are accepted and change nothing (dls models no
/// counters, and its output has nothing verbose-only).
struct InlineOptions: Equatable {
    var json = false
    var pretty = false
    var iec = false
    var noNiceNames = false

    /// The line without its options, where each kept word was (to point errors at the right word),
    /// and the options; nil when the line has none.
    static func strip(_ words: [CommandWordInput]) -> (words: [CommandWordInput], positions: [Int], options: InlineOptions)? {
        var options = InlineOptions()
        var start = 0, end = words.count
        if words.first?.text == "devlink" {
            start = 1
            while start < end, options.take(words[start].text) { start += 1 }
        }
        // At the end, but never the object word itself (`devlink -j` alone is a usage error).
        while end > start + 1, options.take(words[end - 1].text) { end -= 1 }
        guard start > (words.first?.text == "devlink" ? 1 : 0) || end < words.count else { return nil }
        let positions = (words.first?.text == "devlink" ? [0] : []) + Array(start..<end)
        return (positions.map { words[$0] }, positions, options)
    }

    /// Applies the options to a copy of the runner's.
    func applied(to base: OutputOptions) -> OutputOptions {
        var o = base
        if json { o.json = true }
        if pretty { o.pretty = true }
        if iec { o.iec = true }
        if noNiceNames { o.noNiceNames = true }
        return o
    }

    /// Reads one word as options (`-jp`, `--json`); false, changing nothing, when it is not one.
    private mutating func take(_ word: String) -> Bool {
        let long: [String: WritableKeyPath<InlineOptions, Bool>?] = [
            "--json": \.json, "--pretty": \.pretty, "--iec": \.iec, "--no-nice-names": \.noNiceNames,
            "--statistics": nil, "--verbose": nil,
        ]
        if word.hasPrefix("--") {
            guard let flag = long[word] else { return false }
            if let flag { self[keyPath: flag] = true }
            return true
        }
        guard word.count >= 2, word.hasPrefix("-") else { return false }
        var copy = self
        for letter in word.dropFirst() {
            switch letter {
            case "j": copy.json = true
            case "p": copy.pretty = true
            case "i": copy.iec = true
            case "n": copy.noNiceNames = true
            case "s", "v": break
            default: return false
            }
        }
        self = copy
        return true
    }
}

import DevlinkModel

/// The whole devlink-compatible command vocabulary as data: a tree of objects (`dev`, `port`), verbs
/// and options. It drives parsing, help text and completion. Objects live in one file each under
/// `Objects/`; a new object (LAG's `lag`, `link`) is added with `adding(_:)` or by listing it in
/// `standardObjects`.
public struct CommandTable: Sendable {
    public private(set) var root: CommandNode

    public init(objects: [CommandNode]) {
        root = CommandNode("devlink", usage: CommandTable.topUsage(objects: objects.map(\.word)), children: objects)
    }

    /// devlink's objects in its matching order, then dls's own.
    public static var standardObjects: [CommandNode] { [DevCommands.node, PortCommands.node, MonitorCommands.node, ResourceCommands.node, HealthCommands.node, LagCommands.node, LinkCommands.node, QosCommands.node, RouteCommands.node] }

    public static let standard = CommandTable(objects: standardObjects)

    /// The table with one more object appended (matched after the existing ones).
    public func adding(_ object: CommandNode) -> CommandTable {
        CommandTable(objects: root.children + [object])
    }

    /// Words that start a command statement in dls: every object, and `devlink` itself.
    public var commandWords: Set<String> { Set(root.children.map(\.word) + ["devlink"]) }

    /// devlink's top-level usage (devlink.c `help()`), listing the objects dls has rather than
    /// devlink's (`sb`, `trap`, `region`, ... are not modelled), and the options a command line
    /// takes after `devlink` (InlineOptions). Batch files and -V are `dls` options (dls --help).
    public static func topUsage(objects: [String]) -> [String] {
        // Built by hand: this runs at every start, and `joined` is reached unspecialized here,
        // resolving its generic types at run time.
        var list = ""
        for object in objects { list += list.isEmpty ? object : " | " + object }
        return [
            "Usage: devlink [ OPTIONS ] OBJECT { COMMAND | help }",
            "where  OBJECT := { \(list) }",
            "       OPTIONS := { -j[son] | -p[retty] | -i[ec] | -n[o-nice-names] | -s[tatistics] | -v[erbose] }",
        ]
    }

    // MARK: resolving a command line

    /// Where a command line leads.
    public enum Resolution: Sendable {
        /// Run `spec`; its own words start at `argumentsStart`.
        case run(CommandSpec, argumentsStart: Int)
        /// Print these usage lines and succeed (devlink's `help`).
        case usage([String])
    }

    /// Walks the tree the way devlink's `cmd_*` functions do: at each level `help` is tested first,
    /// then the children in order by prefix; no word means the level's default or its usage.
    public func resolve(_ words: [String]) throws(ClientError) -> Resolution { try walk(words).resolution }

    /// `resolve`, also saying whether the way was decided by the words alone: a level's default child
    /// is taken only when the words run out, so such a way is not the way of longer lines.
    func walk(_ words: [String]) throws(ClientError) -> (resolution: Resolution, byWordsAlone: Bool) {
        var byWordsAlone = true
        var node = root
        var i = words.first == "devlink" ? 1 : 0
        var usage = root.usage
        while true {
            if !node.usage.isEmpty { usage = node.usage }
            if let spec = node.command {
                let rest = words.count - i
                if rest == 0 && spec.helpWhenEmpty { return (.usage(usage), byWordsAlone) }
                if rest >= 1 && spec.acceptsHelpWord && Keyword.matches(words[i], "help") { return (.usage(usage), byWordsAlone) }
                return (.run(spec, argumentsStart: i), byWordsAlone)
            }
            guard i < words.count else {
                guard let name = node.defaultChild, let child = node.child(named: name) else { return (.usage(usage), byWordsAlone) }
                node = child
                byWordsAlone = false
                continue
            }
            let word = words[i]
            if Keyword.matches(word, "help") { return (.usage(usage), byWordsAlone) }
            guard let child = node.child(matching: word) else {
                let kind = i == (words.first == "devlink" ? 1 : 0) ? "Object" : "Command"
                throw ClientError("\(kind) \"\(word)\" not found", errno: .ENOENT, word: i,
                                  hint: "expected one of: " + node.children.map(\.word).joined(separator: ", "))
            }
            node = child
            i += 1
        }
    }

    /// A command line's way to its command, to be reused for lines that start with the same words.
    /// When the words alone led there, the same words lead there again; the checks at the command
    /// itself (a `help` word, nothing after it) are made again for every line.
    struct Resolved {
        let path: ArraySlice<String>
        let spec: CommandSpec

        /// Nil unless `walk` ran a command by the words alone.
        init?(_ walk: (resolution: Resolution, byWordsAlone: Bool), words: [String]) {
            guard walk.byWordsAlone, case .run(let spec, let start) = walk.resolution else { return nil }
            path = words[..<start]
            self.spec = spec
        }

        /// Where the command's own words start when `words` lead here to `.run(spec, ...)`; nil
        /// means "resolve afresh".
        func argumentsStart(for words: [CommandWordInput]) -> Int? {
            guard words.count >= path.count else { return nil }
            for (word, typed) in zip(words, path) where word.text != typed { return nil }
            let rest = words.count - path.count
            if rest == 0 && spec.helpWhenEmpty { return nil }
            if rest >= 1 && spec.acceptsHelpWord && Keyword.matches(words[path.count].text, "help") { return nil }
            return path.count
        }
    }

    // MARK: completion data

    /// What may come next after `words` (complete words only): keywords at a branching level, the
    /// unused options of a command, or the values of the option just typed. Handles are the caller's
    /// business (they are live data); `expectsHandle` says when one is due.
    public func completions(after words: [String]) -> Completions {
        var node = root
        var i = words.first == "devlink" ? 1 : 0
        while i < words.count, node.command == nil {
            guard let child = node.child(matching: words[i]) else { return Completions() }
            node = child
            i += 1
        }
        guard let spec = node.command else {
            return Completions(words: node.children.flatMap { [$0.word] + $0.aliases } + ["help"])
        }
        if spec.rawWords { return spec.path.last == "show" ? Completions() : RouteSyntax.completions(after: Array(words[i...])) }
        var rest = Array(words[i...])
        if spec.handle != nil {
            if rest.isEmpty { return Completions(words: [], expectsHandle: spec.handle) }
            rest.removeFirst()
        }
        var used = Set<String>()
        var j = 0
        while j < rest.count {
            guard let option = spec.options.first(where: { $0.matches(rest[j]) }) else { return Completions() }
            used.insert(option.key)
            switch option.kind {
            case .flag: j += 1
            case .trafficClasses: j += 9
            case .demand: j += rest.count > j + 2 && rest[j + 2] == "tc" ? 5 : 3
            default:
                if j + 1 == rest.count { return Completions(words: option.kind.choices, expectsValueOf: option.name) }
                j += 2
            }
        }
        return Completions(words: spec.options.filter { !used.contains($0.key) }.map(\.name))
    }

    /// The values an option takes (`mode` → legacy, switchdev, ...), wherever it appears.
    public func values(forOption name: String) -> [String] {
        var found: [String] = []
        func visit(_ node: CommandNode) {
            if let spec = node.command, let option = spec.options.first(where: { $0.name == name }) {
                for word in option.kind.choices where !found.contains(word) { found.append(word) }
            }
            node.children.forEach(visit)
        }
        visit(root)
        return found
    }
}

/// The answer to "what can come next".
public struct Completions: Sendable, Equatable {
    public var words: [String] = []
    /// Set when the next word is a handle of this kind (the completer offers live handles).
    public var expectsHandle: HandleKind?
    /// Set when the next word is the value of this option.
    public var expectsValueOf: String?

    public init(words: [String] = [], expectsHandle: HandleKind? = nil, expectsValueOf: String? = nil) {
        (self.words, self.expectsHandle, self.expectsValueOf) = (words, expectsHandle, expectsValueOf)
    }
}

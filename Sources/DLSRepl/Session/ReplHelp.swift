/// Texts for `:help`.
enum ReplHelp {
    static let topics = ["keys", "meta", "language", "commands"]

    static func text(topic: String?, hooks: ReplHooks?) -> String {
        switch topic {
        case nil:
            return """
            Type dls statements or devlink commands (`port show`, `dev eswitch set ...`).
            A statement left open (`for ... {`) continues on the next line; an expression's value is printed.

            \(meta)

            More: :help keys | language | commands\((hooks?.helpTopics ?? []).map { " | " + $0 }.joined())
            """
        case "meta":
            return meta
        case "keys":
            return """
            Tab        complete the word (commands, options, values, handles, variables, fields)
            Up/Down    history (kept in $XDG_STATE_HOME/dls/history); Ctrl-R searches it
            Ctrl-A/E   start/end of line; Ctrl-U/K delete before/after the cursor; ~/.editrc applies
            Ctrl-C     cancel the line or open block; stop a running command, loop or sleep
            Ctrl-D     on an empty line: quit
            """
        case "language":
            return """
            let x = 1            variables; `x = 2` assigns
            if c { } else { }    while c { }    for x in list { }    for i in 0..<4 { }
            fn f(a) { return a } closures: fn(p) { p.index }
            port show            a command: the same words devlink takes; $x, $x.field, $(expr) interpolate
            let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88    commands return objects
            try { } catch e { }  assert cond, "msg"    expect_error EEXIST { }
            import "lib/common.dls" as common    then common.f(x): a file's names, loaded once per run
            env("NAME", "default")  read_file(p)  write_file(p, text)  json_parse(text)  exit(3)
            """
        case "commands":
            return hooks?.help(topic: "commands")
                ?? "Commands follow devlink: dev, port, port function, port function rate, lag. Tab lists what fits."
        case let topic?:
            if let text = hooks?.help(topic: topic) { return text }
            return "No help on '\(topic)'. Topics: \((topics + (hooks?.helpTopics ?? [])).joined(separator: ", "))"
        }
    }

    static var meta: String {
        "Meta commands:\n" + MetaCommand.allCases.map { "  " + $0.usage }.joined(separator: "\n")
    }
}

/// `monitor`: devlink notifications (dev, port, rate, param new/del) as they arrive.
enum MonitorCommands {
    static let usage = [
        "Usage: devlink monitor [ all | OBJECT-LIST ] [ count N ] [ timeout SECONDS ]",
        "where  OBJECT-LIST := { dev | port | rate | param }",
    ]

    /// The objects `monitor` can filter on, in devlink's order; `all` (or none named) means every one.
    static let objects = ["dev", "port", "rate", "param"]

    static var node: CommandNode {
        CommandNode("monitor", usage: usage, command: CommandSpec(
            path: ["monitor"], handle: nil,
            options: [OptionSpec("all", .flag)] + objects.map { OptionSpec($0, .flag) } + [
                OptionSpec("count", .u32),
                OptionSpec("timeout", .text),
            ],
            acceptsHelpWord: true, action: MonitorActions.monitor))
    }
}

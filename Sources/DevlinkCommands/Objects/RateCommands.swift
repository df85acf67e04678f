/// `port function rate`: leaves (one per VF/SF port, made by the driver) and user nodes.
enum RateCommands {
    static let usage = [
        "Usage: devlink port function rate help",
        "       devlink port function rate show [ DEV/{ PORT_INDEX | NODE_NAME } ]",
        "       devlink port function rate add DEV/NODE_NAME",
        "               [ tx_share VAL ][ tx_max VAL ][ tx_priority N ][ tx_weight N ][ tc-bw INDEX:N ... INDEX:N ][ { parent NODE_NAME | noparent } ]",
        "       devlink port function rate del DEV/NODE_NAME",
        "       devlink port function rate set DEV/{ PORT_INDEX | NODE_NAME }",
        "               [ tx_share VAL ][ tx_max VAL ][ tx_priority N ][ tx_weight N ][ tc-bw INDEX:N ... INDEX:N ][ { parent NODE_NAME | noparent } ]",
        "",
        "       VAL - float or integer value in units of bits or bytes per second (bit|bps)",
        "       N - integer representing priority/weight of the node among siblings",
        "       INDEX - integer representing traffic class index in the tc-bw option, ranging from 0 to 7",
        "       and SI (k-, m-, g-, t-) or IEC (ki-, mi-, gi-, ti-) case-insensitive prefix.",
        "       Bare number, means bits per second, is possible.",
        "",
        "       For details refer to devlink-rate(8) man page.",
    ]

    /// Shared by `add` and `set`, in devlink's matching order.
    static let rateOptions = [
        OptionSpec("tx_share", .rate),
        OptionSpec("tx_max", .rate),
        OptionSpec("tx_priority", .u32),
        OptionSpec("tx_weight", .u32),
        OptionSpec("parent", .handle(.nodeName), key: "parent"),
        OptionSpec("noparent", .flag, key: "parent"),
        OptionSpec("tc-bw", .trafficClasses),
    ]

    static var node: CommandNode {
        CommandNode("rate", usage: usage, children: [
            CommandNode("show", command: CommandSpec(
                path: ["port", "function", "rate", "show"], handle: .rate, handleOptional: true,
                action: RateActions.show)),
            CommandNode("add", command: CommandSpec(
                path: ["port", "function", "rate", "add"], handle: .rateNode, options: rateOptions,
                action: RateActions.add)),
            CommandNode("del", command: CommandSpec(
                path: ["port", "function", "rate", "del"], handle: .rateNode, action: RateActions.delete)),
            CommandNode("set", command: CommandSpec(
                path: ["port", "function", "rate", "set"], handle: .rate, options: rateOptions,
                action: RateActions.set)),
        ])
    }
}

/// `port`: show, set type, split/unsplit, add/del (subfunctions), `port function set` and the rate
/// subtree (`port function rate ...`, in RateCommands).
enum PortCommands {
    static let usage = [
        "Usage: devlink port show [ DEV/PORT_INDEX ]",
        "       devlink port set DEV/PORT_INDEX [ type { eth | ib | auto} ]",
        "       devlink port split DEV/PORT_INDEX count COUNT",
        "       devlink port unsplit DEV/PORT_INDEX",
        "       devlink port function set DEV/PORT_INDEX [ hw_addr ADDR ] [ state { active | inactive } ]",
        "                      [ roce { enable | disable } ] [ migratable { enable | disable } ]",
        "                      [ ipsec_crypto { enable | disable } ] [ ipsec_packet { enable | disable } ]",
        "                      [ max_io_eqs EQS ]",
        "       devlink port function rate { help | show | add | del | set }",
        "       devlink port add DEV/PORT_INDEX flavour FLAVOUR pfnum PFNUM",
        "                      [ sfnum SFNUM ][ controller CNUM ]",
        "       devlink port del DEV/PORT_INDEX",
    ]

    static let functionUsage = [
        "Usage: devlink port function help",
        "       devlink port function set DEV/PORT_INDEX [ hw_addr ADDR ] [ state { active | inactive } ]",
        "                      [ roce { enable | disable } ] [ migratable { enable | disable } ]",
        "                      [ ipsec_crypto { enable | disable } ] [ ipsec_packet { enable | disable } ]",
        "                      [ max_io_eqs EQS ]",
        "       devlink port function rate { help | show | add | del | set }",
    ]

    static let flavours = ["physical", "cpu", "dsa", "pcipf", "pcivf", "pcisf", "virtual"]

    static var node: CommandNode {
        CommandNode("port", usage: usage, show: CommandSpec(
                path: ["port", "show"], handle: .portOrDevice, handleOptional: true, action: PortActions.show), [
            CommandNode("set", command: CommandSpec(
                path: ["port", "set"], handle: .port,
                options: [OptionSpec("type", .choice(["eth", "ib", "auto"]), required: "Port type not set.",
                                     unknownValue: "Unknown port type")],
                action: PortActions.setType)),
            CommandNode("split", command: CommandSpec(
                path: ["port", "split"], handle: .port,
                options: [OptionSpec("count", .u32, required: "Port split count option expected.")],
                action: PortActions.split)),
            CommandNode("unsplit", command: CommandSpec(
                path: ["port", "unsplit"], handle: .port, action: PortActions.unsplit)),
            CommandNode("function", usage: functionUsage, children: [
                CommandNode("set", command: CommandSpec(
                    path: ["port", "function", "set"], handle: .port, options: [
                        OptionSpec("hw_addr", .mac),
                        OptionSpec("state", .choice(["inactive", "active"]), unknownValue: "Unknown port function state"),
                        OptionSpec("roce", .bool),
                        OptionSpec("migratable", .bool),
                        OptionSpec("ipsec_crypto", .bool),
                        OptionSpec("ipsec_packet", .bool),
                        OptionSpec("max_io_eqs", .u32),
                    ], helpWhenEmpty: true, action: PortActions.functionSet)),
                RateCommands.node,
            ]),
            CommandNode("add", command: CommandSpec(
                path: ["port", "add"], handle: .deviceOrPort, options: [
                    OptionSpec("flavour", .choice(flavours), required: "Port flavour is expected.",
                               unknownValue: "Unknown port flavour"),
                    OptionSpec("pfnum", .u16, required: "Port PCI PF number is expected."),
                    OptionSpec("sfnum", .u32),
                    OptionSpec("controller", .u32),
                ], action: PortActions.add)),
            CommandNode("del", command: CommandSpec(
                path: ["port", "del"], handle: .port, action: PortActions.delete)),
        ])
    }
}

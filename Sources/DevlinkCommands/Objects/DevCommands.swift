/// `dev`: devices, eswitch, info, params, and dls's `dev sriov set` (the sysfs `sriov_numvfs` knob).
enum DevCommands {
    static let usage = [
        "Usage: devlink dev show [ DEV ]",
        "       devlink dev eswitch set DEV [ mode { legacy | switchdev | switchdev_inactive } ]",
        "                               [ inline-mode { none | link | network | transport } ]",
        "                               [ encap-mode { none | basic } ]",
        "       devlink dev eswitch show DEV",
        "       devlink dev param set DEV name PARAMETER value VALUE cmode { permanent | driverinit | runtime }",
        "       devlink dev param show [DEV name PARAMETER]",
    ] + ReloadCommands.usage + [
        "       devlink dev info [ DEV ]",
        "       devlink dev sriov set DEV numvfs NUMVFS",
    ]

    static let eswitchOptions = [
        OptionSpec("mode", .choice(["legacy", "switchdev", "switchdev_inactive"]), unknownValue: "Unknown eswitch mode"),
        OptionSpec("inline-mode", .choice(["none", "link", "network", "transport"]), unknownValue: "Unknown eswitch inline mode"),
        OptionSpec("encap-mode", .choice(["none", "basic", "disable", "enable"]), aliases: ["encap"],
                   unknownValue: "Unknown eswitch encap mode"),
    ]

    static var node: CommandNode {
        CommandNode("dev", usage: usage, show: CommandSpec(
                path: ["dev", "show"], handle: .device, handleOptional: true, action: DevActions.show), [
            CommandNode("eswitch", children: [
                CommandNode("set", command: CommandSpec(
                    path: ["dev", "eswitch", "set"], handle: .device, options: eswitchOptions,
                    action: DevActions.eswitchSet)),
                CommandNode("show", command: CommandSpec(
                    path: ["dev", "eswitch", "show"], handle: .device, action: DevActions.eswitchShow)),
            ]),
            ReloadCommands.node,
            CommandNode("param", show: CommandSpec(
                    path: ["dev", "param", "show"], handle: .device, handleOptional: true,
                    options: [OptionSpec("name", .text, required: "Parameter name expected.")],
                    action: DevActions.paramShow), [
                CommandNode("set", command: CommandSpec(
                    path: ["dev", "param", "set"], handle: .device,
                    options: [
                        OptionSpec("name", .text, required: "Parameter name expected."),
                        OptionSpec("value", .text, required: "Value to set expected."),
                        OptionSpec("cmode", .choice(["runtime", "driverinit", "permanent"]),
                                   required: "Configuration mode expected.", unknownValue: "Unknown configuration mode"),
                    ],
                    action: DevActions.paramSet)),
            ]),
            CommandNode("info", command: CommandSpec(
                path: ["dev", "info"], handle: .device, handleOptional: true, acceptsHelpWord: true,
                action: DevActions.info)),
            CommandNode("sriov", children: [
                CommandNode("set", command: CommandSpec(
                    path: ["dev", "sriov", "set"], handle: .device,
                    options: [OptionSpec("numvfs", .u32, required: "Number of VFs expected.")],
                    action: DevActions.sriovSet)),
            ]),
        ])
    }
}

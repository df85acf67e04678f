import DevlinkModel

/// `lag`: bonds (ip link's bond options) and the hardware LAG they form.
enum LagCommands {
    static let usage = [
        "Usage: dls lag help",
        "       lag show [ BOND ]",
        "       lag add BOND [ mode MODE ] [ miimon MS ] [ updelay MS ] [ downdelay MS ]",
        "               [ arp_interval MS ] [ arp_ip_target ADDR[,ADDR...] ] [ ns_ip6_target ADDR6[,ADDR6...] ]",
        "               [ primary IFNAME ] [ primary_reselect { always | better | failure } ]",
        "               [ xmit_hash_policy POLICY ] [ lacp_rate { slow | fast } ] [ min_links N ]",
        "       lag set BOND [ the same options ]",
        "       lag del BOND",
        "       lag slave set IFNAME prio N",
        "       lag slave add BOND IFNAME",
        "       lag slave del IFNAME",
        "       lag fw log DEV",
        "",
        "       MODE := { " + BondMode.alternatives() + " }",
        "       POLICY := { " + BondXmitHashPolicy.alternatives() + " }",
    ]

    /// In IFLA_BOND_* order (the order the kernel applies them).
    static let bondOptions = [
        OptionSpec("mode", .choice(BondMode.names), unknownValue: "Invalid mode"),
        OptionSpec("miimon", .u32),
        OptionSpec("updelay", .u32),
        OptionSpec("downdelay", .u32),
        OptionSpec("arp_interval", .u32),
        OptionSpec("arp_ip_target", .text),
        OptionSpec("ns_ip6_target", .text),
        OptionSpec("primary", .text),
        OptionSpec("primary_reselect", .choice(BondPrimaryReselect.names), unknownValue: "Invalid primary_reselect"),
        OptionSpec("xmit_hash_policy", .choice(BondXmitHashPolicy.names), unknownValue: "Invalid xmit_hash_policy"),
        OptionSpec("min_links", .u32),
        OptionSpec("lacp_rate", .choice(BondLacpRate.names), unknownValue: "Invalid lacp_rate"),
    ]

    static var node: CommandNode {
        CommandNode("lag", usage: usage, show: CommandSpec(
                path: ["lag", "show"], handle: .netdev, handleOptional: true, action: LagActions.show), [
            CommandNode("add", command: CommandSpec(
                path: ["lag", "add"], handle: .netdev, options: bondOptions, action: LagActions.add)),
            CommandNode("set", command: CommandSpec(
                path: ["lag", "set"], handle: .netdev, options: bondOptions, action: LagActions.set)),
            CommandNode("del", aliases: ["delete"], command: CommandSpec(
                path: ["lag", "del"], handle: .netdev, action: LagActions.delete)),
            CommandNode("slave", usage: usage, children: [
                CommandNode("add", command: CommandSpec(
                    path: ["lag", "slave", "add"], handle: .netdev, positionals: ["slave"], action: LagActions.enslave)),
                CommandNode("del", aliases: ["delete"], command: CommandSpec(
                    path: ["lag", "slave", "del"], handle: .netdev, action: LagActions.release)),
                CommandNode("set", command: CommandSpec(
                    path: ["lag", "slave", "set"], handle: .netdev, options: [OptionSpec("prio", .text)],
                    action: LagActions.setSlave)),
            ]),
            CommandNode("fw", usage: usage, children: [
                CommandNode("log", command: CommandSpec(
                    path: ["lag", "fw", "log"], handle: .device, action: LagActions.firmwareLog)),
            ]),
        ])
    }
}

/// `link`: interfaces up and down (`ip link set NAME up|down`).
enum LinkCommands {
    static let usage = [
        "Usage: dls link help",
        "       link show [ IFNAME ]",
        "       link set IFNAME { up | down }",
    ]

    static var node: CommandNode {
        CommandNode("link", usage: usage, show: CommandSpec(
                path: ["link", "show"], handle: .netdev, handleOptional: true, action: LagActions.linkShow), [
            CommandNode("set", command: CommandSpec(
                path: ["link", "set"], handle: .netdev,
                options: [OptionSpec("up", .flag, key: "state"), OptionSpec("down", .flag, key: "state")],
                action: LagActions.linkSet)),
        ])
    }
}

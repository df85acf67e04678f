/// `qos`: dls's own rate analysis words. devlink has no such object (its objects are dev, port, lc,
/// sb, monitor, dpipe, resource, region, health, trap, and devlink(8) reserves `rate`), so no
/// devlink command line can mean anything else; rate objects themselves stay under
/// `port function rate` as in devlink.
enum QosCommands {
    static let usage = [
        "Usage: dls qos help",
        "       qos simulate DEV [ demand LEAF [ tc INDEX ] RATE ]... [ link RATE ] [ kernel VERSION ] [ svg FILE ]",
        "       qos lint DEV [ link RATE ]",
        "",
        "       LEAF - port index, DEV/PORT_INDEX or the port's netdev name; a leaf not named offers nothing",
        "       RATE - as in devlink (10gbit, 1.5Gbps); link defaults to the uplink's speed",
        "       VERSION - the kernel whose driver rules apply (default: the running or modelled one), e.g. 6.17",
        "       In scripts: simulate(dev, {LEAF: RATE, ...} [, link: RATE] [, kernel: \"6.17\"] [, detail: true])",
        "       and lint_rates(dev [, link: RATE]). See docs/rates.md for the rules and their sources.",
    ]

    static var node: CommandNode {
        CommandNode("qos", usage: usage, children: [
            CommandNode("simulate", command: CommandSpec(
                path: ["qos", "simulate"], handle: .device,
                options: [OptionSpec("demand", .demand, repeatable: true), OptionSpec("link", .rate),
                          OptionSpec("kernel", .text), OptionSpec("svg", .text, aliases: ["--svg"])],
                helpWhenEmpty: true, action: QosActions.simulate)),
            CommandNode("lint", command: CommandSpec(
                path: ["qos", "lint"], handle: .device, options: [OptionSpec("link", .rate)],
                helpWhenEmpty: true, action: QosActions.lint)),
        ])
    }
}

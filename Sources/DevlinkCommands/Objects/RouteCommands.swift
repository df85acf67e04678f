import DevlinkModel

/// `route`: IPv4 routes with `ip route`'s syntax and output (main table, unicast), enough for ECMP
/// routes over the uplinks that mlx5 multipath LAG follows.
enum RouteCommands {
    static let usage = [
        "Usage: dls route help",
        "       route { show | list } [ PREFIX ]",
        "       route { add | replace } PREFIX [ metric N ] { [ via GW ] dev IFNAME [ onlink ] | NEXTHOPS }",
        "       route del PREFIX [ metric N ] [ [ via GW ] dev IFNAME | NEXTHOPS ]",
        "",
        "       NEXTHOPS := nexthop NH [ nexthop NH ]...",
        "       NH := [ via GW ] dev IFNAME [ weight 1..256 ] [ onlink ]",
    ]

    static var node: CommandNode {
        CommandNode("route", usage: usage, show: CommandSpec(
                path: ["route", "show"], handle: nil, rawWords: true, action: RouteActions.show), [
            CommandNode("add", command: CommandSpec(
                path: ["route", "add"], handle: nil, helpWhenEmpty: true, rawWords: true, action: RouteActions.add)),
            CommandNode("replace", command: CommandSpec(
                path: ["route", "replace"], handle: nil, helpWhenEmpty: true, rawWords: true, action: RouteActions.replace)),
            CommandNode("del", aliases: ["delete"], command: CommandSpec(
                path: ["route", "del"], handle: nil, helpWhenEmpty: true, rawWords: true, action: RouteActions.delete)),
        ])
    }
}

import DevlinkModel

/// What `route` commands do against a `LinkSession`; failures read as `ip route`'s.
enum RouteActions {
    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        let s = try LagActions.links(c)
        var filter: IPv4Prefix?
        if let word = p.rawWords.first {
            let text = word == "to" && p.rawWords.count > 1 ? p.rawWords[1] : word
            guard let prefix = IPv4Prefix(parsing: text) else {
                throw ClientError("Error: any valid prefix is expected rather than \"\(text)\".", word: p.rawWordsStart)
            }
            filter = prefix
        }
        // `ip route show PREFIX` keeps the routes of exactly that prefix (`root` and `match` are not offered).
        let routes = try kernel { try s.routes() }.filter { filter == nil || $0.prefix == filter }
        return .lag(.routes(routes))
    }

    @Sendable static func add(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try modify(c, p, replace: false)
    }

    @Sendable static func replace(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try modify(c, p, replace: true)
    }

    private static func modify(_ c: CommandContext, _ p: ParsedCommand, replace: Bool) throws -> CommandResult {
        let s = try LagActions.links(c)
        let request = try syntax(s, p).parse()
        // iproute2: scope link for a route with neither gateway nor `nexthop` groups, else universe.
        let linkScope = !request.viaNexthopKeyword && request.nexthops.allSatisfy { $0.gateway == nil }
        let route = Route(prefix: request.prefix, metric: request.metric ?? 0, protocolNumber: RouteProtocol.boot,
                          scope: linkScope ? RouteScope.link : RouteScope.universe, nexthops: request.nexthops)
        try kernel { try s.addRoute(route, replace: replace) }
        return .none
    }

    @Sendable static func delete(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        let s = try LagActions.links(c)
        let request = try syntax(s, p).parse()
        try kernel { try s.deleteRoute(RouteSelector(prefix: request.prefix, metric: request.metric, nexthops: request.nexthops)) }
        return .none
    }

    private static func syntax(_ s: LinkSession, _ p: ParsedCommand) throws -> RouteSyntax {
        let names = Set(try kernel { try s.interfaces() }.map(\.name))
        return RouteSyntax(words: p.rawWords, start: p.rawWordsStart, interfaces: names)
    }

    /// A kernel refusal as `ip` prints it (libnetlink `rtnl_talk_error`): the extack with a final '.',
    /// or, without one, `RTNETLINK answers: STRERROR`.
    static func kernel<T>(_ body: () throws -> T) throws -> T {
        do {
            return try body()
        } catch let e as DevlinkError {
            if let message = e.message, !message.isEmpty {
                throw ClientError(FailureReport.extackLine(message, isError: true), errno: e.errno)
            }
            throw ClientError("RTNETLINK answers: " + e.errno.message, errno: e.errno)
        }
    }
}

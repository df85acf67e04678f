import DevlinkModel

/// IPv4 routes on the real kernel (rtnetlink RTM_NEWROUTE / RTM_DELROUTE / RTM_GETROUTE), with
/// interface names resolved to ifindexes by one RTM_GETLINK dump per request, as `ip` resolves them.
extension NetlinkSession {
    static func routeHandlers(_ table: consuming OperationHandlers<NetlinkSession>) -> OperationHandlers<NetlinkSession> {
        table
            .on(ListRoutes.self) { s, _ in try s.routeList() }
            .on(AddRoute.self) { s, op in
                let index = try s.ifindexes()
                // A lone gateway-less path in scope universe can only have come from `nexthop dev X`:
                // send it as RTA_MULTIPATH, as ip does (the kernel stores both forms alike).
                let multipathSyntax = op.route.nexthops.count > 1
                    || (op.route.scope == RouteScope.universe && op.route.nexthops.first?.gateway == nil)
                try s.perform(.newRoute(op.route, multipathSyntax: multipathSyntax, replace: op.replace) { index[$0] ?? 0 })
            }
            .on(DeleteRoute.self) { s, op in
                let index = try s.ifindexes()
                try s.perform(.deleteRoute(op.handle) { index[$0] ?? 0 })
            }
    }

    /// Names to ifindexes; an unknown name is `ip`'s client-side error.
    private func ifindexes() throws -> [String: Int32] {
        Dictionary(try links().map { ($0.name, $0.index) }, uniquingKeysWith: { a, _ in a })
    }

    func routeList() throws -> [Route] {
        let names = Dictionary(try links().map { ($0.index, $0.name) }, uniquingKeysWith: { a, _ in a })
        let replies = try perform(.dumpRoutes()).messages.filter { $0.header.type == RouteMessage.newRoute }
        return try mappingErrors { try replies.map(RouteDecoder.route).filter(\.isMainUnicast).map { $0.model(names: names) } }
    }
}

// IPv4 routes over rtnetlink (`ip route`): the main table's unicast routes, read, added, replaced
// and deleted. Interfaces are named, as users name them; errors are the kernel's errno and extack.

/// `ip route show`: the main table's routes in the kernel's dump order (RTM_GETROUTE dump).
public typealias ListRoutes = Read<RoutesList>
public enum RoutesList: ReadSubject { public typealias Reply = [Route]; public static let command = "RTM_GETROUTE" }

/// `ip route add` (RTM_NEWROUTE with NLM_F_CREATE|NLM_F_EXCL) or, with `replace`, `ip route replace`
/// (NLM_F_CREATE|NLM_F_REPLACE). Only `prefix`, `metric`, `scope` and each nexthop's gateway, device,
/// weight and onlink flag are requested; the rest of `Route` is the kernel's state.
public struct AddRoute: DeviceOperation {
    public typealias Reply = Void
    public static let command = "RTM_NEWROUTE"
    public var route: Route
    public var replace: Bool
    public init(_ route: Route, replace: Bool = false) { (self.route, self.replace) = (route, replace) }
}

/// `ip route del PREFIX [metric N] [paths]` (RTM_DELROUTE): the first route of that prefix matching
/// what is given; ESRCH when none does.
public typealias DeleteRoute = HandleOperation<RouteDelete>
public enum RouteDelete: HandleOperationKind { public typealias Handle = RouteSelector; public static let command = "RTM_DELROUTE" }

extension LinkSession {
    public func routes() throws -> [Route] { try perform(ListRoutes()) }
    public func addRoute(_ route: Route, replace: Bool = false) throws { try perform(AddRoute(route, replace: replace)) }
    public func deleteRoute(_ selector: RouteSelector) throws { try perform(DeleteRoute(selector)) }
}

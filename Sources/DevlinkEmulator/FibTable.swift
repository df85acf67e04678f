import DevlinkModel

/// The IPv4 main table (net/ipv4/fib_trie.c as far as routes over two uplinks need it): the routes in
/// dump order, and the FIB notifier events a change produces for mlx5's multipath code.
struct FibTable: Equatable, Sendable, Codable {
    /// Sorted as the trie dumps them: by address, then longer prefix first (`fib_insert_alias` keeps a
    /// leaf's aliases by ascending suffix length), then by metric (`fib_find_alias`).
    var routes: [Route] = []

    var isEmpty: Bool { routes.isEmpty }

    /// Where a route with this prefix and metric goes (or is).
    func insertionIndex(_ prefix: IPv4Prefix, metric: UInt32) -> Int {
        routes.firstIndex { r in
            (r.prefix.address, 32 - Int(r.prefix.length), r.metric) >= (prefix.address, 32 - Int(prefix.length), metric)
        } ?? routes.count
    }

    /// The indexes of the routes of one prefix (one trie alias list, one suffix length), in order.
    func aliases(of prefix: IPv4Prefix) -> [Int] {
        routes.indices.filter { routes[$0].prefix == prefix }
    }
}

/// A `struct fib_info` as the kernel shares it (`fib_find_info`): routes with the same attributes and
/// paths, whatever their prefix, are one fib_info. mlx5 tracks the multipath route by this identity
/// (`mp->fib.mfi`), so deleting another prefix that shares it stops the tracking too, as on a real box.
struct FibInfoKey: Hashable, Sendable, Codable {
    struct Path: Hashable, Sendable, Codable {
        var gateway: IPv4Address?
        var device: String
        var weight: Int
        var onlink: Bool
    }

    var metric: UInt32
    var protocolNumber: UInt8
    var scope: UInt8
    var paths: [Path]

    init(_ route: Route) {
        metric = route.metric
        protocolNumber = route.protocolNumber
        scope = route.scope
        paths = route.nexthops.map { Path(gateway: $0.gateway, device: $0.device, weight: $0.weight, onlink: $0.onlink) }
    }

    /// The devices of the paths in order (`fib_info_nh(fi, i)->fib_nh_dev`).
    var devices: [String] { paths.map(\.device) }
}

/// A FIB notifier event (`enum fib_event_type`) with what its notifier info carries.
enum FibEvent: Equatable, Sendable, Codable {
    /// FIB_EVENT_ENTRY_REPLACE: `fen_info` (dst, dst_len, fi).
    case entryReplace(prefix: IPv4Prefix, info: FibInfoKey)
    /// FIB_EVENT_ENTRY_DEL.
    case entryDelete(prefix: IPv4Prefix, info: FibInfoKey)
    /// FIB_EVENT_NH_ADD: `fnh_info.fib_nh` (its device) and its parent fib_info.
    case nexthopAdd(device: String, info: FibInfoKey)
    /// FIB_EVENT_NH_DEL.
    case nexthopDelete(device: String, info: FibInfoKey)
}

/// One `struct mlx5_fib_event_work` on a LAG's "mlx5_lag_mp" workqueue: queued by the notifier inside
/// the request, run in `settle()` (`mlx5_lag_fib_update`).
struct FibWork: Equatable, Sendable, Codable {
    var lag: Int
    var event: FibEvent
}

/// `struct lag_mp`'s tracked route (`mp->fib`): the multipath route the LAG follows.
struct MultipathFib: Equatable, Sendable, Codable {
    var info: FibInfoKey
    var priority: UInt32
    var prefix: IPv4Prefix
}

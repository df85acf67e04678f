// IPv4 routes as `ip route` shows them and rtnetlink carries them (struct rtmsg + RTA_*): enough for
// ECMP routes over two uplinks, which is what mlx5's multipath LAG reacts to (lag.md §1.11).

/// An IPv4 address in host byte order, printed dotted-quad.
public struct IPv4Address: Hashable, Comparable, Sendable, Codable, CustomStringConvertible {
    public var value: UInt32

    public init(_ value: UInt32) { self.value = value }

    /// `a.b.c.d`, each part a decimal 0...255 (no leading `+`, at most 3 digits): `inet_pton`'s rules.
    public init?(parsing text: Substring) {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var v: UInt32 = 0
        for part in parts {
            guard (1...3).contains(part.count), part.allSatisfy(\.isASCII), let n = UInt32(part), n <= 255 else { return nil }
            // inet_pton refuses a leading zero ("01") in a part.
            if part.count > 1, part.first == "0" { return nil }
            v = v << 8 | n
        }
        value = v
    }

    public init?(parsing text: String) { self.init(parsing: Substring(text)) }

    public var description: String {
        "\(value >> 24).\(value >> 16 & 0xff).\(value >> 8 & 0xff).\(value & 0xff)"
    }

    public static func < (a: IPv4Address, b: IPv4Address) -> Bool { a.value < b.value }
}

/// A destination prefix (`198.51.100.0/24`). `ip` prints `default` for /0 and no `/32` for a host.
public struct IPv4Prefix: Hashable, Sendable, Codable, CustomStringConvertible {
    public var address: IPv4Address
    public var length: UInt8

    public init(_ address: IPv4Address, length: UInt8) {
        self.address = address
        self.length = length
    }

    /// `A.B.C.D[/LEN]` or `default` (iproute2 `get_prefix`: a missing length means /32).
    public init?(parsing text: String) {
        if text == "default" || text == "all" || text == "any" {
            self.init(IPv4Address(0), length: 0)
            return
        }
        let parts = text.split(separator: "/", maxSplits: 1, omittingEmptySubsequences: false)
        guard let address = IPv4Address(parsing: parts[0]) else { return nil }
        var length: UInt8 = 32
        if parts.count == 2 {
            guard !parts[1].isEmpty, parts[1].allSatisfy(\.isASCII), let n = UInt8(parts[1]), n <= 32 else { return nil }
            length = n
        }
        self.init(address, length: length)
    }

    /// Whether bits beyond the length are set (the kernel refuses those: "Invalid prefix for given
    /// prefix length").
    public var hasHostBits: Bool { length < 32 && address.value << UInt32(length) != 0 }

    public var description: String {
        if length == 0 && address.value == 0 { return "default" }
        return length == 32 ? address.description : "\(address)/\(length)"
    }
}

/// One path of a route: `nexthop [via GW] dev IF [weight W] [onlink]`, and the kernel's state of it.
public struct RouteNexthop: Equatable, Sendable, Codable {
    public var gateway: IPv4Address?
    public var device: String
    /// 1...256 (rtnh_hops + 1).
    public var weight: Int
    public var onlink: Bool
    /// RTNH_F_DEAD: the device went down (or away).
    public var dead: Bool
    /// RTNH_F_LINKDOWN: the device has no carrier (or is down).
    public var linkdown: Bool

    public init(gateway: IPv4Address? = nil, device: String, weight: Int = 1, onlink: Bool = false,
                dead: Bool = false, linkdown: Bool = false) {
        (self.gateway, self.device, self.weight, self.onlink, self.dead, self.linkdown) =
            (gateway, device, weight, onlink, dead, linkdown)
    }
}

/// An IPv4 unicast route of the main table.
public struct Route: Equatable, Sendable, Codable {
    public var prefix: IPv4Prefix
    /// RTA_PRIORITY (`metric`).
    public var metric: UInt32
    /// `rtm_protocol` (`ip route add` sends RTPROT_BOOT = 3).
    public var protocolNumber: UInt8
    /// `rtm_scope`: 0 universe, 253 link (`ip` asks for link on a route with neither gateway nor nexthops).
    public var scope: UInt8
    /// One entry for a single-path route; two or more for RTA_MULTIPATH.
    public var nexthops: [RouteNexthop]
    /// RTM_F_TRAP (`rt_trap`): a driver took the route into hardware (netdevsim's FIB does, for
    /// every route it is notified of). Kernel state, never requested.
    public var trap: Bool
    /// RTA_PREFSRC (`src`): the source address the kernel gives connected routes on a real host.
    /// Read back only; dls does not set it.
    public var preferredSource: IPv4Address?

    public init(prefix: IPv4Prefix, metric: UInt32 = 0, protocolNumber: UInt8 = RouteProtocol.boot,
                scope: UInt8 = RouteScope.universe, nexthops: [RouteNexthop], trap: Bool = false) {
        self.prefix = prefix
        self.metric = metric
        self.protocolNumber = protocolNumber
        self.scope = scope
        self.nexthops = nexthops
        self.trap = trap
        preferredSource = nil
    }

    public var isMultipath: Bool { nexthops.count > 1 }
}

/// `rtm_protocol` values and iproute2's names for them (`/etc/iproute2/rt_protos` defaults).
public enum RouteProtocol {
    public static let kernel: UInt8 = 2
    public static let boot: UInt8 = 3
    public static let `static`: UInt8 = 4

    /// iproute2's names (lib/rt_names.c defaults and /etc/iproute2/rt_protos), else the number.
    public static func name(_ p: UInt8) -> String {
        switch p {
        case 0: return "unspec"
        case 1: return "redirect"
        case 2: return "kernel"
        case 3: return "boot"
        case 4: return "static"
        case 8: return "gated"
        case 9: return "ra"
        case 10: return "mrt"
        case 11: return "zebra"
        case 12: return "bird"
        case 13: return "dnrouted"
        case 14: return "xorp"
        case 15: return "ntk"
        case 16: return "dhcp"
        case 18: return "keepalived"
        case 42: return "babel"
        case 99: return "openr"
        case 186: return "bgp"
        case 187: return "isis"
        case 188: return "ospf"
        case 189: return "rip"
        case 192: return "eigrp"
        default: return String(p)
        }
    }
}

/// `rtm_scope` values and iproute2's names.
public enum RouteScope {
    public static let universe: UInt8 = 0
    public static let link: UInt8 = 253
    public static let host: UInt8 = 254

    public static func name(_ s: UInt8) -> String {
        switch s {
        case 0: return "global"
        case 200: return "site"
        case 253: return "link"
        case 254: return "host"
        case 255: return "nowhere"
        default: return String(s)
        }
    }
}

/// What `route del` names: the prefix, and optionally the metric and paths that must match
/// (`fib_table_delete` + `fib_nh_match`: an absent field matches anything).
public struct RouteSelector: Equatable, Sendable, Codable {
    public var prefix: IPv4Prefix
    public var metric: UInt32?
    public var nexthops: [RouteNexthop]

    public init(prefix: IPv4Prefix, metric: UInt32? = nil, nexthops: [RouteNexthop] = []) {
        (self.prefix, self.metric, self.nexthops) = (prefix, metric, nexthops)
    }
}

extension Errno {
    /// What the FIB answers for a route to delete that is not there.
    public static let ESRCH = Errno(number: 3)
    /// A path through a device that is down.
    public static let ENETDOWN = Errno(number: 100)
    /// A gateway no route leads to (fib_lookup's answer, kept by `fib_check_nh_v4_gw`).
    public static let ENETUNREACH = Errno(number: 101)
}

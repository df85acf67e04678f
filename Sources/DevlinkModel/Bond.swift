/// Bond options as `ip link add NAME type bond ...` / `ip link set NAME type bond ...` send them:
/// only the non-nil ones are applied, in the kernel's attribute order (IFLA_BOND_* numbers).
public struct BondConfig: Equatable, Sendable, Codable {
    public var mode: BondMode?
    public var miimon: UInt32?
    public var updelay: UInt32?
    public var downdelay: UInt32?
    public var xmitHashPolicy: BondXmitHashPolicy?
    public var lacpRate: BondLacpRate?
    public var minLinks: UInt32?
    /// ARP monitoring interval in ms (IFLA_BOND_ARP_INTERVAL); not in 802.3ad, tlb, alb.
    public var arpInterval: UInt32?
    /// IPv4 targets as dotted quads (IFLA_BOND_ARP_IP_TARGET replaces the whole list; [] clears it).
    public var arpIPTargets: [String]?
    /// IPv6 NS targets (IFLA_BOND_NS_IP6_TARGET, replaces the whole list).
    public var nsIP6Targets: [String]?
    /// The primary slave's name (IFLA_BOND_PRIMARY carries its ifindex); active-backup, tlb and alb only.
    public var primary: String?
    public var primaryReselect: BondPrimaryReselect?

    public init(mode: BondMode? = nil, miimon: UInt32? = nil, updelay: UInt32? = nil, downdelay: UInt32? = nil,
                xmitHashPolicy: BondXmitHashPolicy? = nil, lacpRate: BondLacpRate? = nil, minLinks: UInt32? = nil,
                primary: String? = nil, primaryReselect: BondPrimaryReselect? = nil, arpInterval: UInt32? = nil,
                arpIPTargets: [String]? = nil, nsIP6Targets: [String]? = nil) {
        self.nsIP6Targets = nsIP6Targets
        self.arpInterval = arpInterval
        self.arpIPTargets = arpIPTargets
        self.mode = mode
        self.miimon = miimon
        self.updelay = updelay
        self.downdelay = downdelay
        self.xmitHashPolicy = xmitHashPolicy
        self.lacpRate = lacpRate
        self.minLinks = minLinks
        self.primary = primary
        self.primaryReselect = primaryReselect
    }

    public var isEmpty: Bool { self == BondConfig() }
}

/// One slave of a bond as `ip -d link show` / IFLA_INFO_SLAVE_DATA reports it.
public struct BondSlave: Equatable, Sendable, Codable {
    public var name: String
    public var ifindex: UInt32
    public var state: BondSlaveState
    public var miiStatus: BondLinkState
    public var linkFailureCount: UInt32
    /// Failover priority (IFLA_BOND_SLAVE_PRIO; active-backup, tlb, alb).
    public var prio: Int32

    public init(name: String, ifindex: UInt32, state: BondSlaveState, miiStatus: BondLinkState, linkFailureCount: UInt32 = 0,
                prio: Int32 = 0) {
        (self.prio, self.name, self.ifindex, self.state, self.miiStatus, self.linkFailureCount) =
            (prio, name, ifindex, state, miiStatus, linkFailureCount)
    }
}

/// A bond master with its effective options and slaves (in enslave order), plus the hardware LAG its
/// slaves formed when the backend can see it (the emulator always; the kernel only through debugfs).
public struct Bond: Equatable, Sendable, Codable {
    public var name: String
    public var ifindex: UInt32
    public var adminUp: Bool
    public var carrier: Bool
    public var mode: BondMode
    public var miimon: UInt32
    public var updelay: UInt32
    public var downdelay: UInt32
    public var xmitHashPolicy: BondXmitHashPolicy
    /// Reported in 802.3ad mode only.
    public var lacpRate: BondLacpRate?
    public var minLinks: UInt32
    /// The current active slave (active-backup), if any.
    public var activeSlave: String?
    public var arpInterval: UInt32
    public var arpIPTargets: [String]
    public var nsIP6Targets: [String]
    /// The primary slave, reported while the named interface is a slave (bond->primary_slave).
    public var primary: String?
    public var primaryReselect: BondPrimaryReselect
    public var slaves: [BondSlave]
    /// The hardware LAG of the card whose ports are slaves of this bond, if any.
    public var hardwareLag: HardwareLag?

    public init(name: String, ifindex: UInt32, adminUp: Bool = false, carrier: Bool = false, mode: BondMode = .balanceRR,
                miimon: UInt32 = 0, updelay: UInt32 = 0, downdelay: UInt32 = 0,
                xmitHashPolicy: BondXmitHashPolicy = .layer2, lacpRate: BondLacpRate? = nil, minLinks: UInt32 = 0,
                activeSlave: String? = nil, primary: String? = nil, primaryReselect: BondPrimaryReselect = .always,
                arpInterval: UInt32 = 0, arpIPTargets: [String] = [], nsIP6Targets: [String] = [],
                slaves: [BondSlave] = [], hardwareLag: HardwareLag? = nil) {
        self.nsIP6Targets = nsIP6Targets
        self.arpInterval = arpInterval
        self.arpIPTargets = arpIPTargets
        self.name = name
        self.ifindex = ifindex
        self.adminUp = adminUp
        self.carrier = carrier
        self.mode = mode
        self.miimon = miimon
        self.updelay = updelay
        self.downdelay = downdelay
        self.xmitHashPolicy = xmitHashPolicy
        self.lacpRate = lacpRate
        self.minLinks = minLinks
        self.activeSlave = activeSlave
        self.primary = primary
        self.primaryReselect = primaryReselect
        self.slaves = slaves
        self.hardwareLag = hardwareLag
    }
}

/// A network interface (RTM_GETLINK): what `link show` needs.
public struct NetInterface: Equatable, Sendable, Codable {
    public enum Kind: String, Equatable, Sendable, Codable {
        /// A physical function's uplink (or its uplink representor in switchdev).
        case uplink
        /// A VF/SF/host-PF representor.
        case representor
        case bond
        /// Anything else the kernel reports (IFLA_INFO_KIND, or none).
        case other
    }

    public var name: String
    public var ifindex: UInt32
    public var kind: Kind
    public var adminUp: Bool
    public var carrier: Bool
    /// The bond this interface is enslaved to.
    public var master: String?

    public init(name: String, ifindex: UInt32, kind: Kind, adminUp: Bool, carrier: Bool, master: String? = nil) {
        (self.name, self.ifindex, self.kind, self.adminUp, self.carrier, self.master) =
            (name, ifindex, kind, adminUp, carrier, master)
    }
}

/// IPv4 dotted quads for bond ARP targets (iproute2 `get_addr32`), as 32-bit values in network order.
public enum IPv4Text {
    /// The four bytes of `a.b.c.d`, or nil.
    public static func bytes(_ text: String) -> [UInt8]? {
        let parts = text.split(separator: ".", omittingEmptySubsequences: false)
        guard parts.count == 4 else { return nil }
        var out: [UInt8] = []
        for p in parts {
            guard !p.isEmpty, p.count <= 3, p.allSatisfy(\.isASCII), let n = UInt8(p) else { return nil }
            out.append(n)
        }
        return out
    }

    public static func text(_ bytes: [UInt8]) -> String { bytes.map(String.init).joined(separator: ".") }
}

/// IPv6 addresses for bond NS targets: parsed as inet_pton does (one `::`, an optional trailing dotted
/// quad) and printed as inet_ntop does (lowercase, the longest run of two or more zero groups as `::`).
public enum IPv6Text {
    public static func bytes(_ text: String) -> [UInt8]? {
        guard !text.isEmpty, text.allSatisfy(\.isASCII) else { return nil }
        var tail: [UInt8] = []
        var body = Substring(text)
        if let lastColon = text.lastIndex(of: ":"), text[text.index(after: lastColon)...].contains(".") {
            guard let v4 = IPv4Text.bytes(String(text[text.index(after: lastColon)...])) else { return nil }
            tail = v4
            body = text[...lastColon]
            if body.hasSuffix(":"), !body.hasSuffix("::") { body = body.dropLast() }
        }
        func groups(_ part: Substring) -> [UInt16]? {
            if part.isEmpty { return [] }
            var out: [UInt16] = []
            for g in part.split(separator: ":", omittingEmptySubsequences: false) {
                guard (1...4).contains(g.count), let v = UInt16(g, radix: 16) else { return nil }
                out.append(v)
            }
            return out
        }
        let want = (16 - tail.count) / 2
        var words: [UInt16]
        func doubleColon(_ s: Substring) -> Range<Substring.Index>? {
            var i = s.startIndex
            while i < s.endIndex {
                let j = s.index(after: i)
                if j < s.endIndex, s[i] == ":", s[j] == ":" { return i..<s.index(after: j) }
                i = j
            }
            return nil
        }
        if let range = doubleColon(body) {
            guard doubleColon(body[range.upperBound...]) == nil,
                  let head = groups(body[..<range.lowerBound]), let rest = groups(body[range.upperBound...]),
                  head.count + rest.count < want else { return nil }
            words = head + Array(repeating: 0, count: want - head.count - rest.count) + rest
        } else {
            guard let all = groups(body), all.count == want else { return nil }
            words = all
        }
        return words.flatMap { [UInt8($0 >> 8), UInt8($0 & 0xff)] } + tail
    }

    public static func text(_ b: [UInt8]) -> String {
        guard b.count == 16 else { return "" }
        let words = (0..<8).map { UInt16(b[2 * $0]) << 8 | UInt16(b[2 * $0 + 1]) }
        var best = (start: -1, count: 0)
        var i = 0
        while i < 8 {
            if words[i] == 0 {
                var j = i
                while j < 8, words[j] == 0 { j += 1 }
                if j - i > best.count { best = (i, j - i) }
                i = j
            } else {
                i += 1
            }
        }
        func hex(_ r: Range<Int>) -> String { r.map { String(words[$0], radix: 16) }.joined(separator: ":") }
        guard best.count >= 2 else { return hex(0..<8) }
        // glibc inet_ntop: an IPv4-compatible or IPv4-mapped address ends in a dotted quad.
        if best.start == 0, best.count == 6 || (best.count == 7 && words[7] != 1) || (best.count == 5 && words[5] == 0xffff) {
            return "::" + (best.count == 5 ? "ffff:" : "") + IPv4Text.text(Array(b[12..<16]))
        }
        return hex(0..<best.start) + "::" + hex((best.start + best.count)..<8)
    }
}

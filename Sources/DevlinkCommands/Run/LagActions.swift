import DevlinkModel

/// What `lag` and `link` commands do against a `LinkSession`.
enum LagActions {
    static func links(_ c: CommandContext) throws -> LinkSession {
        guard let s = c.session.linkSession else {
            throw ClientError("This backend has no bond or link support.", errno: .EOPNOTSUPP)
        }
        return s
    }

    static func name(_ p: ParsedCommand) -> String { p.handle?.interfaceName ?? "" }

    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        let s = try links(c)
        if let name = p.handle?.interfaceName { return .lag(.bonds([try s.bond(named: name)], single: true)) }
        return .lag(.bonds(try s.bonds(), single: false))
    }

    @Sendable static func add(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        let s = try links(c)
        try s.createBond(name: name(p), config: config(p))
        return .lag(.created(try s.bond(named: name(p))))
    }

    @Sendable static func set(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try links(c).changeBond(name: name(p), config: config(p))
        return .none
    }

    @Sendable static func delete(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try links(c).deleteLink(named: name(p))
        return .none
    }

    @Sendable static func enslave(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let slave = p.word("slave") else { return .none }
        if let warning = try links(c).enslave(slave, to: name(p)) { return .lag(.warning(warning)) }
        return .none
    }

    /// `ip link set SLAVE type bond_slave prio N` (a signed 32-bit number, as iproute2's get_s32).
    @Sendable static func setSlave(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let text = p.word("prio") else {
            throw ClientError("prio expected", word: p.handleWordIndex.map { $0 + 1 }, hint: "lag slave set IFNAME prio N")
        }
        guard let prio = Int32(text) else {
            throw ClientError("argument \"\(text)\" is wrong: prio is invalid", word: p.wordIndex("prio").map { $0 + 1 })
        }
        try links(c).setBondSlavePrio(name(p), prio: prio)
        return .none
    }

    @Sendable static func release(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        try links(c).release(name(p))
        return .none
    }

    @Sendable static func firmwareLog(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device else { return .none }
        return .lag(.firmwareLog(device, try links(c).firmwareLog(device)))
    }

    @Sendable static func linkShow(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        let all = try links(c).interfaces()
        guard let name = p.handle?.interfaceName else { return .lag(.interfaces(all, single: false)) }
        guard let one = all.first(where: { $0.name == name }) else {
            throw DevlinkError(.ENODEV, "no network interface named \(name)")
        }
        return .lag(.interfaces([one], single: true))
    }

    @Sendable static func linkSet(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let state = p.setter("state") else {
            throw ClientError("up or down expected", word: p.handleWordIndex.map { $0 + 1 }, hint: "link set IFNAME { up | down }")
        }
        try links(c).setLink(name(p), up: state == "up")
        return .none
    }

    /// A comma-separated address list (`arp_ip_target`, `ns_ip6_target`), each address checked as
    /// iproute2's get_addr does, in its canonical text; nil when the option is not given.
    private static func addresses(_ p: ParsedCommand, _ key: String, _ what: String, bytes: (String) -> [UInt8]?,
                                  text: ([UInt8]) -> String) throws -> [String]? {
        guard let list = p.word(key) else { return nil }
        return try list.split(separator: ",", omittingEmptySubsequences: false).map { t in
            guard let b = bytes(String(t)) else {
                throw ClientError("\(what) is expected rather than \"\(t)\"", word: p.wordIndex(key).map { $0 + 1 })
            }
            return text(b)
        }
    }

    private static func config(_ p: ParsedCommand) throws -> BondConfig {
        let targets = try addresses(p, "arp_ip_target", "an IP address", bytes: IPv4Text.bytes, text: IPv4Text.text)
        let ns = try addresses(p, "ns_ip6_target", "an IPv6 address", bytes: IPv6Text.bytes, text: IPv6Text.text)
        return BondConfig(mode: p.word("mode").flatMap(BondMode.init(name:)),
                   miimon: p.number("miimon").map { UInt32($0) },
                   updelay: p.number("updelay").map { UInt32($0) },
                   downdelay: p.number("downdelay").map { UInt32($0) },
                   xmitHashPolicy: p.word("xmit_hash_policy").flatMap(BondXmitHashPolicy.init(name:)),
                   lacpRate: p.word("lacp_rate").flatMap(BondLacpRate.init(name:)),
                   minLinks: p.number("min_links").map { UInt32($0) },
                   primary: p.word("primary"),
                   primaryReselect: p.word("primary_reselect").flatMap(BondPrimaryReselect.init(name:)),
                   arpInterval: p.number("arp_interval").map { UInt32($0) },
                   arpIPTargets: targets,
                   nsIP6Targets: ns)
    }
}

import DevlinkModel

/// Links and bonds over rtnetlink, in the kernel's own terms (`LinkInfo`, `BondOptions`). The model's
/// view (`LinkSession`: `Bond`, `NetInterface`) is built on these in `NetlinkSession+LinkSession`.
/// Names are resolved to ifindexes with RTM_GETLINK; the kernel's errors pass through as DevlinkError.
extension NetlinkSession {
    /// Sends one rtnetlink request; the reply's messages and its extack warning, if any.
    @discardableResult
    public func perform(_ r: RouteLinkRequest) throws -> NetlinkReply {
        try mappingErrors {
            let s = try route.get()
            let reply = try s.exchange(type: r.type, flags: r.flags, payload: r.payload)
            warnings.record(reply.warning, dump: r.flags.contains(.dump))
            return reply
        }
    }

    public func links() throws -> [LinkInfo] {
        try mappingErrors {
            try perform(.dumpLinks()).messages.filter { $0.header.type == RouteMessage.newLink }.map(RouteLinkDecoder.link)
        }
    }

    /// The kernel answers an unknown name with a bare ENODEV; say which name, as `ip` does.
    public func link(named name: String) throws -> LinkInfo {
        let reply: NetlinkReply
        do {
            reply = try perform(.getLink(name: name))
        } catch let e as DevlinkError where e.errno == .ENODEV && e.message == nil {
            throw DevlinkError(.ENODEV, "no network interface named \(name)")
        }
        guard let m = reply.messages.first else { throw DevlinkError(.ENODEV, "no network interface named \(name)") }
        return try mappingErrors { try RouteLinkDecoder.link(m) }
    }

    public func bondLinks() throws -> [LinkInfo] { try links().filter(\.isBond) }

    /// Slaves of `bond`, in ifindex order.
    public func slaves(of bond: String) throws -> [LinkInfo] {
        let b = try link(named: bond)
        return try links().filter { $0.master == b.index }
    }

    public func createBond(name: String, options: BondOptions) throws { try perform(.newBond(name: name, options: options)) }

    public func changeBond(name: String, options: BondOptions) throws {
        try perform(.changeBond(index: try link(named: name).index, options: options))
    }

    public func deleteLink(named name: String) throws { try perform(.deleteLink(index: try link(named: name).index)) }

    /// The kernel refuses to enslave an up interface (EPERM "Device can not be enslaved while up").
    /// Returns the extack warning of a successful reply (mlx5's LAG offload notes), or nil.
    @discardableResult
    public func enslave(_ slave: String, to bond: String) throws -> String? {
        let master = try link(named: bond).index
        try perform(.setMaster(index: try link(named: slave).index, master: master))
        return warnings.claimLast()
    }

    public func release(_ slave: String) throws { try perform(.setMaster(index: try link(named: slave).index, master: 0)) }

    public func setLink(_ name: String, up: Bool) throws { try perform(.setUp(index: try link(named: name).index, up)) }
}

import DevlinkModel

/// The kernel versions at which the modeled behaviour changes: one row each of the version table in
/// docs/fidelity.md, which FidelityTableTests keeps in step with `all`.
public enum KernelGate {
    /// mlx5 multipath LAG follows routes with any number of paths, two of them the card's uplinks
    /// ("net/mlx5e: multipath, support routes with more than 2 nexthops"); before it only a route of
    /// exactly two paths, the two uplinks, and the notifier drops routes whose first path is not one.
    public static let mlx5MultipathAnyNexthops = KernelVersion(6, 2)
    /// mlx5 probes local SFs on the eswitch manager light (devlink and params only, enable_eth/rdma/vnet
    /// false) until `dev reload` ("net/mlx5: Light probe local SFs").
    public static let mlx5LightProbeSF = KernelVersion(6, 5)
    /// devlink port ops are per port (devlink_port_ops, "devlink: move port ops into separate
    /// structure", Networking for v6.5): mlx5's SF ports lose the migratable op, so the core refuses
    /// migratable there as unsupported, no longer on the flavour.
    public static let mlx5PerPortOps = KernelVersion(6, 5)
    /// DEVLINK_PORT_FN_CAP_IPSEC_CRYPTO / _PACKET ("devlink: Expose port function commands to
    /// control IPsec crypto/packet offloads", Networking for 6.6): before it the caps bitfield's
    /// valid mask is roce | migratable, so the function nest fails its parse.
    public static let portFunctionIPsec = KernelVersion(6, 6)
    /// The SF port's function reports the SF's own devlink instance (DEVLINK_PORT_FN_ATTR_DEVLINK):
    /// "devlink: expose peer SF devlink instance" with mlx5's "SF, Implement peer devlink set".
    public static let mlx5SFNestedDevlink = KernelVersion(6, 7)
    /// mlx5 reloads a PF whose SFs have their auxiliary devices ("net/mlx5: Lift reload limitation when
    /// SFs are present"); before it EOPNOTSUPP "reload is unsupported when SFs are allocated".
    public static let mlx5ReloadWithSFs = KernelVersion(6, 7)
    /// mlx5 implements `rate_node_parent_set` ("net/mlx5: Add support for setting parent of nodes");
    /// before it the devlink core refuses a node parent.
    public static let mlx5NodeParent = KernelVersion(6, 15)
    /// DEVLINK_ATTR_RATE_TC_BWS in the core with netdevsim's tc-bw ops, and mlx5's tc-bw; before it
    /// the attribute is past the policy's maxattr and dropped unread.
    public static let rateTrafficClassBandwidth = KernelVersion(6, 17)
    /// mlx5's QoS depth messages carry the levels ("net/mlx5: Improve QoS error messages with actual
    /// depth values").
    public static let mlx5QosDepthValues = KernelVersion(6, 18)

    /// DEVLINK_ESWITCH_MODE_SWITCHDEV_INACTIVE passes the eswitch policy ("devlink: Introduce
    /// switchdev_inactive eswitch mode"); before it ERANGE.
    public static let eswitchSwitchdevInactive = KernelVersion(6, 19)

    /// Name, version and the commits that brought the change.
    public static let all: [(name: String, version: KernelVersion, commits: [String])] = [
        ("mlx5MultipathAnyNexthops", mlx5MultipathAnyNexthops, ["7c33e73995e9"]),
        ("mlx5LightProbeSF", mlx5LightProbeSF, ["e71383fb"]),
        ("mlx5PerPortOps", mlx5PerPortOps, ["4a490d7154b3"]),
        ("portFunctionIPsec", portFunctionIPsec, ["62b6442c58dc", "390a24cbc396"]),
        ("mlx5SFNestedDevlink", mlx5SFNestedDevlink, ["0b7a2721e36c", "ac5f395685bd"]),
        ("mlx5ReloadWithSFs", mlx5ReloadWithSFs, ["602d61e307ac"]),
        ("mlx5NodeParent", mlx5NodeParent, ["9c7bbf4c3304"]),
        ("rateTrafficClassBandwidth", rateTrafficClassBandwidth, ["566e8f108fc7", "cf7e73770d1b"]),
        ("mlx5QosDepthValues", mlx5QosDepthValues, ["33dbaa54ef43"]),
        ("eswitchSwitchdevInactive", eswitchSwitchdevInactive, ["0e535824d0bc", "9da611df15aa"]),
    ]
}

extension Topology {
    /// `NAME@VERSION` (`mlx5@6.15`, `topo.json@6.17`) split into the name and the version text;
    /// no `@`: the whole word and nil.
    public static func splitVersion(_ word: String) -> (name: String, version: String?) {
        guard let at = word.lastIndex(of: "@") else { return (word, nil) }
        return (String(word[..<at]), String(word[word.index(after: at)...]))
    }

    /// This topology at `version` (from `NAME@VERSION`), or a TopologyError naming the bad text.
    public func at(version text: String?) throws(TopologyError) -> Topology {
        guard let text else { return self }
        guard let version = KernelVersion(parsing: text) else {
            throw TopologyError("kernel version \"\(text)\" is not MAJOR.MINOR (e.g. mlx5@6.15)")
        }
        var topology = self
        topology.kernelVersion = version
        return topology
    }
}

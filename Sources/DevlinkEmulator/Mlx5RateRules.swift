import DevlinkModel

/// mlx5's own rate-tree rules (drivers/net/ethernet/mellanox/mlx5/core/esw/qos.c) for node parents
/// (6.15 on) and tc-bw (6.17 on). The devlink core's checks run before these (RateOperations.swift);
/// the core only calls the driver for what the modeled kernel's mlx5 has ops for, so each rule
/// here is reached only from its version on.
///
/// The driver's scheduling tree: the root TSAR is level 1, a node without a parent level 2, a child
/// one more than its parent. A node with tc-bw is a TC arbiter with one more level under it (the
/// vports TC TSARs); a leaf with its own tc-bw takes two (arbiter and vports TC TSAR). Every level
/// must stay within 1 << log_esw_max_sched_depth.
extension EmulatorState {
    /// mlx5_esw_qos_node_validate_set_parent, for a new parent and for `noparent` alike.
    func mlx5CheckNodeParent(device d: Int, node: String, _ parent: String?) throws(DevlinkError) {
        let rates = devices[d].rates
        // The driver rebuilds only the node's own scheduling element, not what hangs below it.
        guard rates.childCount[node, default: 0] == 0 else {
            throw mlx5Refusal(d, "Cannot reassign a node that contains rate objects")
        }
        if let parent, rates.hasTrafficClasses(.node(name: parent)) {
            throw mlx5Refusal(d, "Cannot attach a node to a parent with TC bandwidth configured")
        }
        var level = parent.map { rates.level(ofNode: $0) + 1 } ?? 2
        if rates.hasTrafficClasses(.node(name: node)) { level += 1 }
        let max = mlx5MaxLevel(d)
        if level > max {
            throw mlx5Refusal(d, depthMessage(
                before: "Node hierarchy depth exceeds the maximum supported level",
                since: "Node hierarchy depth \(level) exceeds the maximum supported level \(max)"))
        }
    }

    /// mlx5_esw_qos_vport_update_parent → esw_qos_vport_update: only a leaf with its own tc-bw (a
    /// vport TC arbiter) has rules; a plain vport element moves under any node.
    func mlx5CheckLeafParent(device d: Int, leaf index: UInt32, _ parent: String?) throws(DevlinkError) {
        let rates = devices[d].rates
        guard rates.hasTrafficClasses(.leaf(portIndex: index)) else { return }
        if let parent, rates.hasTrafficClasses(.node(name: parent)) {
            // esw_qos_vport_tc_check_type: under a TC arbiter node the vport would be a rate limiter.
            throw mlx5Refusal(d, "Cannot switch from vport-level TC arbitration to node-level TC arbitration")
        }
        try mlx5CheckLeafArbiterDepth(device: d, parent: parent)
    }

    /// mlx5_esw_devlink_rate_node_tc_bw_set / _leaf_tc_bw_set, after the core parsed all 8 values.
    func mlx5CheckTrafficClasses(device d: Int, target: RateHandle.Target, _ values: [UInt32]) throws(DevlinkError) {
        // esw_qos_validate_unsupported_tc_bw: mlx5_max_tc() + 1 classes (HCA cap max_tc, 0 = 8).
        let classes = Int(min(devices[d].config.cap("max_tc") == 0 ? 8 : devices[d].config.cap("max_tc"), 8))
        guard values.dropFirst(classes).allSatisfy({ $0 == 0 }) else {
            throw mlx5Refusal(d, "E-Switch traffic classes number is not supported")
        }
        let rates = devices[d].rates
        // All zero turns tc-bw off, which always succeeds; an arbiter already in place only gets
        // new shares.
        guard values.contains(where: { $0 != 0 }), !rates.hasTrafficClasses(target) else { return }
        switch target {
        case .node(let name):
            // esw_qos_node_enable_tc_arbitration
            let max = mlx5MaxLevel(d)
            if rates.level(ofNode: name) + 1 > max {
                throw mlx5Refusal(d, depthMessage(
                    before: "TC arbitration on nodes is not supported beyond max scheduling depth",
                    since: "TC arbitration on nodes is not supported beyond max depth \(max)"))
            }
            let children = rates.children(of: name)
            if children.contains(where: { $0.handle.isNode }) {
                throw mlx5Refusal(d, "Cannot configure TC bandwidth on a node with non-leaf children")
            }
            // esw_qos_switch_vports_node_to_tc_arbiter moves each vport under the arbiter.
            if children.contains(where: { rates.hasTrafficClasses($0.handle.target) }) {
                throw mlx5Refusal(d, "Cannot switch from vport-level TC arbitration to node-level TC arbitration")
            }
        case .leaf(let index):
            let parent = rates.object(for: .leaf(portIndex: index))?.parent
            if let parent, rates.hasTrafficClasses(.node(name: parent)) {
                throw mlx5Refusal(d, "Cannot switch from node-level TC arbitration to vport-level TC arbitration")
            }
            try mlx5CheckLeafArbiterDepth(device: d, parent: parent)
        }
    }

    /// esw_qos_vport_tc_enable: a vport TC arbiter adds two levels under its parent.
    private func mlx5CheckLeafArbiterDepth(device d: Int, parent: String?) throws(DevlinkError) {
        let max = mlx5MaxLevel(d)
        if (parent.map { devices[d].rates.level(ofNode: $0) } ?? 2) + 2 > max {
            throw mlx5Refusal(d, depthMessage(
                before: "TC arbitration on leafs is not supported beyond max scheduling depth",
                since: "TC arbitration on leafs is not supported beyond max depth \(max)"))
        }
    }

    /// 1 << MLX5_CAP_QOS(log_esw_max_sched_depth).
    private func mlx5MaxLevel(_ d: Int) -> Int {
        1 << Int(min(devices[d].config.cap("log_esw_max_sched_depth"), 15))
    }

    /// The depth messages gained their numbers in 6.18 (NL_SET_ERR_MSG_FMT_MOD).
    private func depthMessage(before: String, since: String) -> String {
        kernel >= KernelGate.mlx5QosDepthValues ? since : before
    }

    /// Every refusal above is NL_SET_ERR_MSG_MOD with -EOPNOTSUPP.
    private func mlx5Refusal(_ d: Int, _ text: String) -> DevlinkError {
        DevlinkError(.EOPNOTSUPP, devices[d].driverMessage(text))
    }
}

extension RateTable {
    /// True when the object has tc-bw set: for mlx5 a TC arbiter, which the core records only
    /// after the driver accepted the values, so the two cannot disagree.
    func hasTrafficClasses(_ target: RateHandle.Target) -> Bool {
        object(for: target)?.tcBandwidths.contains { $0 != 0 } ?? false
    }

    /// mlx5's level of a node: 2 without a parent, one more than the parent otherwise (bounded by the
    /// node count, as the core forbids cycles).
    func level(ofNode name: String) -> Int {
        var level = 2
        var current = object(for: .node(name: name))?.parent
        while let parent = current, level <= nodeCount + 1 {
            level += 1
            current = object(for: .node(name: parent))?.parent
        }
        return level
    }

    /// The objects whose parent is `name`.
    func children(of name: String) -> [RateObject] {
        listing().filter { $0.parent == name }
    }
}

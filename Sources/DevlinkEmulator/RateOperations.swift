import DevlinkModel

/// RATE_NEW / RATE_SET / RATE_DEL: net/devlink/rate.c rules (reference §4.3) plus the driver's checks.
extension EmulatorState {
    /// Which rate ops a driver has at the modeled kernel (the devlink_ops rate_* members).
    struct RateOps {
        var txShare = true, txMax = true, priority = false, weight = false
        var leafParent = true, nodeParent = true, tcBandwidth = false
    }

    /// Neither driver implements priority or weight. mlx5 (drivers/net/ethernet/mellanox/mlx5/core/
    /// devlink.c) gains rate_node_parent_set in 6.15; both drivers gain the tc-bw ops in 6.17.
    static func rateOps(_ profile: DriverProfile, kernel: KernelVersion) -> RateOps {
        var ops = RateOps(tcBandwidth: kernel >= KernelGate.rateTrafficClassBandwidth)
        if profile == .mlx5 { ops.nodeParent = kernel >= KernelGate.mlx5NodeParent }
        return ops
    }

    /// genl_family_rcv_msg_attrs_parse: devlink's rate ops are GENL_DONT_VALIDATE_STRICT, so an
    /// attribute past the policy's maxattr is dropped unread. Before 6.17 that is RATE_TC_BWS: the
    /// request goes through as if tc-bw had not been given.
    private static func knownAttributes(_ changes: RateChanges, kernel: KernelVersion) -> RateChanges {
        guard kernel < KernelGate.rateTrafficClassBandwidth, changes.tcBandwidths != nil else { return changes }
        var known = changes
        known.tcBandwidths = nil
        return known
    }

    func rates(of device: DeviceHandle?) throws(DevlinkError) -> [RateObject] {
        let listing = if let device { devices[try deviceIndexOrThrow(device)].rates.listing() }
            else { devices.indices.flatMap { devices[$0].rates.listing() } }
        return kernel < KernelGate.rateTrafficClassBandwidth ? listing.map(reported) : listing
    }

    /// An object as the kernel's devlink_nl_rate_fill sends it: before 6.17 without RATE_TC_BWS,
    /// which the reader sees as absent.
    func reported(_ object: RateObject) -> RateObject {
        guard kernel < KernelGate.rateTrafficClassBandwidth else { return object }
        var sent = object
        sent.absent.insert(.tcBandwidths)
        return sent
    }

    /// The uplink speed the driver checks rates against: mlx5's link maximum (topology
    /// `link_speed_mbps`, what mlx5e_port_max_linkspeed reports), netdevsim's fixed 5000 Mbit/s
    /// (its "TX rate value exceed link maximum speed 5000Mbps." check below).
    func uplinkSpeed(_ device: DeviceHandle) throws(DevlinkError) -> UInt64 {
        let config = devices[try deviceIndexOrThrow(device)].config
        let unit: UInt64 = 125_000
        return config.profile == .mlx5 ? config.linkSpeedMbps * unit : 5000 * unit
    }

    func rate(_ handle: RateHandle) throws(DevlinkError) -> RateObject {
        let d = try deviceIndexOrThrow(handle.device)
        if case .node(let name) = handle.target, !Self.isValidNodeName(name) { throw DevlinkError(.EINVAL) }
        guard let object = devices[d].rates.object(for: handle.target) else { throw DevlinkError(.ENODEV) }
        return reported(object)
    }

    /// Non-empty and not all decimal digits.
    static func isValidNodeName(_ name: String) -> Bool {
        !name.isEmpty && !name.allSatisfy { $0.isASCII && $0.isNumber }
    }

    mutating func addRateNode(_ handle: RateHandle, _ request: RateChanges) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(handle.device)
        guard case .node(let name) = handle.target else { throw DevlinkError(.EINVAL) }
        let changes = Self.knownAttributes(request, kernel: kernel)
        try Self.checkPolicy(changes)
        try Self.checkSupported(changes, ops: Self.rateOps(devices[d].profile, kernel: kernel), isNode: true)
        guard Self.isValidNodeName(name) else { throw DevlinkError(.EINVAL) }
        guard devices[d].rates.object(for: handle.target) == nil else { throw DevlinkError(.EEXIST) }
        // Driver rate_node_new.
        guard devices[d].eswitchMode == .switchdev else {
            let text = devices[d].profile == .mlx5
                ? "Rate node creation supported only in switchdev mode"
                : "Node creation allowed only in switchdev mode."
            throw DevlinkError(.EOPNOTSUPP, devices[d].driverMessage(text))
        }
        // mlx5 esw_qos_create_rate_group (6.12; esw_qos_create_vports_sched_node later): no
        // scheduling depth, no nodes.
        if devices[d].profile == .mlx5, devices[d].config.cap("log_esw_max_sched_depth") == 0 {
            throw DevlinkError(.EOPNOTSUPP)
        }
        devices[d].rates.insert(RateObject(handle: handle))
        do {
            try applyRateChanges(device: d, target: handle.target, changes, creating: true)
        } catch {
            // Atomic create: the node goes away again, without a notification.
            devices[d].rates.rollBackInsert(handle.target)
            throw error
        }
        if let object = devices[d].rates.object(for: handle.target) { emit(.rateNew(reported(object))) }
    }

    mutating func setRate(_ handle: RateHandle, _ request: RateChanges) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(handle.device)
        let changes = Self.knownAttributes(request, kernel: kernel)
        try Self.checkPolicy(changes)
        if case .node(let name) = handle.target, !Self.isValidNodeName(name) { throw DevlinkError(.EINVAL) }
        guard devices[d].rates.object(for: handle.target) != nil else { throw DevlinkError(.ENODEV) }
        try Self.checkSupported(changes, ops: Self.rateOps(devices[d].profile, kernel: kernel), isNode: handle.isNode)
        try applyRateChanges(device: d, target: handle.target, changes)
        if let object = devices[d].rates.object(for: handle.target) { emit(.rateNew(reported(object))) }
    }

    mutating func deleteRateNode(_ handle: RateHandle) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(handle.device)
        guard case .node(let name) = handle.target else { throw DevlinkError(.EINVAL) }
        guard Self.isValidNodeName(name) else { throw DevlinkError(.EINVAL) }
        guard let object = devices[d].rates.object(for: handle.target) else { throw DevlinkError(.ENODEV) }
        guard devices[d].rates.childCount[name, default: 0] == 0 else {
            throw DevlinkError(.EBUSY, "Node has children. Cannot delete node.")
        }
        emit(.rateDel(reported(object)))   // the core notifies before calling the driver
        devices[d].rates.remove(handle.target)
    }

    /// Netlink policy checks done before the handler runs (tc index is NLA_POLICY_MAX 7).
    private static func checkPolicy(_ changes: RateChanges) throws(DevlinkError) {
        if let entries = changes.tcBandwidths, entries.contains(where: { $0.index > 7 }) {
            throw DevlinkError(.ERANGE, "integer out of range")
        }
    }

    /// devlink_rate_set_ops_supported: every requested attribute must have a driver op.
    private static func checkSupported(_ changes: RateChanges, ops: RateOps, isNode: Bool) throws(DevlinkError) {
        let kind = isNode ? "nodes" : "leafs"
        func unsupported(_ what: String) -> DevlinkError {
            DevlinkError(.EOPNOTSUPP, "\(what) set isn't supported for the \(kind)")
        }
        if changes.txShare != nil, !ops.txShare { throw unsupported("TX share") }
        if changes.txMax != nil, !ops.txMax { throw unsupported("TX max") }
        if changes.parent != nil, !(isNode ? ops.nodeParent : ops.leafParent) { throw unsupported("Parent") }
        if changes.txPriority != nil, !ops.priority { throw unsupported("TX priority") }
        if changes.txWeight != nil, !ops.weight { throw unsupported("TX weight") }
        if changes.tcBandwidths != nil, !ops.tcBandwidth { throw unsupported("TC bandwidth") }
    }

    /// devlink_nl_rate_set: share, max, priority, weight, parent, tc-bw; stops at the first failure and
    /// keeps what was applied before it. `creating`: devlink_nl_rate_new_doit lists the node only
    /// after this, so the node cannot be found as its own parent.
    private mutating func applyRateChanges(device d: Int, target: RateHandle.Target,
                                           _ changes: RateChanges, creating: Bool = false) throws(DevlinkError) {
        if let share = changes.txShare {
            try validateRateValue(device: d, share)
            devices[d].rates.update(target) { $0.txShare = share }
        }
        if let max = changes.txMax {
            try validateRateValue(device: d, max)
            devices[d].rates.update(target) { $0.txMax = max }
        }
        if let priority = changes.txPriority { devices[d].rates.update(target) { $0.txPriority = priority } }
        if let weight = changes.txWeight { devices[d].rates.update(target) { $0.txWeight = weight } }
        if let parent = changes.parent { try setParent(device: d, target: target, parent, creating: creating) }
        if let entries = changes.tcBandwidths {
            var values = [UInt32](repeating: 0, count: RateObject.trafficClassCount)
            var seen = Set<UInt8>()
            for entry in entries {
                guard seen.insert(entry.index).inserted else {
                    throw DevlinkError(.EINVAL, "Duplicate traffic class index specified (\(entry.index))")
                }
                values[Int(entry.index)] = entry.bandwidth
            }
            guard seen.count == RateObject.trafficClassCount else {
                throw DevlinkError(.EINVAL, "Bandwidth values must be specified for all 8 traffic classes")
            }
            if devices[d].profile == .mlx5 { try mlx5CheckTrafficClasses(device: d, target: target, values) }
            devices[d].rates.update(target) { $0.tcBandwidths = values }
        }
    }

    /// devlink_nl_rate_parent_node_set: the core's checks, then the driver's parent op.
    private mutating func setParent(device d: Int, target: RateHandle.Target, _ parent: String,
                                    creating: Bool) throws(DevlinkError) {
        if parent.isEmpty {
            // "" unparents; without a parent the driver is not called and nothing happens.
            guard devices[d].rates.object(for: target)?.parent != nil else { return }
            try driverSetParent(device: d, target: target, nil)
            devices[d].rates.update(target) { $0.parent = nil }
            return
        }
        guard devices[d].rates.object(for: .node(name: parent)) != nil,
              !(creating && target == .node(name: parent)) else { throw DevlinkError(.ENODEV) }
        if case .node(let name) = target {
            guard name != parent else { throw DevlinkError(.EINVAL, "Parent to self is not allowed") }
            guard !devices[d].rates.isAncestor(name, of: parent) else {
                throw DevlinkError(.EEXIST, "Node is already a parent of parent node.")
            }
        }
        try driverSetParent(device: d, target: target, parent)
        devices[d].rates.update(target) { $0.parent = parent }
    }

    /// The driver's rate_leaf_parent_set / rate_node_parent_set (netdevsim's accept anything).
    private func driverSetParent(device d: Int, target: RateHandle.Target, _ parent: String?) throws(DevlinkError) {
        guard devices[d].profile == .mlx5 else { return }
        switch target {
        case .node(let name): try mlx5CheckNodeParent(device: d, node: name, parent)
        case .leaf(let index): try mlx5CheckLeafParent(device: d, leaf: index, parent)
        }
    }

    /// Driver unit checks: both drivers work in 1 Mbit/s units with a link maximum.
    private func validateRateValue(device d: Int, _ bytesPerSecond: UInt64) throws(DevlinkError) {
        let unit: UInt64 = 125_000
        let device = devices[d]
        switch device.profile {
        case .netdevsim:
            guard bytesPerSecond % unit == 0 else {
                throw DevlinkError(.EINVAL, device.driverMessage("TX rate value not in link speed units of 1Mbps."))
            }
            guard bytesPerSecond / unit <= 5000 else {
                throw DevlinkError(.EINVAL, device.driverMessage("TX rate value exceed link maximum speed 5000Mbps."))
            }
        case .mlx5:
            guard bytesPerSecond % unit == 0 else {
                throw DevlinkError(.EINVAL, device.driverMessage("TX rate value not in link speed units of 1Mbps"))
            }
            guard bytesPerSecond / unit <= device.config.linkSpeedMbps else {
                throw DevlinkError(.EINVAL, device.driverMessage("TX rate value exceed link maximum speed"))
            }
        }
    }
}

import DevlinkModel

/// RESOURCE_DUMP / RESOURCE_SET (net/devlink/resource.c) and what the drivers register.
extension EmulatorState {
    /// The resources a driver registers at probe.
    static func defaultResources(_ config: DeviceConfig) -> [Resource] {
        switch config.profile {
        case .netdevsim: return NetdevsimFib.resources
        case .mlx5:
            // mlx5_sf_hw_table_res_register (sf/hw_table.c), when the device has SF (vhca event)
            // support: min = max = size, so the sizes cannot change. External SFs only on an ECPF with
            // external controllers (modelling choice: the same table size as the local one).
            guard config.sfSupported else { return [] }
            let external = UInt64(config.isECPF && !config.externalControllers.isEmpty ? config.maxSFs : 0)
            let local = UInt64(config.maxSFs)
            return [
                Resource(name: "max_local_SFs", id: 1, size: local, sizeMin: local, sizeMax: local),
                Resource(name: "max_external_SFs", id: 2, size: external, sizeMin: external, sizeMax: external),
            ]
        }
    }

    /// devlink_nl_resource_dump_doit: a device without resources answers EOPNOTSUPP.
    func resources(_ handle: DeviceHandle) throws(DevlinkError) -> DeviceResources {
        let list = devices[try deviceIndexOrThrow(handle)].resources
        guard !list.isEmpty else { throw DevlinkError(.EOPNOTSUPP) }
        return DeviceResources(device: handle, resources: list)
    }

    /// devlink_nl_resource_set_doit: find by id (EINVAL), devlink_resource_validate_size (every check
    /// runs; the last failing one's message stands), then size_new and the size_valid of this
    /// resource and of its parent (devlink_resource_validate_children). No notification.
    mutating func setResourceSize(_ op: SetResourceSize) throws(DevlinkError) {
        let d = try deviceIndexOrThrow(op.device)
        guard let path = Self.path(to: op.id, in: devices[d].resources) else { throw DevlinkError(.EINVAL) }
        let resource = Self.resource(at: path, in: devices[d].resources)
        var message: String?
        if op.size > resource.sizeMax { message = "Size larger than maximum" }
        if op.size < resource.sizeMin { message = "Size smaller than minimum" }
        if resource.sizeGranularity != 0, op.size % resource.sizeGranularity != 0 { message = "Wrong granularity" }
        if let message { throw DevlinkError(.EINVAL, message) }
        Self.update(&devices[d].resources, at: path) { $0.sizeNew = op.size }
        Self.update(&devices[d].resources, at: path) { Self.validateChildren(&$0) }
        if path.count > 1 {
            Self.update(&devices[d].resources, at: Array(path.dropLast())) { Self.validateChildren(&$0) }
        }
    }

    /// devlink_nl_reload_doit's first step (devlink_resources_validate): EINVAL while any resource's
    /// children do not fit.
    func validateResourcesForReload(_ d: Int) throws(DevlinkError) {
        if devices[d].resources.flatMap(\.flattened).contains(where: { !$0.sizeValid }) {
            throw DevlinkError(.EINVAL, "resources size validation failed")
        }
    }

    /// devl_resource_size_get: the driver reads a resource's new size, which makes it the size.
    mutating func readResourceSize(device d: Int, id: UInt64) -> UInt64? {
        guard let path = Self.path(to: id, in: devices[d].resources) else { return nil }
        var size: UInt64 = 0
        Self.update(&devices[d].resources, at: path) { $0.size = $0.sizeNew; size = $0.size }
        return size
    }

    /// Sum of the children's new sizes, wrapping as the kernel's u64 does.
    private static func validateChildren(_ r: inout Resource) {
        guard !r.children.isEmpty else { r.sizeValid = true; return }
        let parts = r.children.reduce(UInt64(0)) { $0 &+ $1.sizeNew }
        r.sizeValid = parts <= r.sizeNew
    }

    private static func path(to id: UInt64, in list: [Resource]) -> [Int]? {
        for (i, r) in list.enumerated() {
            if r.id == id { return [i] }
            if let rest = path(to: id, in: r.children) { return [i] + rest }
        }
        return nil
    }

    private static func resource(at path: [Int], in list: [Resource]) -> Resource {
        let r = list[path[0]]
        return path.count == 1 ? r : resource(at: Array(path.dropFirst()), in: r.children)
    }

    private static func update(_ list: inout [Resource], at path: [Int], _ body: (inout Resource) -> Void) {
        if path.count == 1 { return body(&list[path[0]]) }
        update(&list[path[0]].children, at: Array(path.dropFirst()), body)
    }
}

/// netdevsim's FIB resources (nsim_dev_resources_register, drivers/net/netdevsim/dev.c; ids from
/// enum nsim_resource_id) and the occupancy nsim_fib counts from the host's FIB notifier replay.
enum NetdevsimFib {
    static let unlimited = UInt64.max

    /// The ids nsim_fib_set_max_all reads at every (re)load: the leaves, never IPv4/IPv6 themselves.
    static let readAtLoad: [UInt64] = [2, 3, 5, 6, 7]

    /// Occupancy as the guest's 6.12 kernel reports it in a freshly booted namespace (its local routes
    /// and default rules): IPv4 3 routes / 3 rules, IPv6 1 route / 2 rules, no nexthops. The emulator
    /// models no routing, so these stay as they are.
    static let resources: [Resource] = [
        Resource(name: "IPv4", id: 1, size: unlimited, sizeMax: unlimited, children: [
            Resource(name: "fib", id: 2, size: unlimited, sizeMax: unlimited, occupancy: 3),
            Resource(name: "fib-rules", id: 3, size: unlimited, sizeMax: unlimited, occupancy: 3),
        ]),
        Resource(name: "IPv6", id: 4, size: unlimited, sizeMax: unlimited, children: [
            Resource(name: "fib", id: 5, size: unlimited, sizeMax: unlimited, occupancy: 1),
            Resource(name: "fib-rules", id: 6, size: unlimited, sizeMax: unlimited, occupancy: 2),
        ]),
        Resource(name: "nexthops", id: 7, size: unlimited, sizeMax: unlimited, occupancy: 0),
    ]
}

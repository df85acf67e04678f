/// `enum devlink_resource_unit`.
public enum ResourceUnit: UInt8, DevlinkNamed, Codable {
    case entry = 0

    /// iproute2's resource_unit_str_get.
    public var name: String { "entry" }
}

/// One devlink resource as RESOURCE_DUMP reports it (devlink_resource_put), with its children.
public struct Resource: Equatable, Sendable, Codable {
    public var name: String
    public var id: UInt64
    /// The size the driver runs with.
    public var size: UInt64
    /// The size set with `resource set`, applied at the next reload (the kernel sends it only when it
    /// differs from `size`).
    public var sizeNew: UInt64
    /// For a resource with children: whether the children's new sizes fit in this one's new size.
    public var sizeValid: Bool
    public var sizeMin: UInt64
    public var sizeMax: UInt64
    public var sizeGranularity: UInt64
    public var unit: ResourceUnit
    /// The driver's occupancy counter, when it registered one.
    public var occupancy: UInt64?
    public var children: [Resource]

    public init(name: String, id: UInt64, size: UInt64, sizeNew: UInt64? = nil, sizeValid: Bool = true,
                sizeMin: UInt64 = 0, sizeMax: UInt64, sizeGranularity: UInt64 = 1, unit: ResourceUnit = .entry,
                occupancy: UInt64? = nil, children: [Resource] = []) {
        (self.name, self.id, self.size, self.sizeNew, self.sizeValid) = (name, id, size, sizeNew ?? size, sizeValid)
        (self.sizeMin, self.sizeMax, self.sizeGranularity, self.unit) = (sizeMin, sizeMax, sizeGranularity, unit)
        (self.occupancy, self.children) = (occupancy, children)
    }

    /// This resource and all below it, depth first (the kernel's order).
    public var flattened: [Resource] { [self] + children.flatMap(\.flattened) }
}

/// The resources of one device (`resource show DEV`).
public struct DeviceResources: Equatable, Sendable {
    public var device: DeviceHandle
    public var resources: [Resource]

    public init(device: DeviceHandle, resources: [Resource]) {
        (self.device, self.resources) = (device, resources)
    }

    /// The resource at `path` (`/IPv4/fib` or `IPv4/fib`), found by name level by level as iproute2's
    /// resource_path_parse does; nil when a name is unknown.
    public func resource(atPath path: String) -> Resource? {
        var level = resources
        var found: Resource?
        for name in path.split(separator: "/", omittingEmptySubsequences: true) {
            guard let next = level.first(where: { $0.name == name }) else { return nil }
            found = next
            level = next.children
        }
        return found
    }
}

/// `resource show DEV` (DEVLINK_CMD_RESOURCE_DUMP, a do request despite its name).
public typealias ListResources = DeviceRead<ResourcesRead>
public enum ResourcesRead: ReadSubject {
    public typealias Reply = DeviceResources; public static let command = "DEVLINK_CMD_RESOURCE_DUMP"
}

/// `resource set DEV path PATH size SIZE` (DEVLINK_CMD_RESOURCE_SET): the path already resolved to
/// the resource's id, as devlink does before sending.
public struct SetResourceSize: DeviceOperation {
    public typealias Reply = Void
    public static let command = "DEVLINK_CMD_RESOURCE_SET"
    public var device: DeviceHandle
    public var id: UInt64
    public var size: UInt64
    public init(_ device: DeviceHandle, id: UInt64, size: UInt64) { (self.device, self.id, self.size) = (device, id, size) }
}

import DevlinkModel

/// RDMA (IB) devices of mlx5 functions. Names come from a template, `mlx5_%d` or `mlx5_bond_%d`, taking
/// the lowest free number for that template, as the RDMA core does (lag.md §2).
struct RdmaTable: Equatable, Sendable, Codable {
    struct Device: Equatable, Sendable, Codable {
        var name: String
        var parent: DeviceHandle
    }

    /// In registration order.
    private(set) var devices: [Device] = []

    /// Registers a device for `parent` named from `prefix` (`"mlx5_"`, `"mlx5_bond_"`); returns the name.
    @discardableResult
    mutating func add(prefix: String, parent: DeviceHandle) -> String {
        let used = Set(devices.compactMap { d -> Int? in
            guard d.name.hasPrefix(prefix) else { return nil }
            return Int(d.name.dropFirst(prefix.count))
        })
        var number = 0
        while used.contains(number) { number += 1 }
        let name = "\(prefix)\(number)"
        devices.append(Device(name: name, parent: parent))
        return name
    }

    mutating func remove(parent: DeviceHandle) {
        devices.removeAll { $0.parent == parent }
    }

    func names(of parent: DeviceHandle) -> [String] {
        devices.filter { $0.parent == parent }.map(\.name)
    }
}

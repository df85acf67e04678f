import DevlinkModel

/// The mutable state of one devlink instance.
struct DeviceState: Equatable, Sendable, Codable {
    var config: DeviceConfig
    var eswitchMode: EswitchMode
    var inlineMode: EswitchInlineMode = .none
    var encapMode: EswitchEncapMode = .basic
    var numVFs: UInt32 = 0
    var ports: [UInt32: PortRecord] = [:]
    /// (controller, sfnum) → port index: sfnum is unique per controller.
    var sfNumbers: [SFKey: UInt32] = [:]
    /// SF hardware ids per controller table: next never-used id and ids freed by deletions.
    var sfIDs: [UInt32: IDAllocator] = [:]
    var rates = RateTable()
    var params: [ParamRecord]
    var nextPortSequence: UInt64 = 0
    /// devlink resources the driver registered (Resource/ResourceOperations.swift).
    var resources: [Resource] = []
    /// devlink_reload_failed_set: the last reload's reload_up failed (the driver is half down).
    var reloadFailed = false
    /// devlink->stats.reload_stats, indexed by ReloadStats.index; nil before the first reload.
    var reloadStats: [UInt32]?
    /// The physical ports a reload brings back (netdevsim re-adds its bus device's ports), kept while a
    /// failed reload leaves the device without any.
    var physicalPortsAtProbe: [Port] = []
    /// Set when this instance is an SF's own (`auxiliary/mlx5_core.sf.N`), SFDevice/SFAuxDevice.swift.
    var sfAux: SFAuxDevice?
    /// Device health reporters (Health/HealthOperations.swift).
    var healthReporters: [HealthReporterRecord] = []
    /// netdevsim's health debugfs state (Health/HealthDriverOps.swift); nil until first used.
    var nsimHealth: NetdevsimHealth?

    struct SFKey: Hashable, Sendable, Codable {
        var controller: UInt32
        var sfnum: UInt32
    }

    var handle: DeviceHandle { config.handle }
    var profile: DriverProfile { config.profile }

    /// Port listing in ascending index order (the kernel's xarray order).
    func sortedPorts() -> [Port] {
        guard !ports.isEmpty else { return [] }   // most SF instances: no port until their eth loads
        return ports.keys.sorted().compactMap { ports[$0]?.port }
    }

    /// "mlx5_core: text" — the NL_SET_ERR_MSG_MOD form.
    func driverMessage(_ text: String) -> String { "\(config.profile.module): \(text)" }
}

/// Lowest-free id allocation, like mlx5's SF hardware table scan.
struct IDAllocator: Equatable, Sendable, Codable {
    private var next: UInt32 = 0
    private var freed: Set<UInt32> = []

    /// The lowest free id below `limit`, or nil when the table is full.
    mutating func allocate(limit: UInt32) -> UInt32? {
        // Ids are usually handed out in order; the freed set is only searched after deletions.
        if let lowest = freed.min() {
            freed.remove(lowest)
            return lowest
        }
        guard next < limit else { return nil }
        defer { next += 1 }
        return next
    }

    mutating func release(_ id: UInt32) {
        if id + 1 == next {
            next -= 1
            while let top = next.checkedPredecessor, freed.remove(top) != nil { next = top }
        } else {
            freed.insert(id)
        }
    }
}

extension UInt32 {
    fileprivate var checkedPredecessor: UInt32? { self == 0 ? nil : self - 1 }
}

/// A parameter with its per-cmode values and what the driver accepts.
struct ParamRecord: Equatable, Sendable, Codable {
    var name: String
    var generic: Bool
    var type: ParamType
    var values: [ParamCMode: ParamValue]

    func param(device: DeviceHandle) -> Param {
        let modes = ParamCMode.allCases.compactMap { cmode in
            values[cmode].map { Param.ModeValue(cmode: cmode, value: $0) }
        }
        return Param(device: device, name: name, generic: generic, type: type, values: modes)
    }
}

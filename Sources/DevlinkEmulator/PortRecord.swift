import DevlinkModel

/// What a port is to the driver; decides which operations it supports.
enum PortRole: Equatable, Sendable, Codable {
    /// Physical uplink port (possibly one of a split group).
    case physical
    case vf(vf: UInt16)
    case sf(controller: UInt32, sfnum: UInt32, hwID: UInt32)
    /// Host PF of an external controller (mlx5 ECPF).
    case hostPF(controller: UInt32)
}

/// mlx5 SF hardware states (vhca states) and their devlink state/opstate mapping (reference §4.2).
enum SFHardwareState: Equatable, Sendable, Codable {
    case allocated, active, inUse, teardownRequest

    var state: FunctionState { self == .active || self == .inUse ? .active : .inactive }
    var opstate: FunctionOpState { self == .inUse || self == .teardownRequest ? .attached : .detached }
}

/// One registered port: the reported attributes plus driver-private state.
struct PortRecord: Equatable, Sendable, Codable {
    var port: Port
    var role: PortRole
    var sfState: SFHardwareState?
    /// mlx5: max_io_eqs explicitly set by the user (else activation applies the default of 8).
    var maxIOEQsSet = false
    /// Creation order, for the rate leaf order and deterministic iteration.
    var sequence: UInt64
    /// For split ports: the spec of the port they came from, to restore on unsplit.
    var splitFrom: PhysicalPortSpec?
    /// Physical ports whose topology made them splittable get split/unsplit ops.
    var hasSplitOps = false
    /// An SF port's own devlink instance while its driver has it (SFDevice/SFAuxDevice.swift), so
    /// that it is found without walking every device.
    var sfDevice: DeviceHandle?

    var isSF: Bool {
        if case .sf = role { return true }
        return false
    }

    var isVF: Bool {
        if case .vf = role { return true }
        return false
    }
}

extension EmulatorState {
    /// Changes a port's record where the table keeps it: one lookup of its index, and the record is
    /// not moved out of the table and back in, as `ports[index]?.field = value` does. Nothing happens
    /// for a port that is not there (the result is then nil).
    @discardableResult
    mutating func modifyPort<T>(device d: Int, _ index: UInt32, _ change: (inout PortRecord) -> T) -> T? {
        guard let i = devices[d].ports.index(forKey: index) else { return nil }
        return change(&devices[d].ports.values[i])
    }
}

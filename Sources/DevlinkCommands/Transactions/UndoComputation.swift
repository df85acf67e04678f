import DevlinkModel

/// How the journal works out an inverse request from the state read before and after a change.
extension JournalingSession {
    /// Sets back each requested function attribute that changed. An activation is undone by deactivating
    /// first and then restoring the attributes (drivers want them set while inactive); a deactivation by
    /// one request that restores the attributes and then (the kernel applies state last) the state.
    static func functionUndo(_ handle: PortHandle, requested: PortFunctionChanges, old: PortFunction,
                             now: PortFunction) -> [UndoStep] {
        let fields: [UndoField<PortFunctionChanges, PortFunction>] = [
            UndoField(\.hwAddr, \.hwAddr), UndoField(\.roce, \.roce), UndoField(\.migratable, \.migratable),
            UndoField(\.ipsecCrypto, \.ipsecCrypto), UndoField(\.ipsecPacket, \.ipsecPacket), UndoField(\.maxIOEQs, \.maxIOEQs),
        ]
        var attrs = UndoField.undo(fields, requested: requested, old: old, now: now, from: PortFunctionChanges())
        var steps: [UndoStep] = []
        let stateChanged = requested.state != nil && old.state != nil && now.state != old.state
        if stateChanged, old.state == .inactive {
            steps.append(.setFunction(handle, PortFunctionChanges(state: .inactive)))
        } else if stateChanged {
            attrs.state = old.state
        }
        if !attrs.isEmpty { steps.append(.setFunction(handle, attrs)) }
        return steps
    }

    /// The old value of each requested rate attribute that changed ("" = no parent).
    static func rateUndo(requested: RateChanges, old: RateObject, now: RateObject) -> RateChanges {
        let fields: [UndoField<RateChanges, RateObject>] = [
            UndoField(\.txShare, \.txShare), UndoField(\.txMax, \.txMax), UndoField(\.txPriority, \.txPriority),
            UndoField(\.txWeight, \.txWeight), UndoField(\.parent, \.parent) { $0 ?? "" },
            UndoField(\.tcBandwidths, \.tcBandwidths, RateObject.entries),
        ]
        return UndoField.undo(fields, requested: requested, old: old, now: now, from: RateChanges())
    }
}

/// One attribute a change request may name, and how to set it back: the request's field, the object's
/// field the change moves, and the request value that gives the old value back.
struct UndoField<Changes, Object> {
    let restore: (_ undo: inout Changes, _ requested: Changes, _ old: Object, _ now: Object) -> Void

    init<Value: Equatable, Wanted>(_ change: WritableKeyPath<Changes, Wanted?>, _ value: KeyPath<Object, Value>,
                                   _ request: @escaping (Value) -> Wanted?) {
        restore = { undo, requested, old, now in
            if requested[keyPath: change] != nil, now[keyPath: value] != old[keyPath: value] {
                undo[keyPath: change] = request(old[keyPath: value])
            }
        }
    }

    init<Value: Equatable>(_ change: WritableKeyPath<Changes, Value?>, _ value: KeyPath<Object, Value>) {
        self.init(change, value) { $0 }
    }

    init<Value: Equatable>(_ change: WritableKeyPath<Changes, Value?>, _ value: KeyPath<Object, Value?>) {
        self.init(change, value) { $0 }
    }

    /// The old value of each attribute `requested` names that the change moved, added to `empty`.
    static func undo(_ fields: [UndoField], requested: Changes, old: Object, now: Object, from empty: Changes) -> Changes {
        var undo = empty
        for field in fields { field.restore(&undo, requested, old, now) }
        return undo
    }
}

/// A device's ports and rate objects before a device-wide change (eswitch mode, SR-IOV), which may take
/// subfunctions, VF ports, their leaves and rate nodes with it.
struct DeviceView {
    let device: DeviceHandle
    let ports: [Port]
    let rates: [RateObject]

    init(_ session: DeviceSession, _ device: DeviceHandle) throws {
        self.device = device
        ports = try session.ports(of: device)
        rates = try session.rates(of: device)
    }

    /// What vanished since this view was taken, as one step to replay after the change itself was undone.
    func collateral(_ session: DeviceSession) -> [UndoStep] {
        guard let portsNow = try? session.ports(of: device), let ratesNow = try? session.rates(of: device) else { return [] }
        let portHandles = Set(portsNow.map(\.handle))
        let rateHandles = Set(ratesNow.map(\.handle))
        let ports = self.ports.filter { !portHandles.contains($0.handle) && ($0.flavour == .pcisf || $0.flavour == .pcivf) }
        let vanishedPorts = Set(ports.map(\.handle))
        let nodes = rates.filter { $0.handle.isNode && !rateHandles.contains($0.handle) }
        let vanishedNodes = Set(nodes.compactMap(\.nodeName))
        // Leaves of vanished ports, and surviving objects whose parent node vanished.
        let leaves = rates.filter { rate in
            if let index = rate.portIndex, vanishedPorts.contains(PortHandle(device: device, index: index)) { return true }
            return rateHandles.contains(rate.handle) && rate.parent.map(vanishedNodes.contains) == true
        }
        if ports.isEmpty && nodes.isEmpty { return [] }
        return [.restoreCollateral(device, ports: ports, leaves: leaves, nodes: nodes)]
    }
}

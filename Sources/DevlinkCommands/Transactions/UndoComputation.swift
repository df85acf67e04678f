import DevlinkModel

/// How the journal works out an inverse request from the state read before and after a change.
extension JournalingSession {
    /// Sets back each requested function attribute that changed. An activation is undone by deactivating
    /// first and then restoring the attributes (drivers want them set while inactive); a deactivation by
    /// one request that restores the attributes and then (the kernel applies state last) the state.
    static func functionUndo(_ handle: PortHandle, requested: PortFunctionChanges, old: PortFunction,
                             now: PortFunction) -> [UndoStep] {
        var attrs = PortFunctionChanges()
        if requested.hwAddr != nil, now.hwAddr != old.hwAddr { attrs.hwAddr = old.hwAddr }
        if requested.roce != nil, now.roce != old.roce { attrs.roce = old.roce }
        if requested.migratable != nil, now.migratable != old.migratable { attrs.migratable = old.migratable }
        if requested.ipsecCrypto != nil, now.ipsecCrypto != old.ipsecCrypto { attrs.ipsecCrypto = old.ipsecCrypto }
        if requested.ipsecPacket != nil, now.ipsecPacket != old.ipsecPacket { attrs.ipsecPacket = old.ipsecPacket }
        if requested.maxIOEQs != nil, now.maxIOEQs != old.maxIOEQs { attrs.maxIOEQs = old.maxIOEQs }
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
        var undo = RateChanges()
        if requested.txShare != nil, now.txShare != old.txShare { undo.txShare = old.txShare }
        if requested.txMax != nil, now.txMax != old.txMax { undo.txMax = old.txMax }
        if requested.txPriority != nil, now.txPriority != old.txPriority { undo.txPriority = old.txPriority }
        if requested.txWeight != nil, now.txWeight != old.txWeight { undo.txWeight = old.txWeight }
        if requested.parent != nil, now.parent != old.parent { undo.parent = old.parent ?? "" }
        if requested.tcBandwidths != nil, now.tcBandwidths != old.tcBandwidths {
            undo.tcBandwidths = RateObject.entries(old.tcBandwidths)
        }
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

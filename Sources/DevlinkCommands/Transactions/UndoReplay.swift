import DevlinkModel

/// Replays undo steps against the real session, newest first. A port that had to be added back may get
/// a new index from the driver: older steps that name the old handle are redirected to the new one.
struct UndoReplay {
    let session: DeviceSession
    private var renamed: [PortHandle: PortHandle] = [:]

    init(session: DeviceSession) {
        self.session = session
    }

    /// Runs every step (a failed one does not stop the others) and describes each failure.
    func run(_ steps: [UndoStep]) -> [String] {
        var replay = self
        var failures: [String] = []
        for step in steps {
            // Its description already says what was not undone and why.
            if case .irreversible(let what) = step { failures.append(what); continue }
            do {
                try replay.apply(step)
            } catch {
                failures.append("\(replay.redirected(step)): \(error)")
            }
        }
        return failures
    }

    private func port(_ handle: PortHandle) -> PortHandle { renamed[handle] ?? handle }

    private func rate(_ handle: RateHandle) -> RateHandle {
        guard case .leaf(let index) = handle.target else { return handle }
        return .leaf(port(PortHandle(device: handle.device, index: index)))
    }

    private func redirected(_ step: UndoStep) -> String {
        switch step {
        case .deletePort(let h): UndoStep.deletePort(port(h)).description
        case .setFunction(let h, let c): UndoStep.setFunction(port(h), c).description
        case .setRate(let h, let c): UndoStep.setRate(rate(h), c).description
        default: step.description
        }
    }

    private mutating func apply(_ step: UndoStep) throws {
        switch step {
        case .deletePort(let h): try session.deletePort(port(h))
        case .recreatePort(let old, let leaf): try recreate(old, leaf: leaf)
        case .setPortType(let h, let type): try session.setPortType(port(h), type)
        case .unsplit(let h, let original):
            let group = try session.port(port(h)).splitGroup
            try session.unsplitPort(port(h))
            if let group, let restored = JournalingSession.unsplitPort(try session.ports(of: h.device), number: group) {
                renamed[original] = restored.handle
            }
        case .split(let h, let count, let subports):
            let number = try session.port(port(h)).portNumber
            try session.splitPort(port(h), count: count)
            for new in JournalingSession.splitMembers(try session.ports(of: h.device), group: number ?? 0) {
                if let n = new.splitSubportNumber, let old = subports[n] { renamed[old] = new.handle }
            }
        case .setFunction(let h, let changes): try session.setPortFunction(port(h), changes)
        case .setRate(let h, let changes): try session.setRate(rate(h), changes)
        case .deleteRateNode(let h): try session.deleteRateNode(h)
        case .recreateRateNode(let node): try session.addRateNode(node.handle, node.asChanges)
        case .setEswitch(let d, let changes): try session.setEswitch(d, changes)
        case .setSriovNumVFs(let d, let count): try session.setSriovNumVFs(d, count)
        case .setParam(let d, let name, let value, let cmode): try session.setParam(d, name: name, value: value, cmode: cmode)
        case .setResourceSize(let d, _, let id, let size): try session.perform(SetResourceSize(d, id: id, size: size))
        case .setHealthReporter(let op): try session.perform(op)
        case .restoreCollateral(let d, let ports, let leaves, let nodes):
            try restoreCollateral(d, ports: ports, leaves: leaves, nodes: nodes)
        case .irreversible: break   // reported by run, never replayed
        case .deleteLink, .recreateBond, .changeBond, .enslave, .release, .setLink, .deleteRoute, .restoreRoute,
             .setBondSlavePrio:
            guard let links = session.linkSession else { throw TransactionError("this backend has no link support") }
            try Self.applyLink(step, on: links)
        }
    }

    /// Adds a subfunction back, then sets the function attributes and the leaf rate it had.
    private mutating func recreate(_ old: Port, leaf: RateObject?) throws {
        let controller = old.external == true ? old.controller : nil
        let new = try addPortOnceReleased(PortAddRequest(device: old.device, flavour: old.flavour, pfnum: old.pfnum,
                                                         sfnum: old.sfnum, controller: controller))
        renamed[old.handle] = new.handle
        try restoreFunction(new.handle, to: old.function, from: new.function)
        if let leaf { try restoreRate(.leaf(new.handle), to: leaf) }
    }

    /// An SF deleted while active keeps its sfnum until the firmware reports the function detached
    /// (mlx5_sf_hw_table_sf_deferred_free): EEXIST is retried while the session lets driver work
    /// progress (the emulator finishes it in one settle; the kernel is polled for about 2 s).
    private func addPortOnceReleased(_ request: PortAddRequest) throws -> Port {
        var attempts = 0
        while true {
            do {
                return try session.addPort(request)
            } catch let error as DevlinkError where error.errno == .EEXIST && attempts < 40 {
                attempts += 1
                let more = try session.settle()
                guard more || attempts == 1 else { throw error }
            }
        }
    }

    private func restoreFunction(_ handle: PortHandle, to old: PortFunction?, from now: PortFunction?) throws {
        guard let old else { return }
        let now = now ?? PortFunction()
        var changes = PortFunctionChanges()
        if old.hwAddr != now.hwAddr { changes.hwAddr = old.hwAddr }
        if old.roce != now.roce { changes.roce = old.roce }
        if old.migratable != now.migratable { changes.migratable = old.migratable }
        if old.ipsecCrypto != now.ipsecCrypto { changes.ipsecCrypto = old.ipsecCrypto }
        if old.ipsecPacket != now.ipsecPacket { changes.ipsecPacket = old.ipsecPacket }
        if old.state != now.state { changes.state = old.state }
        if !changes.isEmpty { try session.setPortFunction(handle, changes) }
    }

    private func restoreRate(_ handle: RateHandle, to old: RateObject) throws {
        let now = try session.rate(handle)
        let undo = JournalingSession.rateUndo(
            requested: RateChanges(txShare: 0, txMax: 0, txPriority: 0, txWeight: 0, parent: "", tcBandwidths: []),
            old: old, now: now)
        if !undo.isEmpty { try session.setRate(handle, undo) }
    }

    /// Rate nodes first (values, then parents, once all exist), then ports (subfunctions added back, VF
    /// ports found again by VF number), then the leaves' values and parents.
    private mutating func restoreCollateral(_ device: DeviceHandle, ports: [Port], leaves: [RateObject],
                                            nodes: [RateObject]) throws {
        for node in nodes.reversed() {
            var values = node.asChanges
            values.parent = nil
            try session.addRateNode(node.handle, values)
        }
        for node in nodes where node.parent != nil {
            try session.setRate(node.handle, RateChanges(parent: node.parent))
        }
        var leavesByPort: [PortHandle: RateObject] = [:]
        for leaf in leaves { if let i = leaf.portIndex { leavesByPort[PortHandle(device: device, index: i)] = leaf } }
        for old in ports {
            if old.flavour == .pcisf {
                try recreate(old, leaf: leavesByPort.removeValue(forKey: old.handle))
                continue
            }
            let current = try session.ports(of: device).first {
                $0.flavour == old.flavour && $0.pfnum == old.pfnum && $0.vfnum == old.vfnum
            }
            guard let current else { throw TransactionError("port \(old.handle) did not come back") }
            renamed[old.handle] = current.handle
            try restoreFunction(current.handle, to: old.function, from: current.function)
        }
        for (handle, leaf) in leavesByPort { try restoreRate(.leaf(port(handle)), to: leaf) }
        for node in leaves where node.portIndex == nil { try restoreRate(node.handle, to: node) }
    }
}

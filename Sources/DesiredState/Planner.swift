import DevlinkModel

/// Document + observed state → ordered steps (docs/desired-state.md, "Order"). Per device: teardown
/// where a mode change needs it, then eswitch/SR-IOV/params, then ports, then rates; bonds last.
public enum Planner {
    public static func plan(_ document: DesiredDocument, against observed: ObservedState) throws(PlanError) -> Plan {
        var steps: [PlanStep] = []
        for want in document.devices {
            let path = Node.path("$.devices", want.handle.description)
            guard let current = observed.device(want.handle) else {
                let known = observed.handles.map(\.description).joined(separator: ", ")
                throw PlanError(path: path, message: "no such device (devices here: \(known.isEmpty ? "none" : known))")
            }
            var device = DevicePlanner(current: current, want: want, prune: want.prune ?? document.prune, path: path)
            try device.plan()
            steps += device.steps
            ExitKeeper.keep(device)
        }
        if let bonds = document.bonds {
            steps += try BondPlanner.plan(bonds, current: observed.bonds, prune: document.prune)
        }
        var ports: KnownPorts?
        if let source = observed.source {
            var handles: [DeviceHandle: [PortKey: PortHandle]] = [:]
            for device in observed.devices { handles[device.handle] = device.ports.mapValues(\.handle) }
            ports = KnownPorts(source: source, handles: handles)
        }
        return Plan(steps: steps, ports: ports)
    }
}

/// One device's steps, with the state the steps so far leave behind (`ports`, `nodes`, `leaves`).
struct DevicePlanner {
    let current: ObservedState.Device
    /// The document's device; after a legacy window, plus what the window deletes and must come back.
    var want: DeviceDocument
    let prune: Bool
    let path: String
    var steps: [PlanStep] = []
    /// Ports as they will be when the next step runs: a nil port is one this plan creates (its index,
    /// and its function's attributes, are known only when the step runs).
    var ports: [PortKey: Port?]
    var nodes: [String: RateObject]
    var leaves: [PortKey: RateObject]
    /// SFs this plan deletes: creating one again must wait for the driver to free its sfnum.
    var deletedSFs: Set<PortKey> = []

    var handle: DeviceHandle { current.handle }
    var profile: DriverRules.Profile { current.profile }

    init(current: ObservedState.Device, want: DeviceDocument, prune: Bool, path: String) {
        self.current = current
        self.want = want
        self.prune = prune
        self.path = path
        ports = current.ports.mapValues { Optional($0) }
        nodes = current.nodes
        leaves = current.leaves
    }

    mutating func add(_ op: PlanStep.Op, _ command: String, _ action: StepAction, change: String? = nil,
                      wait: WaitCondition? = nil) {
        steps.append(PlanStep(op: op, command: command, change: change, action: action, wait: wait))
    }

    /// `pci/0000:06:00.0/32768`, or `pci/0000:06:00.0/{sf/88}` for a port this plan creates.
    func portText(_ key: PortKey) -> String {
        if let known = ports[key], let port = known { return port.handle.description }
        return "\(handle)/{\(key)}"
    }

    mutating func plan() throws(PlanError) {
        let currentMode = current.eswitch?.mode
        let wantMode = want.eswitch?.mode ?? currentMode
        if want.eswitch?.mode != nil, currentMode == nil {
            throw PlanError(path: path + ".eswitch", message: "this device reports no eswitch mode")
        }
        if want.numVFs != nil, current.numVFs == nil {
            throw PlanError(path: path + ".sriov", message: "this device has no SR-IOV VF count")
        }
        let currentVFs = current.numVFs ?? 0
        let wantVFs = want.numVFs ?? currentVFs
        let vfsChange = wantVFs != currentVFs
        let paramSteps = try paramChanges()
        let legacyOnly = DriverRules.legacyOnlyParams(profile)
        let legacyParams = paramSteps.filter { legacyOnly.contains($0.name) }
        let inSwitchdev = currentMode == .switchdev
        let toSwitchdev = wantMode == .switchdev
        // A legacy window inside switchdev: for params only legacy mode takes, and for a VF count
        // change (DriverRules.numVFsChangeNeedsLegacy).
        let window = inSwitchdev && toSwitchdev
            && (!legacyParams.isEmpty || (vfsChange && DriverRules.numVFsChangeNeedsLegacy(profile, currentVFs: currentVFs)))
        let leaving = inSwitchdev && (!toSwitchdev || window)
        if leaving {
            let old = captureSwitchdevObjects()
            try teardown(window: window)
            if window { carryOver(old, vfCount: wantVFs) }
            add(.change, "dev eswitch set \(handle) mode legacy", .eswitch(handle, EswitchChanges(mode: .legacy)),
                change: "mode switchdev → legacy" + (window ? ", until the switchdev step below" : ""))
        }
        for param in legacyParams { emit(param) }
        if vfsChange {
            if currentVFs != 0, wantVFs != 0 {
                add(.change, "dev sriov set \(handle) numvfs 0", .numVFs(handle, 0), change: "numvfs \(currentVFs) → 0")
            }
            add(.change, "dev sriov set \(handle) numvfs \(wantVFs)", .numVFs(handle, wantVFs),
                change: "numvfs \(currentVFs != 0 && wantVFs != 0 ? 0 : currentVFs) → \(wantVFs)")
            // The VF ports (representors) of the new count appear in switchdev; their indexes and
            // function attributes are known only then.
            ports = ports.filter { !isVF($0.key) }
            leaves = leaves.filter { !isVF($0.key) }
        }
        if toSwitchdev && (!inSwitchdev || window) {
            add(.change, "dev eswitch set \(handle) mode switchdev", .eswitch(handle, EswitchChanges(mode: .switchdev)),
                change: "mode \(window ? "legacy" : (currentMode?.name ?? "none")) → switchdev")
        }
        if toSwitchdev, vfsChange || !inSwitchdev || window {
            for n in 0..<wantVFs { ports[.vf(n)] = .some(nil) }
        }
        try eswitchAttributes()
        for param in paramSteps where !legacyOnly.contains(param.name) { emit(param) }
        try planPorts(finalMode: wantMode, vfCount: wantVFs)
        try planRates()
    }

    private func isVF(_ key: PortKey) -> Bool { if case .vf = key { true } else { false } }

    /// inline-mode and encap-mode, in one request after the mode.
    private mutating func eswitchAttributes() throws(PlanError) {
        guard let eswitch = want.eswitch else { return }
        var changes = EswitchChanges()
        var words: [String] = []
        var notes: [String] = []
        if let inline = eswitch.inlineMode, inline != current.eswitch?.inlineMode {
            changes.inlineMode = inline
            words.append("inline-mode \(inline.name)")
            notes.append("inline-mode \(current.eswitch?.inlineMode?.name ?? "none") → \(inline.name)")
        }
        if let encap = eswitch.encapMode, encap != current.eswitch?.encapMode {
            changes.encapMode = encap
            words.append("encap-mode \(encap.name)")
            notes.append("encap-mode \(current.eswitch?.encapMode?.name ?? "none") → \(encap.name)")
        }
        guard !changes.isEmpty else { return }
        add(.change, "dev eswitch set \(handle) " + words.joined(separator: " "), .eswitch(handle, changes),
            change: notes.joined(separator: ", "))
    }

    // MARK: params

    struct ParamChange {
        var name: String
        var cmode: ParamCMode
        var value: ParamValue
        var old: ParamValue?
    }

    private func paramChanges() throws(PlanError) -> [ParamChange] {
        var out: [ParamChange] = []
        for wanted in want.params ?? [] {
            let paramPath = Node.path(path + ".params", wanted.name)
            guard let param = current.params.first(where: { $0.name == wanted.name }) else {
                let known = current.params.map(\.name).joined(separator: ", ")
                throw PlanError(path: paramPath, message: "the device has no param \(wanted.name) (it has: \(known))")
            }
            guard let value = Self.paramValue(wanted.value, type: param.type) else {
                throw PlanError(path: paramPath + ".value", message: "param \(wanted.name) is of type \(param.type.name)")
            }
            let old = param.value(in: wanted.cmode)
            if old == nil, !param.values.isEmpty {
                let modes = param.values.map(\.cmode.name).joined(separator: ", ")
                throw PlanError(path: paramPath + ".cmode", message: "param \(wanted.name) has cmode \(modes)")
            }
            if old != value { out.append(ParamChange(name: wanted.name, cmode: wanted.cmode, value: value, old: old)) }
        }
        return out
    }

    static func paramValue(_ scalar: ParamDocument.Scalar, type: ParamType) -> ParamValue? {
        switch (scalar, type) {
        case (.bool(let flag), .bool): return .bool(flag)
        case (.string(let text), .string): return .string(text)
        case (.number(let n), .u8): return UInt8(exactly: n).map { .u8($0) }
        case (.number(let n), .u16): return UInt16(exactly: n).map { .u16($0) }
        case (.number(let n), .u32): return UInt32(exactly: n).map { .u32($0) }
        case (.number(let n), .u64): return .u64(n)
        default: return nil
        }
    }

    private mutating func emit(_ param: ParamChange) {
        add(.change, "dev param set \(handle) name \(param.name) value \(param.value) cmode \(param.cmode.name)",
            .param(handle, name: param.name, value: param.value, cmode: param.cmode),
            change: "\(param.name) \(param.old.map { "\($0)" } ?? "unset") → \(param.value)")
    }
}

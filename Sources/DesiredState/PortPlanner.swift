import DevlinkModel

/// The port part of a device's plan: SF deletion (detach first), SF creation, function attributes.
extension DevicePlanner {
    /// Before the eswitch leaves switchdev: SFs are detached and deleted, leaves unparented and rate
    /// nodes deleted children first (DriverRules.rateNodesBlockModeChange). What the document lists
    /// is created again after the mode steps.
    mutating func teardown(window: Bool) throws(PlanError) {
        for key in ports.keys.sorted() where key.isSF {
            deleteSF(key)
        }
        for key in leaves.keys.sorted() {
            guard let leaf = leaves[key], let parent = leaf.parent else { continue }
            add(.change, "port function rate set \(portText(key)) noparent", .setLeaf(handle, key, RateChanges(parent: "")),
                change: "parent \(parent) → none, for the eswitch mode change")
        }
        for name in nodesChildrenFirst(Set(nodes.keys)) {
            add(.delete, "port function rate del \(handle)/\(name)", .deleteNode(.node(handle, name)))
        }
        ports = [:]
        nodes = [:]
        leaves = [:]
    }

    /// Deleting nodes: children before their parents (DriverRules.nodeDeleteNeedsNoChildren).
    func nodesChildrenFirst(_ names: Set<String>) -> [String] {
        func depth(_ name: String) -> Int {
            var depth = 0
            var current = nodes[name]?.parent
            while let parent = current, depth < nodes.count {
                depth += 1
                current = nodes[parent]?.parent
            }
            return depth
        }
        return names.sorted { (depth($0), $1) > (depth($1), $0) }
    }

    mutating func deleteSF(_ key: PortKey) {
        guard let known = ports[key], let port = known else { return }
        let text = portText(key)
        if port.function?.state == .active {
            add(.change, "port function set \(text) state inactive",
                .function(handle, key, PortFunctionChanges(state: .inactive)),
                change: "state active → inactive, before port del", wait: .opstate(handle, key, .detached))
        }
        add(.delete, "port del \(text)", .deletePort(handle, key))
        ports[key] = nil
        leaves[key] = nil
        deletedSFs.insert(key)
    }

    mutating func planPorts(finalMode: EswitchMode?, vfCount: UInt32) throws(PlanError) {
        let wanted = want.ports ?? []
        let portsPath = path + ".ports"
        if finalMode != .switchdev, let first = wanted.first {
            throw PlanError(path: Node.path(portsPath, first.key.description),
                            message: "VF and SF ports exist only in switchdev mode (set eswitch.mode to switchdev)")
        }
        if prune, want.ports != nil {
            let listed = Set(wanted.map(\.key))
            for key in ports.keys.sorted() where key.isSF && !listed.contains(key) { deleteSF(key) }
        }
        for port in wanted {
            let portPath = Node.path(portsPath, port.key.description)
            switch port.key {
            case .vf(let n):
                guard n < vfCount else {
                    throw PlanError(path: portPath, message: "the device has \(vfCount) VFs (sriov.numvfs), so no vf/\(n)")
                }
                try functionSteps(port.key, port.function, path: portPath)
            case .sf(let sfnum):
                if let known = ports[port.key] {
                    if let existing = known {
                        if let pfnum = port.pfnum, pfnum != existing.pfnum {
                            throw PlanError(path: portPath + ".pfnum", message: fixedAttribute("pfnum", existing.pfnum.map(String.init)))
                        }
                        if let controller = port.controller, controller != (existing.controller ?? 0) {
                            throw PlanError(path: portPath + ".controller",
                                            message: fixedAttribute("controller", existing.controller.map(String.init)))
                        }
                    }
                } else {
                    guard let pfnum = port.pfnum ?? current.allPorts.first(where: { $0.flavour == .physical })?.pfnum
                            ?? pciFunction else {
                        throw PlanError(path: portPath, message: "pfnum is needed to create the SF")
                    }
                    var command = "port add \(handle) flavour pcisf pfnum \(pfnum) sfnum \(sfnum)"
                    if let controller = port.controller { command += " controller \(controller)" }
                    let request = PortAddRequest(device: handle, flavour: .pcisf, pfnum: pfnum, sfnum: sfnum,
                                                 controller: port.controller)
                    steps.append(PlanStep(op: .create, command: command, change: nil, action: .addPort(request, port.key),
                                          wait: nil, retryWhileExists: deletedSFs.contains(port.key)))
                    ports[port.key] = .some(nil)
                }
                try functionSteps(port.key, port.function, path: portPath)
                try sfDeviceSteps(port, path: portPath)
            }
        }
    }

    /// The PF number of a PCI device from its name (`pci/0000:06:00.1` → 1), the PF an SF is created on
    /// when the document gives no pfnum (physical ports do not report one).
    var pciFunction: UInt16? {
        guard handle.bus == "pci", let dot = handle.name.lastIndex(of: ".") else { return nil }
        return UInt16(handle.name[handle.name.index(after: dot)...])
    }

    private func fixedAttribute(_ name: String, _ value: String?) -> String {
        "the SF exists with \(name) \(value ?? "none"); an SF's \(name) is fixed when it is created "
            + "(delete it with prune and create it in a second apply)"
    }

    /// One `port function set` with every attribute that differs (the kernel applies hw_addr, caps,
    /// max_io_eqs, then state), waiting for the SF's opstate to follow a state change.
    mutating func functionSteps(_ key: PortKey, _ wanted: FunctionDocument?, path: String) throws(PlanError) {
        guard let wanted else { return }
        let isNew = ports[key].map { $0 == nil } ?? true
        let old = ports[key]??.function.map(Snapshot.function)
        var changes = PortFunctionChanges()
        var words: [String] = []
        var notes: [String] = []
        func note(_ name: String, _ old: String?, _ new: String) {
            if !isNew { notes.append("\(name) \(old ?? "none") → \(new)") }
        }
        // The state goes last, as the kernel applies it (below).
        for attribute in DocumentSchema.function where attribute.key != "state" {
            guard let (new, was) = attribute.change(wanted, old, &changes) else { continue }
            words.append("\(attribute.key) \(new)")
            note(attribute.key, was, new)
        }
        var wait: WaitCondition?
        // A new SF starts inactive: only `active` is a change for it.
        if let state = wanted.state, isNew ? (key.isSF ? state == .active : true) : state != old?.state {
            changes.state = state
            words.append("state \(state.name)")
            note("state", old?.state?.name, state.name)
            if key.isSF, DriverRules.waitForSFAttach || state == .inactive {
                wait = .opstate(handle, key, state == .active ? .attached : .detached)
            }
        }
        guard !changes.isEmpty else { return }
        add(isNew ? .create : .change, "port function set \(portText(key)) " + words.joined(separator: " "),
            .function(handle, key, changes), change: notes.isEmpty ? nil : notes.joined(separator: ", "), wait: wait)
    }

    /// Params of the SF's own instance: set once the SF is attached and its instance registered (the
    /// applier finds it through the port's nested devlink, waiting for it), then one reload
    /// (driver_reinit) when a driverinit value changed: an mlx5 SF probes light from 6.5 and loads
    /// its eth/rdma/vnet functions only at that reload (docs/devices.md, "SF auxiliary devices").
    mutating func sfDeviceSteps(_ port: PortDocument, path: String) throws(PlanError) {
        guard let wanted = port.deviceParams, !wanted.isEmpty else { return }
        let existing = ports[port.key].flatMap { $0 }
        let active = port.function?.state.map { $0 == .active } ?? (existing?.function?.state == .active)
        guard active else {
            throw PlanError(path: path + ".device", message: "an SF's device exists only while the SF is active "
                            + "(set function.state to active)")
        }
        // The instance as it is (nil for an SF this plan creates or activates: it gets its defaults).
        let device = existing == nil ? nil : current.sfDevices[port.key]
        let text = device.map { $0.handle.description } ?? "{\(handle)/\(port.key)}"
        var reload = false
        for param in wanted {
            let paramPath = Node.path(path + ".device.params", param.name)
            let value: ParamValue
            let old: ParamValue?
            if let known = device?.params.first(where: { $0.name == param.name }) {
                guard let typed = Self.paramValue(param.value, type: known.type) else {
                    throw PlanError(path: paramPath + ".value", message: "param \(param.name) is of type \(known.type.name)")
                }
                value = typed
                old = known.value(in: param.cmode)
            } else if let device {
                let names = device.params.map(\.name).joined(separator: ", ")
                throw PlanError(path: paramPath, message: "the SF's device has no param \(param.name) (it has: \(names))")
            } else {
                // Not there yet: mlx5's SF params are booleans and u32 depths (mlx5_devlink_auxdev_params_register).
                switch param.value {
                case .bool(let flag): value = .bool(flag)
                case .number(let n): value = .u32(UInt32(clamping: n))
                case .string(let s): value = .string(s)
                }
                old = nil
            }
            guard old != value else { continue }
            add(.change, "dev param set \(text) name \(param.name) value \(value) cmode \(param.cmode.name)",
                .sfParam(handle, port.key, name: param.name, value: value, cmode: param.cmode),
                change: "\(param.name) \(old.map { "\($0)" } ?? "default") → \(value)")
            if param.cmode == .driverinit { reload = true }
        }
        if reload {
            add(.change, "dev reload \(text) action driver_reinit", .sfReload(handle, port.key),
                change: "driverinit params take effect")
        }
    }
}

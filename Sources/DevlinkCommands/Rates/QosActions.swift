import DevlinkModel

/// What `qos simulate` and `qos lint` do: read the tree and the device's facts, run the model.
enum QosActions {
    @Sendable static func simulate(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .device(let device)? = p.handle else { return .none }
        var demands: [RateHandle: RateDemand] = [:]
        let objects = try c.session.rates(of: device)
        let (leafHandles, leafNames) = leaves(of: objects)
        for (value, word) in p.values("demand") {
            guard case .demand(let text, let trafficClass, let rate) = value else { continue }
            switch try RateInputs.leaf(text, of: device, session: c.session) {
            case .success(let leaf):
                // Checked here too, so that the caret points at the word.
                guard leafHandles.contains(leaf) else {
                    throw ClientError("\(leaf) is not a rate leaf of \(device)", word: word + 1,
                                      hint: leafNames.isEmpty ? "the device has no rate leaves (VFs and SFs get one in switchdev mode)"
                                                              : "its leaves: " + leafNames.joined(separator: ", "))
                }
                RateInputs.add(rate, trafficClass: trafficClass ?? 0, to: leaf, in: &demands)
            case .failure(let error): throw ClientError(error.message, word: word + 1)
            }
        }
        let arbitration = try self.arbitration(c, p, device)
        let simulation = try model(p) { () throws(RateTree.Invalid) in
            try RateSimulator.simulate(device: device, objects: objects, demands: demands, arbitration: arbitration)
        }
        return .rateSimulation(simulation, svgFile: p.word("svg"))
    }

    @Sendable static func lint(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .device(let device)? = p.handle else { return .none }
        let arbitration = try self.arbitration(c, p, device)
        let objects = try c.session.rates(of: device)
        let findings = try model(p) { () throws(RateTree.Invalid) in
            try RateLinter.lint(device: device, objects: objects, arbitration: arbitration,
                                vfLinkRates: RateInputs.vfLinkRates(c.session, device))
        }
        return .rateFindings(device, findings)
    }

    /// The leaves among `objects`, as handles and as port numbers. A function of its own, kept out of
    /// line: swiftc 6.3.1's release optimizer crashed (CopyPropagation, ownership verifier) on the same
    /// reads of each object's handle inlined into `simulate`.
    @inline(never)
    private static func leaves(of objects: [RateObject]) -> (handles: Set<RateHandle>, names: [String]) {
        var handles = Set<RateHandle>()
        var names: [String] = []
        for object in objects {
            let handle = object.handle
            guard case .leaf(let index) = handle.target else { continue }
            handles.insert(handle)
            names.append(String(index))
        }
        return (handles, names)
    }

    /// A tree the model cannot take, reported at the device word.
    private static func model<T>(_ p: ParsedCommand, _ body: () throws(RateTree.Invalid) -> T) throws(ClientError) -> T {
        do {
            return try body()
        } catch {
            throw ClientError(error.description, word: p.handleWordIndex ?? 0)
        }
    }

    private static func arbitration(_ c: CommandContext, _ p: ParsedCommand, _ device: DeviceHandle) throws -> RateArbitration {
        var kernel: (major: Int, minor: Int)?
        if let text = p.word("kernel") {
            guard let version = RateInputs.version(text) else {
                throw ClientError("\"\(text)\" is not a kernel version (expected MAJOR.MINOR, e.g. 6.12)", word: (p.wordIndex("kernel") ?? 0) + 1)
            }
            kernel = version
        }
        // Any session error (no such device) surfaces with the kernel's own words.
        _ = try c.session.rates(of: device)
        return try RateInputs.arbitration(c.session, device, link: p.rate("link"), kernel: kernel)
    }
}

import DevlinkModel

/// What `qos simulate` and `qos lint` do: read the tree and the device's facts, run the model.
enum QosActions {
    @Sendable static func simulate(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .device(let device)? = p.handle else { return .none }
        var demands: [RateHandle: RateDemand] = [:]
        for (value, word) in p.values("demand") {
            guard case .demand(let text, let trafficClass, let rate) = value else { continue }
            switch try RateInputs.leaf(text, of: device, session: c.session) {
            case .success(let leaf): RateInputs.add(rate, trafficClass: trafficClass ?? 0, to: leaf, in: &demands)
            case .failure(let error): throw ClientError(error.message, word: word + 1)
            }
        }
        let arbitration = try self.arbitration(c, p, device)
        do {
            let simulation = try RateSimulator.simulate(device: device, objects: try c.session.rates(of: device),
                                                        demands: demands, arbitration: arbitration)
            return .rateSimulation(simulation, svgFile: p.word("svg"))
        } catch let error as RateTree.Invalid {
            throw ClientError(error.description, word: p.handleWordIndex ?? 0)
        }
    }

    @Sendable static func lint(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard case .device(let device)? = p.handle else { return .none }
        let arbitration = try self.arbitration(c, p, device)
        do {
            return .rateFindings(device, try RateLinter.lint(device: device, objects: try c.session.rates(of: device),
                                                            arbitration: arbitration))
        } catch let error as RateTree.Invalid {
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

import DevlinkModel
import DLSLanguage

/// The builtins `simulate(dev, demands)` and `lint_rates(dev)`, and `qos` results as dls values.
enum RateSimulationValues {
    static func builtins(_ runner: CommandRunner) -> [NativeFunction] {
        func session() -> DeviceSession { runner.session }
        return [
            NativeFunction("simulate", arity: 1...2, labels: ["link", "kernel", "detail"]) { args in
                let device = try self.device(args)
                let demands = try self.demands(args[1], device: device, session: session(), args: args)
                let arbitration = try self.arbitration(args, device, session())
                let simulation = try QueryBuiltins.call {
                    try RateSimulator.simulate(device: device, objects: try session().rates(of: device), demands: demands,
                                               arbitration: arbitration)
                }
                if case .bool(true) = args.named["detail"] ?? .null { return detailed(simulation) }
                return allocations(simulation)
            },
            NativeFunction("lint_rates", arity: 1...1, labels: ["link"]) { args in
                let device = try self.device(args)
                let arbitration = try self.arbitration(args, device, session())
                return findings(try QueryBuiltins.call {
                    try RateLinter.lint(device: device, objects: try session().rates(of: device), arbitration: arbitration,
                                        vfLinkRates: RateInputs.vfLinkRates(session(), device))
                })
            },
        ]
    }

    /// `qos simulate` as a value: the same map `simulate()` returns.
    static func allocations(_ s: RateSimulation) -> Value {
        let m = MapObject()
        for a in s.allocations { m.entries[.string(a.handle.description)] = .rate(Rate(bytesPerSecond: a.allocated)) }
        return .map(m)
    }

    /// `simulate(dev, demands, detail: true)`: handle → {type, parent, demand, allocated, bound, bound_by, tc}.
    static func detailed(_ s: RateSimulation) -> Value {
        let m = MapObject()
        for a in s.allocations {
            let entry = MapObject()
            entry.entries[.string("type")] = .string(a.isLeaf ? "leaf" : "node")
            entry.entries[.string("parent")] = a.parent.map { .string($0) } ?? .null
            entry.entries[.string("demand")] = .rate(Rate(bytesPerSecond: a.demand))
            entry.entries[.string("allocated")] = .rate(Rate(bytesPerSecond: a.allocated))
            entry.entries[.string("bound")] = .string(a.bound.name)
            entry.entries[.string("bound_by")] = a.bound.handle.map { .string($0) } ?? .null
            if let classes = a.perClass {
                entry.entries[.string("tc")] = .list(ListObject(classes.map { .rate(Rate(bytesPerSecond: $0)) }))
            }
            m.entries[.string(a.handle.description)] = .map(entry)
        }
        return .map(m)
    }

    static func findings(_ list: [RateFinding]) -> Value {
        .list(ListObject(list.map { f in
            let m = MapObject()
            m.entries[.string("rule")] = .string(f.rule.rawValue)
            m.entries[.string("handles")] = .list(ListObject(f.handles.map { .string($0) }))
            m.entries[.string("message")] = .string(f.message { Rate(bytesPerSecond: $0).formatted() })
            return .map(m)
        }))
    }

    private static func device(_ args: Arguments) throws -> DeviceHandle {
        guard let device = try QueryBuiltins.optionalDevice(args, 0) else { throw args.error("a device handle is required") }
        return device
    }

    private static func arbitration(_ args: Arguments, _ device: DeviceHandle, _ session: DeviceSession) throws -> RateArbitration {
        var link: UInt64?
        if let value = args.named["link"], !isNull(value) {
            guard let bytes = rate(value) else { throw args.error("link: expected a rate such as 100gbit, got \(value.typeName)") }
            link = bytes
        }
        var kernel: (major: Int, minor: Int)?
        if let value = args.named["kernel"], !isNull(value) {
            guard let text = value.stringValue, let version = RateInputs.version(text) else {
                throw args.error("kernel: expected a version string such as \"6.17\"")
            }
            kernel = version
        }
        return try QueryBuiltins.call {
            _ = try session.rates(of: device)
            return try RateInputs.arbitration(session, device, link: link, kernel: kernel)
        }
    }

    /// `demands`: a map from leaf (port index, handle or netdev name) to a rate
    /// (a rate value, bytes/s as an integer, or devlink's text like "10gbit"), or to the rates per
    /// traffic class (a list of up to 8, or a map from class index 0...7).
    private static func demands(_ value: Value, device: DeviceHandle, session: DeviceSession, args: Arguments) throws -> [RateHandle: RateDemand] {
        var result: [RateHandle: RateDemand] = [:]
        if case .null = value { return result }
        guard case .map(let map) = value else { throw args.error("demands must be a map from leaf to rate, got \(value.typeName)") }
        for (key, entry) in map.entries {
            let leaf = try self.leaf(key.value, device: device, session: session, args: args)
            if let bytes = rate(entry) {
                RateInputs.add(bytes, trafficClass: 0, to: leaf, in: &result)
                continue
            }
            var classes: [(Int, Value)] = []
            switch entry {
            case .list(let list):
                guard list.items.count <= RateObject.trafficClassCount else {
                    throw args.error("demand of \(leaf): at most 8 traffic classes, got \(list.items.count)")
                }
                classes = list.items.enumerated().map { ($0.offset, $0.element) }
            case .map(let perClass):
                for (k, v) in perClass.entries {
                    guard let index = trafficClass(k.value) else {
                        throw args.error("demand of \(leaf): traffic class \(k.value.repr) is not 0...7")
                    }
                    classes.append((index, v))
                }
            default:
                throw args.error("demand of \(leaf): expected a rate, a list of rates per traffic class or a map from class to rate, got \(entry.typeName)")
            }
            for (index, v) in classes {
                guard let bytes = rate(v) else { throw args.error("demand of \(leaf), tc \(index): expected a rate, got \(v.typeName)") }
                RateInputs.add(bytes, trafficClass: index, to: leaf, in: &result)
            }
        }
        return result
    }

    private static func leaf(_ key: Value, device: DeviceHandle, session: DeviceSession, args: Arguments) throws -> RateHandle {
        let text: String
        switch key {
        case .int(let n):
            guard n >= 0, let index = UInt32(exactly: n) else { throw args.error("\(n) is not a port index") }
            return RateHandle(device: device, target: .leaf(portIndex: index))
        case .string(let s): text = s.value
        default: throw args.error("a demand's key must be a leaf (port index, handle or netdev name), got \(key.typeName)")
        }
        switch try QueryBuiltins.call({ try RateInputs.leaf(text, of: device, session: session) }) {
        case .success(let leaf): return leaf
        case .failure(let error): throw args.error(error.message)
        }
    }

    private static func isNull(_ value: Value) -> Bool {
        if case .null = value { return true }
        return false
    }

    /// A rate: a rate value, non-negative bytes/s, or devlink's text.
    static func rate(_ value: Value) -> UInt64? {
        switch value {
        case .rate(let r): return r.bytesPerSecond
        case .int(let n) where n >= 0: return UInt64(n)
        case .string(let s): return RateValue.bytesPerSecond(parsing: s.value)
        default: return nil
        }
    }

    private static func trafficClass(_ value: Value) -> Int? {
        switch value {
        case .int(let n) where (0..<RateObject.trafficClassCount).contains(n): return n
        case .string(let box):
            let s = box.value
            let digits = s.hasPrefix("tc") ? String(s.dropFirst(2)) : s
            return Int(digits).flatMap { (0..<RateObject.trafficClassCount).contains($0) ? $0 : nil }
        default: return nil
        }
    }
}

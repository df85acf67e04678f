import DevlinkEmulator
import DevlinkModel
import PropertyBased
import Testing

/// Random operation sequences (valid and invalid) against both profiles: invariants hold after every
/// step, failed operations with no partial-application semantics change nothing, and restoring a snapshot
/// gives back the exact earlier state.
@Suite struct PropertyTests {
    /// Decodes one random integer into an operation on a small name space so collisions are likely.
    static func apply(_ code: Int, to session: EmulatedSession, device: DeviceHandle) -> (name: String, atomic: Bool, ok: Bool) {
        let op = code % 14
        let a = (code / 14) % 6
        let b = (code / 84) % 6
        let nodes = ["n0", "n1", "n2", "n3", "", "42"]
        let ports = try? session.ports(of: device)
        let portIndex = ports.flatMap { $0.isEmpty ? nil : $0[a % $0.count].index } ?? 0
        let port = PortHandle(device: device, index: portIndex)
        let mbit: UInt64 = 125_000
        do {
            switch op {
            case 0: _ = try session.addPort(H.sfRequest(UInt32(a), device: device)); return ("add sf\(a)", true, true)
            case 1: try session.deletePort(port); return ("del \(portIndex)", true, true)
            case 2:
                try session.setPortFunction(port, PortFunctionChanges(state: b % 2 == 0 ? .active : .inactive))
                return ("state \(portIndex)", true, true)
            case 3: try session.settle(); return ("settle", true, true)
            case 4: try session.addRateNode(H.node(nodes[a], device), RateChanges()); return ("node+ \(a)", true, true)
            case 5: try session.deleteRateNode(H.node(nodes[a], device)); return ("node- \(a)", true, true)
            case 6:
                try session.setRate(H.node(nodes[a], device), RateChanges(parent: b == 5 ? "" : nodes[b]))
                return ("parent \(a)->\(b)", true, true)
            case 7:
                try session.setRate(.leaf(port), RateChanges(txShare: UInt64(b) * mbit, parent: nodes[a]))
                return ("leaf \(portIndex)", false, true)
            case 8:
                try session.setEswitch(device, EswitchChanges(mode: a % 2 == 0 ? .switchdev : .legacy))
                return ("mode \(a % 2)", true, true)
            case 9: try session.setSriovNumVFs(device, UInt32(a)); return ("vfs \(a)", true, true)
            case 10:
                try session.setRate(H.node(nodes[a], device), RateChanges(txMax: UInt64(b) * mbit + (b == 3 ? 1 : 0)))
                return ("max \(a)", true, true)
            case 11:
                try session.setPortFunction(port, PortFunctionChanges(hwAddr: MACAddress.zero + b, maxIOEQs: b == 4 ? 70000 : 4))
                return ("fn \(portIndex)", false, true)
            case 12:
                try session.addRateNode(H.node(nodes[a], device), RateChanges(txShare: mbit, parent: nodes[b]))
                return ("node+p \(a)", true, true)
            default:
                session.injectFault(.rateSet, .EIO)
                try session.setRate(H.node(nodes[a], device), RateChanges(txShare: mbit))
                return ("fault", true, true)
            }
        } catch {
            return ("op\(op)", op != 7 && op != 11, false)
        }
    }

    static func checkInvariants(_ session: EmulatedSession, device: DeviceHandle) throws {
        let ports = try session.ports(of: device)
        #expect(Set(ports.map(\.index)).count == ports.count, "duplicate port index")
        let sfKeys = ports.filter { $0.flavour == .pcisf }.map { "\($0.controller ?? 0)/\($0.sfnum ?? 0)" }
        #expect(Set(sfKeys).count == sfKeys.count, "duplicate sfnum per controller")
        let netdevs = ports.compactMap(\.netdev)
        #expect(Set(netdevs).count == netdevs.count, "duplicate netdev")
        for name in netdevs { #expect(session.netdevs[name] != nil, "netdev \(name) not in the table") }

        let rates = try session.rates(of: device)
        let nodes = Dictionary(rates.compactMap { r in r.nodeName.map { ($0, r) } }, uniquingKeysWith: { a, _ in a })
        // Every leaf belongs to an existing port; every parent exists; the tree is acyclic.
        let portIndexes = Set(ports.map(\.index))
        for leaf in rates where leaf.type == .leaf {
            #expect(portIndexes.contains(leaf.portIndex ?? .max), "leaf without port")
        }
        for rate in rates {
            if let parent = rate.parent { #expect(nodes[parent] != nil, "dangling parent \(parent)") }
            var seen: Set<String> = []
            var current = rate.parent
            while let name = current {
                #expect(seen.insert(name).inserted, "cycle through \(name)")
                if seen.count > nodes.count { break }
                current = nodes[name]?.parent
            }
        }
        // Parent reference counts: a node with children cannot be deleted.
        for (name, _) in nodes where rates.contains(where: { $0.parent == name }) {
            let snapshot = session.snapshot()
            #expect(throws: DevlinkError.self) { try session.deleteRateNode(H.node(name, device)) }
            #expect(session.snapshot() == snapshot)
        }
        let mode = try session.eswitch(device).mode
        if mode == .legacy {
            #expect(ports.allSatisfy { $0.flavour == .physical }, "VF/SF port left in legacy")
        }
    }

    static func run(codes: [Int], builtin: String, device: DeviceHandle) throws {
        let session = try EmulatedSession(builtin: builtin)
        let start = session.snapshot()
        var midpoint: EmulatorState?
        var midpointPorts: [Port] = []
        for (step, code) in codes.enumerated() {
            let before = session.snapshot()
            let result = apply(code, to: session, device: device)
            if !result.ok, result.atomic {
                // A failed request without partial-application semantics changes nothing (faults are
                // one-shot and consumed, which the state value does not hold).
                #expect(session.snapshot() == before, "failed \(result.name) changed state")
            }
            try checkInvariants(session, device: device)
            if step == codes.count / 2 {
                midpoint = session.snapshot()
                midpointPorts = try session.ports(of: nil)
            }
        }
        if let midpoint {
            session.restore(midpoint)
            #expect(session.snapshot() == midpoint)
            #expect(try session.ports(of: nil) == midpointPorts)
        }
        session.restore(start)
        #expect(session.snapshot() == start)
        #expect(try session.ports(of: nil) == (try EmulatedSession(builtin: builtin).ports(of: nil)))
    }

    @Test func randomSequencesOnMlx5() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...100_000).array(of: 1...60)) { codes in
            #expect(throws: Never.self) { try Self.run(codes: codes, builtin: "mlx5", device: H.pf0) }
        }
    }

    @Test func randomSequencesOnNetdevsim() async {
        await propertyCheck(count: 150, input: Gen.int(in: 0...100_000).array(of: 1...60)) { codes in
            #expect(throws: Never.self) { try Self.run(codes: codes, builtin: "netdevsim", device: H.nsim) }
        }
    }
}

import DesiredState
import DevlinkEmulator
import DevlinkModel
import PropertyBased
import Testing

/// Random documents on both profiles: from a random starting state (itself reached by applying a
/// random document), apply a random document; the snapshot then shows everything the document
/// manages, and a second plan is empty (a second apply would send no write request).
@Suite struct DesiredStatePropertyTests {
    /// Reads codes one at a time (the generator's integers), wrapping around.
    struct Codes {
        var codes: [Int]
        var next = 0
        mutating func pick(_ n: Int) -> Int {
            defer { next += 1 }
            return codes.isEmpty ? 0 : (codes[next % codes.count] / (1 + next / codes.count)) % n
        }
        mutating func chance(_ percent: Int) -> Bool { pick(100) < percent }
    }

    static let mbit: UInt64 = 125_000

    /// A random document for the mlx5 card's first PF (6.12: nodes have no parents).
    static func mlx5Document(_ c: inout Codes) -> DesiredDocument {
        var device = DeviceDocument(handle: DeviceHandle(bus: "pci", name: "0000:06:00.0"))
        let switchdev = c.chance(85)
        device.eswitch = EswitchDocument(mode: switchdev ? .switchdev : .legacy)
        let vfs = UInt32(c.pick(4))
        if c.chance(70) { device.numVFs = vfs }
        let knownVFs = device.numVFs ?? 0
        if switchdev {
            var ports: [PortDocument] = []
            for sfnum: UInt32 in 1...4 where c.chance(50) {
                var function = FunctionDocument()
                if c.chance(60) { function.hwAddr = MACAddress(bytes: [0, 0, 0, 0, UInt8(sfnum), UInt8(c.pick(200))]) }
                if c.chance(70) { function.state = c.chance(60) ? .active : .inactive }
                ports.append(PortDocument(key: .sf(sfnum), pfnum: 0, function: function.isEmpty ? nil : function))
            }
            for vf in 0..<knownVFs where c.chance(40) {
                ports.append(PortDocument(key: .vf(vf), function: FunctionDocument(
                    hwAddr: MACAddress(bytes: [0, 0, 0, 1, UInt8(vf), UInt8(c.pick(200))]))))
            }
            device.ports = ports
            device.rates = randomRates(&c, ports: ports.map(\.key) + (0..<knownVFs).map { .vf($0) }, nodeParents: false)
        }
        return DesiredDocument(prune: c.chance(40), devices: [device])
    }

    /// A random document for netdevsim (VFs only; nodes may nest).
    static func nsimDocument(_ c: inout Codes) -> DesiredDocument {
        var device = DeviceDocument(handle: DeviceHandle(bus: "netdevsim", name: "netdevsim1"))
        let switchdev = c.chance(85)
        device.eswitch = EswitchDocument(mode: switchdev ? .switchdev : .legacy)
        let vfs = UInt32(c.pick(4))
        device.numVFs = vfs
        if switchdev {
            device.rates = randomRates(&c, ports: (0..<vfs).map { .vf($0) }, nodeParents: true)
        }
        return DesiredDocument(prune: c.chance(40), devices: [device])
    }

    static func randomRates(_ c: inout Codes, ports: [PortKey], nodeParents: Bool) -> [RateDocument] {
        var rates: [RateDocument] = []
        var nodes: [String] = []
        for name in ["n0", "n1", "n2"] where c.chance(45) {
            var node = RateDocument(key: .node(name))
            if c.chance(60) { node.txMax = UInt64(10 + c.pick(30)) * 100 * mbit }
            if c.chance(30) { node.txShare = UInt64(1 + c.pick(9)) * 100 * mbit }
            if nodeParents, !nodes.isEmpty, c.chance(40) { node.parent = nodes[c.pick(nodes.count)] }
            rates.append(node)
            nodes.append(name)
        }
        for key in Set(ports).sorted() where c.chance(50) {
            var leaf = RateDocument(key: .leaf(key))
            if c.chance(50) { leaf.txShare = UInt64(1 + c.pick(5)) * 100 * mbit }
            if c.chance(50) { leaf.txMax = UInt64(10 + c.pick(20)) * 100 * mbit }
            if !nodes.isEmpty, c.chance(50) { leaf.parent = nodes[c.pick(nodes.count)] }
            rates.append(leaf)
        }
        return rates
    }

    /// What the document manages, checked against a snapshot.
    static func expectCovers(_ snapshot: DesiredDocument, _ document: DesiredDocument, _ context: String) {
        for wanted in document.devices {
            guard let got = snapshot.device(wanted.handle) else { Issue.record("no device: \(context)"); continue }
            if let mode = wanted.eswitch?.mode { #expect(got.eswitch?.mode == mode, "\(context)") }
            if let vfs = wanted.numVFs { #expect(got.numVFs == vfs, "\(context)") }
            for port in wanted.ports ?? [] {
                let have = got.port(port.key)
                if let mac = port.function?.hwAddr { #expect(have?.function?.hwAddr == mac, "\(port.key) \(context)") }
                if let state = port.function?.state { #expect(have?.function?.state == state, "\(port.key) \(context)") }
                if port.key.isSF { #expect(have != nil, "\(port.key) \(context)") }
            }
            let prune = wanted.prune ?? document.prune
            if prune, let ports = wanted.ports {
                let listed = Set(ports.map(\.key))
                for port in got.ports ?? [] where port.key.isSF { #expect(listed.contains(port.key), "\(port.key) \(context)") }
            }
            for rate in wanted.rates ?? [] {
                let have = got.rates?.first { $0.key == rate.key } ?? RateDocument(key: rate.key)
                if rate.key.nodeName != nil { #expect(got.rates?.contains { $0.key == rate.key } == true, "\(rate.key) \(context)") }
                if let share = rate.txShare { #expect((have.txShare ?? 0) == share, "\(rate.key) \(context)") }
                if let max = rate.txMax { #expect((have.txMax ?? 0) == max, "\(rate.key) \(context)") }
                if let parent = rate.parent { #expect((have.parent ?? "") == parent, "\(rate.key) \(context)") }
            }
            if prune, let rates = wanted.rates {
                for rate in got.rates ?? [] where rate.key.nodeName != nil {
                    #expect(rates.contains { $0.key == rate.key }, "\(rate.key) pruned: \(context)")
                }
            }
        }
    }

    /// Without prune, SFs and rate nodes the document does not mention survive (also across a legacy
    /// window), as long as the device stays in switchdev.
    static func expectLeftAlone(_ old: DesiredDocument, _ new: DesiredDocument, _ document: DesiredDocument, _ context: String) {
        for wanted in document.devices where !(wanted.prune ?? document.prune) {
            guard let before = old.device(wanted.handle), let after = new.device(wanted.handle),
                  before.eswitch?.mode == .switchdev, after.eswitch?.mode == .switchdev else { continue }
            for port in before.ports ?? [] where port.key.isSF {
                #expect(after.port(port.key) != nil, "\(port.key) left alone: \(context)")
            }
            for rate in before.rates ?? [] where rate.key.nodeName != nil {
                #expect(after.rates?.contains { $0.key == rate.key } == true, "\(rate.key) left alone: \(context)")
            }
        }
    }

    static func check(profile: String, _ codes: [Int]) throws {
        var c = Codes(codes: codes)
        let build = profile == "mlx5" ? mlx5Document : nsimDocument
        let first = build(&c)
        let second = build(&c)
        let session = try EmulatedSession(builtin: profile)
        for (round, document) in [first, second].enumerated() {
            let text = DocumentEncoder.encode(document)
            let old = try Snapshot.take(session)
            let plan = try Planner.plan(document, against: ObservedState.read(session))
            let report = Applier(session: session).apply(plan)
            #expect(report.error == nil, "round \(round): \(report.error ?? "")\n\(text)\n\(plan.text)")
            guard report.error == nil else { return }
            let context = "round \(round)\n\(text)\n\(plan.text)"
            let new = try Snapshot.take(session)
            expectCovers(new, document, context)
            expectLeftAlone(old, new, document, context)
            let again = try Planner.plan(document, against: ObservedState.read(session))
            #expect(again.isEmpty, "second plan: \(again.text)\n\(context)")
            // A snapshot planned against a fresh device and applied reproduces the same snapshot.
            let snapshot = try Snapshot.take(session)
            let fresh = try EmulatedSession(builtin: profile)
            let replay = Applier(session: fresh).apply(try Planner.plan(snapshot, against: ObservedState.read(fresh)))
            #expect(replay.error == nil, "replay: \(replay.error ?? "")\n\(context)")
            #expect(DocumentEncoder.encode(try Snapshot.take(fresh)) == DocumentEncoder.encode(snapshot), "replay: \(context)")
        }
    }

    @Test func mlx5RandomDocuments() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000).array(of: 40...40)) { codes in
            try Self.check(profile: "mlx5", codes)
        }
    }

    @Test func netdevsimRandomDocuments() async {
        await propertyCheck(count: 200, input: Gen.int(in: 0...1_000_000).array(of: 40...40)) { codes in
            try Self.check(profile: "netdevsim", codes)
        }
    }
}

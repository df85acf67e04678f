import DevlinkModel
import Testing

/// Each tree the issue lists as impossible, and one that is fine.
@Suite struct RateLinterTests {
    typealias S = Sim
    let g = Sim.gbit

    func lint(_ objects: [RateObject], link: UInt64? = 100 * Sim.gbit, driver: String = "mlx5_core",
              vf: [RateHandle: (minTx: UInt64, maxTx: UInt64)] = [:]) throws -> [RateFinding] {
        try RateLinter.lint(device: S.dev, objects: objects, arbitration: .forDriver(driver, link: link), vfLinkRates: vf)
    }

    func text(_ f: RateFinding) -> String { f.message { "\($0 / 125_000)M" } }

    @Test func aSoundTreeHasNoFindings() throws {
        #expect(try lint([S.node("n", share: g, max: 10 * g), S.leaf(1, share: g, max: 5 * g, parent: "n"),
                          S.leaf(2, share: 2 * g, parent: "n")]).isEmpty)
    }

    @Test func childrenSharesAboveTheParentsMax() throws {
        let f = try lint([S.node("n", max: 1 * g), S.leaf(1, share: g, parent: "n"), S.leaf(2, share: g, parent: "n")])
        #expect(f.map(\.rule) == [.sharesAboveParentMax])
        #expect(f.first?.handles == ["pci/0000:06:00.0/n", "pci/0000:06:00.0/1", "pci/0000:06:00.0/2"])
        #expect(f.first.map(text) == "the tx_share of pci/0000:06:00.0/1, pci/0000:06:00.0/2 add up to 2000M, above the tx_max 1000M of pci/0000:06:00.0/n")
    }

    @Test func sharesAboveTheLink() throws {
        let f = try lint([S.node("n"), S.leaf(1, share: 6 * g, parent: "n"), S.leaf(2, share: 6 * g, parent: "n")], link: 10 * g)
        #expect(f.map(\.rule) == [.sharesAboveLink])
        #expect(f.first?.handles == ["pci/0000:06:00.0/1", "pci/0000:06:00.0/2"])
        #expect(try lint([S.leaf(1, share: 6 * g), S.leaf(2, share: 6 * g)], link: nil).isEmpty)
    }

    @Test func shareAboveItsOwnMax() throws {
        let f = try lint([S.node("n", share: 3 * g, max: 2 * g)])
        #expect(f.map(\.rule) == [.shareAboveMax] && f.first?.handles == ["pci/0000:06:00.0/n"])
    }

    @Test func priorityAndWeightOnDriversThatIgnoreThem() throws {
        let objects = [S.leaf(1, priority: 2), S.leaf(2, weight: 5)]
        let mlx5 = try lint(objects)
        #expect(mlx5.map(\.rule) == [.ignoredPriorityWeight, .ignoredPriorityWeight])
        #expect(mlx5.first.map(text) == "pci/0000:06:00.0/1 sets tx_priority 2, which the driver does not arbitrate by")
        #expect(try lint(objects, driver: "netdevsim").count == 2)
        #expect(try lint(objects, driver: "ice").isEmpty)
    }

    @Test func leafCappedBelowItsShare() throws {
        let f = try lint([S.node("a", max: 8 * g), S.node("b", max: 3 * g, parent: "a"), S.leaf(1, share: 4 * g, parent: "b")])
        #expect(f.map(\.rule) == [.sharesAboveParentMax, .cappedBelowShare])
        #expect(f.last?.handles == ["pci/0000:06:00.0/1", "pci/0000:06:00.0/b"])
        let link = try lint([S.leaf(1, share: 20 * g)], link: 10 * g)
        #expect(link.map(\.rule) == [.sharesAboveLink, .cappedBelowShare])
        #expect(link.last.map(text) == "pci/0000:06:00.0/1 has tx_share 20000M but the link speed caps it at 10000M")
    }

    @Test func vfRatesFromIpLinkToo() throws {
        let f = try lint([S.leaf(1, max: 5 * g), S.leaf(2)], vf: [S.h(1): (0, 2 * g), S.h(2): (0, 2 * g)])
        #expect(f.map(\.rule) == [.vfRateConflict] && f.first?.handles == ["pci/0000:06:00.0/1"])
    }
}

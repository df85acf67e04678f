import DesiredState
import DevlinkModel
import Testing

@Suite struct DocumentDecoderTests {
    static let example = """
    {"devices": {"pci/0000:06:00.0": {
        "eswitch": {"mode": "switchdev"}, "sriov": {"numvfs": 2},
        "params": {"esw_multiport": {"cmode": "runtime", "value": false}},
        "ports": {"sf/88": {"flavour": "pcisf", "pfnum": 0, "sfnum": 88,
                            "function": {"hw_addr": "00:00:00:00:88:88", "state": "active"}},
                  "vf/0":  {"function": {"hw_addr": "00:00:00:00:00:10"}}},
        "rates": {"tenant1": {"type": "node", "tx_max": "10Gbit"},
                  "sf/88": {"parent": "tenant1", "tx_share": "1Gbit"}}}},
     "bonds": {"bond0": {"mode": "802.3ad", "miimon": 100, "slaves": ["enp6s0f0np0", "enp6s0f1np1"]}}}
    """

    @Test func theIssueExampleDecodes() throws {
        let document = try DocumentDecoder.decode(Self.example)
        let device = try #require(document.devices.first)
        #expect(device.handle.description == "pci/0000:06:00.0")
        #expect(device.eswitch?.mode == .switchdev)
        #expect(device.numVFs == 2)
        #expect(device.params == [ParamDocument(name: "esw_multiport", cmode: .runtime, value: .bool(false))])
        #expect(device.port(.sf(88))?.function?.state == .active)
        #expect(device.port(.vf(0))?.function?.hwAddr?.description == "00:00:00:00:00:10")
        #expect(device.rates?.first { $0.key == .node("tenant1") }?.txMax == 1_250_000_000)
        #expect(device.rates?.first { $0.key == .leaf(.sf(88)) }?.parent == "tenant1")
        #expect(document.bonds?.first?.slaves == ["enp6s0f0np0", "enp6s0f1np1"])
        #expect(document.bonds?.first?.config.mode == .ieee8023ad)
    }

    /// Encoding is canonical (sorted keys): decoding the text and encoding again gives the same text,
    /// and the same document up to member order.
    @Test func encodeDecodeRoundTrip() throws {
        let document = try DocumentDecoder.decode(Self.example)
        let text = DocumentEncoder.encode(document)
        let again = try DocumentDecoder.decode(text)
        #expect(Set(again.devices[0].ports?.map(\.key) ?? []) == [.sf(88), .vf(0)])
        #expect(again.devices[0].rates?.count == 2 && again.bonds == document.bonds)
        #expect(text.contains("\"tx_max\": \"10Gbit\""))
        #expect(DocumentEncoder.encode(try DocumentDecoder.decode(text)) == text)
    }

    static let refusals: [(String, String, String)] = [
        (#"{"devices": {}, "colour": 1}"#, "$.colour", "unknown key \"colour\""),
        (#"{"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": 1}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].eswitch.mode", "expected a string, got a number"),
        (#"{"devices": {"pci/0000:06:00.0": {"eswitch": {"mode": "fast"}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].eswitch.mode", "\"fast\" is not one of legacy, switchdev"),
        (#"{"devices": {"pci/0000:06:00.0": {"sriov": {"numvfs": -1}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].sriov.numvfs", "-1 is out of range"),
        (#"{"devices": {"pci/0000:06:00.0": {"ports": {"sf/88": {}, "sf/88": {}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].ports[\"sf/88\"]", "sfnum 88 used twice"),
        (#"{"devices": {"pci/0000:06:00.0": {"ports": {"sf/88": {"sfnum": 89}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].ports[\"sf/88\"].sfnum", "sfnum 89 does not match the key sf/88"),
        (#"{"devices": {"pci/0000:06:00.0": {"ports": {"pf/0": {}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].ports[\"pf/0\"]", "is not a port key"),
        (#"{"devices": {"pci/0000:06:00.0": {"rates": {"a": {"type": "node", "parent": "b"}, "b": {"type": "node", "parent": "a"}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].rates.a.parent", "parent loop: a → b → a"),
        (#"{"devices": {"pci/0000:06:00.0": {"rates": {"a": {"type": "node", "tx_share": "2Gbit", "tx_max": "1Gbit"}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].rates.a", "tx_share 2Gbit is above tx_max 1Gbit"),
        (#"{"devices": {"pci/0000:06:00.0": {"rates": {"a": {"tx_max": 100}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].rates.a.tx_max", "a rate needs its unit"),
        (#"{"devices": {"pci/0000:06:00.0": {"ports": {"sf/1": {"function": {"opstate": "attached"}}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].ports[\"sf/1\"].function.opstate", "opstate is reported by the driver"),
        (#"{"devices": {"pci0000:06:00.0": {}}}"#, "$.devices[\"pci0000:06:00.0\"]", "is not a device handle"),
        (#"{"devices": {"pci/0000:06:00.0": {"ports": {"sf/1": {"function": {"hw_addr": "zz"}}}}}}"#,
         "$.devices[\"pci/0000:06:00.0\"].ports[\"sf/1\"].function.hw_addr", "is not a hardware address"),
        (#"{"devices": {"#, "$", "not JSON: line 1, column 14"),
    ]

    @Test(arguments: refusals.indices)
    func badDocumentsAreRefusedWithTheirPath(_ index: Int) {
        let (text, path, message) = Self.refusals[index]
        do {
            _ = try DocumentDecoder.decode(text)
            Issue.record("accepted: \(text)")
        } catch {
            #expect(error.path == path, "\(text)")
            #expect(error.message.contains(message), "\(error.message)")
        }
    }

    /// Port keys and node names are read from bytes when ASCII; other text keeps the Character rules.
    @Test func portKeysAndNodeNamesByteAndCharacterRules() throws {
        #expect(PortKey(parsing: "vf/0") == .vf(0))
        #expect(PortKey(parsing: "sf/88") == .sf(88))
        #expect(PortKey(parsing: "vf/007") == .vf(7))
        #expect(PortKey(parsing: "vf/4294967295") == .vf(UInt32.max))
        for text in ["vf/4294967296", "vf/", "vf", "vf/+1", "vf/-1", "vf/1/2", "xf/1", "vff/1", "/f/1", "VF/1",
                     "vf/1 ", "vf/1\u{301}", "vf/\u{661}", "v\u{301}f/1", ""] {
            #expect(PortKey(parsing: text) == nil, "\(text)")
        }
        func rates(_ key: String) -> String {
            #"{"devices": {"pci/0000:06:00.0": {"rates": {"\#(key)": {"type": "node"}}}}}"#
        }
        // "/" joined to a combining mark is one Character, not a "/"; Arabic-Indic digits are not ASCII digits.
        for name in ["a/\u{301}", "\u{661}\u{662}", "group1"] {
            let document = try DocumentDecoder.decode(rates(name))
            #expect(document.devices.first?.rates?.first?.key == .node(name))
        }
        for name in ["12", "a/b", "caf\u{E9}/1"] {
            #expect(throws: DocumentError.self) { try DocumentDecoder.decode(rates(name)) }
        }
    }
}

import Testing
@testable import DevlinkModel

/// Every name table covers its enum: one spelling per case, found at the case's number, and each
/// spelling reads back as its case.
@Suite struct NameTableTests {
    func check<T: DevlinkNameTable>(_ type: T.Type) {
        #expect(T.spellings.count == T.allCases.count, "\(T.self): \(T.spellings.count) spellings for \(T.allCases.count) cases")
        #expect(Set(T.spellings).count == T.spellings.count, "\(T.self) spells two cases alike")
        for (i, value) in T.allCases.enumerated() {
            #expect(Int(value.rawValue - T.firstRawValue) == i, "\(T.self).\(value): not in number order")
            #expect(T(name: value.name)?.rawValue == value.rawValue)
        }
        // The table's own `names` and `alternatives` say what the cases' names say.
        #expect(T.names == T.allCases.map(\.name), "\(T.self): names")
        #expect(T.alternatives() == T.allCases.map(\.name).joined(separator: " | "), "\(T.self): alternatives")
        #expect(T.alternatives(separator: ",") == T.allCases.map(\.name).joined(separator: ","), "\(T.self): alternatives")
    }

    @Test func everyTableMatchesItsCases() {
        check(BondMode.self); check(BondXmitHashPolicy.self); check(BondLacpRate.self)
        check(BondPrimaryReselect.self); check(LagTxType.self); check(LagHashType.self)
        check(BondLinkState.self); check(BondSlaveState.self); check(ParamCMode.self); check(ParamType.self)
        check(EswitchMode.self); check(EswitchInlineMode.self); check(EswitchEncapMode.self)
        check(PortType.self); check(PortFlavour.self); check(FunctionState.self); check(FunctionOpState.self)
        check(RateType.self); check(LagMode.self); check(LagPortSelectMode.self); check(FirmwareOpcode.self)
        check(ReloadAction.self); check(ReloadLimit.self)
    }

    @Test func spellingsAreTheKernels() {
        #expect(BondMode.ieee8023ad.name == "802.3ad")
        #expect(ParamType.bool.name == "flag")
        #expect(PortFlavour.unused.name == "<unknown flavour>")
        #expect(PortFlavour.pcisf.name == "pcisf")
        #expect(LagMode.sriov.name == "switchdev")
        #expect(FirmwareOpcode.destroyVportLag.name == "DESTROY_VPORT_LAG")
        #expect(EswitchEncapMode.basic.description == "basic")
        #expect(ReloadAction.fwActivate.name == "fw_activate")
        #expect(ReloadLimit.noReset.name == "no_reset")
    }
}

import Testing
@testable import DLSRepl

/// Completion inside devlink command statements, driven by the fake vocabulary.
@Suite struct CommandCompletionTests {
    let engine = CompletionEngine(vocabulary: FakeDevlinkVocabulary(), scope: FakeScope(),
                                  metaCommands: [":help": ["commands", "keys"], ":json": ["on", "off"],
                                                 ":quit": [], ":load": [MetaArgument.path]])

    @Test func uniqueCommandWordCompletesWithSpace() {
        #expect(CompletionEngine(vocabulary: FakeDevlinkVocabulary()).complete("po").action == .insert("port "))
        #expect(engine.complete("la").action == .insert("lag "))
    }

    @Test func commandWordBeatsFunctionAtStatementStart() {
        // `ports(...)` (and the builtin `pop`) share the prefix; at statement start the command wins.
        #expect(engine.complete("po").action == .insert("port "))
        #expect(engine.complete("let p = po").texts == ["port", "ports"])
        #expect(engine.complete("pri").action == .insert("print("))
    }

    @Test func devlinkPrefixIsTransparent() {
        #expect(engine.complete("devlink po").action == .insert("port "))
        #expect(engine.complete("devlink ").texts == ["dev", "lag", "port"])
    }

    @Test func verbsAreListedWhenNoLongerPrefix() {
        let c = engine.complete("port s")
        #expect(c.texts == ["set", "show", "split"])
        #expect(c.action == .list)
    }

    @Test func nestedObjectWords() {
        #expect(engine.complete("port fu").action == .insert("function "))
        #expect(engine.complete("port function r").action == .insert("rate "))
        #expect(engine.complete("port function rate ").texts == ["add", "del", "set", "show"])
    }

    @Test func abbreviatedKeywordsResolveLikeDevlink() {
        #expect(engine.complete("port sh pci/0000:06:00.1/").action == .insert("pci/0000:06:00.1/131071 "))
        #expect(engine.complete("port func ra se pci/0000:06:00.0/32768 tx_m").action == .insert("tx_max "))
    }

    @Test func handleCommonPrefixExtends() {
        #expect(engine.complete("port show pci/").action == .insert("pci/0000:06:00."))
        let second = engine.complete("port show pci/0000:06:00.")
        #expect(second.action == .list)
        #expect(second.texts.count == 3)
    }

    @Test func optionalPositionalOffersHandles() {
        #expect(engine.complete("dev show ").texts == ["pci/0000:06:00.0", "pci/0000:06:00.1"])
    }

    @Test func optionValuesAreListed() {
        let c = engine.complete("port function set pci/0000:06:00.0/32768 state ")
        #expect(c.texts == ["active", "inactive"])
        #expect(c.action == .list)
        #expect(engine.complete("port function set pci/0000:06:00.0/32768 state a").action == .insert("active "))
    }

    @Test func optionNamesAfterPositionalAndUsedOnesDrop() {
        let all = engine.complete("port function set pci/0000:06:00.0/32768 ")
        #expect(all.texts == ["hw_addr", "migratable", "roce", "state"])
        let rest = engine.complete("port function set pci/0000:06:00.0/32768 state active hw_addr 00:11:22:33:44:55 ")
        #expect(rest.texts == ["migratable", "roce"])
    }

    @Test func freeTextValueOffersNothing() {
        #expect(engine.complete("port function set pci/0000:06:00.0/32768 hw_addr ").action == .none)
    }

    @Test func enumValuesOfEswitchMode() {
        #expect(engine.complete("dev eswitch set pci/0000:06:00.0 mode s").action == .insert("switchdev "))
        #expect(engine.complete("dev eswitch set pci/0000:06:00.0 inline-mode n").texts == ["network", "none"])
    }

    @Test func rateParentListsNodesOfTheNamedDevice() {
        let c = engine.complete("port function rate set pci/0000:06:00.0/32768 parent ")
        #expect(c.texts == ["tenant1", "tenant2"])
        #expect(engine.complete("port function rate set pci/0000:06:00.1/131071 parent ").texts == [])
    }

    @Test func rateHandlesIncludeNodes() {
        #expect(engine.complete("port function rate show pci/0000:06:00.0/t").action == .insert("pci/0000:06:00.0/tenant"))
    }

    @Test func quantityOffersUnitsAfterTheNumber() {
        let c = engine.complete("port function rate set pci/0000:06:00.0/32768 tx_max 10g")
        #expect(c.texts == ["10gbit", "10gbps"])
        #expect(engine.complete("port function rate set pci/0000:06:00.0/32768 tx_max 10gbi").action == .insert("10gbit "))
        #expect(engine.complete("port function rate set pci/0000:06:00.0/32768 tx_max ").action == .none)
    }

    @Test func flagOptionTakesNoValue() {
        let c = engine.complete("port function rate set pci/0000:06:00.0/32768 noparent ")
        #expect(c.texts.contains("tx_max"))
        #expect(!c.texts.contains("noparent"))
    }

    @Test func portAddFlavours() {
        #expect(engine.complete("port add pci/0000:06:00.0 flavour pcis").action == .insert("pcisf "))
        #expect(engine.complete("port add pci/0000:06:00.0 flavour pcisf pf").action == .insert("pfnum "))
    }

    @Test func unknownVerbOffersNothing() {
        #expect(engine.complete("port frobnicate ").action == .none)
    }

    @Test func commandAsValueOfLetAndAssignment() {
        #expect(engine.complete("let sf = po").texts == ["port", "ports"])
        #expect(engine.complete("let sf = port a").action == .insert("add "))
        #expect(engine.complete("x = port sh").action == .insert("show "))
        #expect(engine.complete("return port sh").action == .insert("show "))
    }

    @Test func commandInsideBlocks() {
        #expect(engine.complete("for i in 0..<4 {\n    port fu").action == .insert("function "))
        #expect(engine.complete("for i in xs { port fu").action == .insert("function "))
        #expect(engine.complete("if x { port show }\nle").action == .insert("let "))
        #expect(engine.complete("port show; de").texts == ["dev", "devlink"])
        #expect(engine.complete("port show; po").action == .insert("port "))
    }

    @Test func backslashContinuesACommandLine() {
        #expect(engine.complete("port function set pci/0000:06:00.0/32768 \\\n  sta").action == .insert("state "))
    }

    @Test func interpolatedVariablesInCommands() {
        #expect(engine.complete("port show $d").action == .insert("$dev"))
        #expect(engine.complete("port function set $sf.fu").action == .insert("function"))
        #expect(engine.complete("port function set $sf state ").texts == ["active", "inactive"])
    }

    @Test func expressionInsideCommandInterpolation() {
        #expect(engine.complete("port show $(pri").action == .insert("print("))
    }

    @Test func quotedWordIsOneWord() {
        #expect(engine.complete("port function set \"pci/0000:06:00.0/32768\" st").action == .insert("state "))
    }

    @Test func commentsOfferNothing() {
        #expect(engine.complete("port show # po").action == .none)
        #expect(engine.complete("# po").action == .none)
    }

    @Test func metaCommands() {
        #expect(engine.complete(":j").action == .insert(":json "))
        #expect(engine.complete(":json ").texts == ["off", "on"])
        #expect(engine.complete(":help k").action == .insert("keys "))
        #expect(engine.complete(":quit ").action == .none)
        #expect(engine.complete(":").texts == [":help", ":json", ":load", ":quit"])
    }

    @Test func cursorInTheMiddleLooksOnlyBefore() {
        #expect(engine.complete(buffer: "port fu pci/0000:06:00.0/32768", cursor: 7).action == .insert("function "))
    }
}

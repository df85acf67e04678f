import Testing
@testable import DLSRepl

/// Completion of keywords, names and fields outside commands.
@Suite struct ExpressionCompletionTests {
    let engine = CompletionEngine(vocabulary: FakeDevlinkVocabulary(), scope: FakeScope())

    @Test func statementStartOffersKeywordsCommandsAndNames() {
        let c = engine.complete("")
        for word in ["let", "for", "port", "dev", "devlink", "sf", "print"] {
            #expect(c.texts.contains(word), "missing \(word)")
        }
        #expect(c.action == .list)
    }

    @Test func keywordCompletesWithSpace() {
        #expect(engine.complete("whi").action == .insert("while "))
        #expect(engine.complete("expect").action == .insert("expect_error "))
    }

    @Test func functionGetsParenVariableNothing() {
        #expect(engine.complete("pri").action == .insert("print("))
        #expect(engine.complete("let x = de").action == .insert("dev"))
        #expect(engine.complete("let n = len(sf").texts == ["sf", "sfs"])
    }

    @Test func commandWordsOnlyWhereACommandMayStart() {
        #expect(!engine.complete("print(po").texts.contains("port"))
        #expect(engine.complete("print(po").texts == ["ports"])
        #expect(engine.complete("let p = po").texts == ["port", "ports"])
    }

    @Test func fieldsAfterDot() {
        #expect(engine.complete("sf.fl").action == .insert("flavour"))
        #expect(engine.complete("print(sf.function.st").action == .insert("state"))
        #expect(engine.complete("sf.function.").texts == ["hw_addr", "opstate", "state"])
        #expect(engine.complete("nothing.").action == .none)
    }

    @Test func numbersAndRangesOfferNothing() {
        #expect(engine.complete("let x = 12").action == .none)
        #expect(engine.complete("for i in 0..<4").action == .none)
    }

    @Test func stringsOfferNothingButInterpolationDoes() {
        #expect(engine.complete("print(\"po").action == .none)
        #expect(engine.complete("print(\"${sf.ha").action == .insert("handle"))
    }

    @Test func afterClosedStringContinuesInExpression() {
        #expect(engine.complete("print(\"a\", de").action == .insert("dev"))
    }

    @Test func withoutVocabularyOrScopeOnlyKeywords() {
        let bare = CompletionEngine()
        #expect(bare.complete("po").action == .none)
        #expect(bare.complete("le").action == .insert("let "))
    }

    @Test func commonPrefixRule() {
        #expect(Completion.commonPrefix(["pci/0000:06:00.0", "pci/0000:06:00.1"]) == "pci/0000:06:00.")
        #expect(Completion.commonPrefix(["a", "b"]) == "")
        let c = Completion(fragment: "s", candidates: [Candidate("sf", terminator: ""), Candidate("sfs", terminator: "")])
        #expect(c.action == .insert("sf"))
    }

    @Test func listFormatterUsesColumns() {
        let out = CompletionListFormatter.format(["active", "inactive", "x"], width: 30)
        #expect(out == "active    inactive  x\n")
        let narrow = CompletionListFormatter.format(["active", "inactive", "x"], width: 12)
        #expect(narrow == "active\ninactive\nx\n")
    }
}

import Testing
@testable import DLSLanguage

@Suite struct ParserTests {
    func diagnostics(_ source: String, words: Set<String> = []) -> [String] {
        Parser.parse(source, file: "t.dls", commandWords: words).1.map { "\($0.location.line):\($0.location.column): \($0.message)" }
    }

    @Test func validProgramHasNoDiagnostics() {
        let source = """
        let x = 1; let y = [1, 2,
          3]
        fn f(a, b) { return a + b }
        if x < 2 { print(1) } else if x > 3 { print(2) } else { print(3) }
        for k, v in ({"a": 1, b: 2}) { print(k) }
        while false { break }
        try { throw "x" } catch e { print(e) }
        let g = fn(p) { p * 2 }
        assert f(1, 2) == 3, "sum"
        """
        #expect(diagnostics(source) == [])
    }

    @Test func unclosedBlockSaysWhatItCloses() {
        let d = diagnostics("let a = 1\nfor i in 0..<3 {\n  print(i)\n")
        #expect(d == ["3:11: '}' expected (to close 'for' at line 2)"])
    }

    @Test func recoversAndReportsSeveralErrors() {
        let d = diagnostics("let = 1\nlet ok = 2\nprint(1 +)\nlet z = )\n")
        #expect(d.count == 3)
        #expect(d[0].hasPrefix("1:5: variable name after 'let' expected"))
        #expect(d[1].hasPrefix("3:10: expression expected, found ')'"))
        #expect(d[2].hasPrefix("4:9: expression expected"))
    }

    @Test func mapLiteralInLoopHeaderNeedsParentheses() {
        #expect(diagnostics("for k in {\"a\": 1} { }").first == "1:10: a map literal here must be in parentheses: '{' starts the block")
    }

    @Test func chainedComparisonIsAnError() {
        #expect(diagnostics("let x = 1 < 2 < 3").first?.contains("cannot be chained") == true)
    }

    @Test func incompleteInputIsDetected() {
        #expect(Parser.needsMoreInput("for i in 0..<3 {"))
        #expect(Parser.needsMoreInput("let x = [1,"))
        #expect(Parser.needsMoreInput("let x = 1 +"))
        #expect(Parser.needsMoreInput("fn f(a) {\n  if a {\n"))
        #expect(Parser.needsMoreInput("port show \\\n", commandWords: ["port"]))
        #expect(!Parser.needsMoreInput("let x = )"))
        #expect(!Parser.needsMoreInput("let x = 1"))
        #expect(!Parser.needsMoreInput("}"))
    }

    @Test func commandWordsAreShellLike() {
        let (program, d) = Parser.parse("port add pci/0000:06:00.0 flavour pcisf \"a b\" 'c$d' x\\ y # comment\n",
                                        file: "t", commandWords: ["port"])
        #expect(d.isEmpty)
        guard case .command(let call) = program.statements.first?.kind else { Issue.record("not a command"); return }
        let texts = call.words.map { word in word.parts.map { if case .text(let t) = $0 { t } else { "<expr>" } }.joined() }
        #expect(texts == ["port", "add", "pci/0000:06:00.0", "flavour", "pcisf", "a b", "c$d", "x y"])
    }

    @Test func braceEndsACommandInsideABlock() {
        let (program, d) = Parser.parse("let steps = [fn() { port show x }, fn() { port show y}]\n", file: "t", commandWords: ["port"])
        #expect(d.isEmpty)
        #expect(program.statements.count == 1)
    }

    @Test func commandWordStillUsableAsVariable() {
        let (program, d) = Parser.parse("port = 3\nlet p = port(1)\nport.x = 2", file: "t", commandWords: ["port"])
        #expect(d.isEmpty)
        #expect(program.statements.count == 3)
        if case .command = program.statements[0].kind { Issue.record("assignment parsed as command") }
    }

    @Test func deepNestingIsAnErrorNotACrash() {
        let deep = String(repeating: "(", count: 5000) + "1" + String(repeating: ")", count: 5000)
        #expect(diagnostics("let x = " + deep).first?.contains("nested too deeply") == true)
        let blocks = String(repeating: "{", count: 5000)
        #expect(!diagnostics(blocks).isEmpty)
        #expect(diagnostics("let x = 1" + String(repeating: "+1", count: 300_000)).first?.contains("too many operators in a row") == true)
        #expect(diagnostics("let x = a" + String(repeating: ".b", count: 300_000)).first?.contains("too many operators in a row") == true)
        #expect(diagnostics("let x = 1" + String(repeating: "+1", count: 900)).isEmpty)
        // Every left-associative level allows exactly `maxChain` operators in a row.
        for op in ["+", "*", "||", "&&"] {
            #expect(diagnostics("let x = 1" + String(repeating: "\(op)1", count: Parser.maxChain)).isEmpty)
            #expect(diagnostics("let x = 1" + String(repeating: "\(op)1", count: Parser.maxChain + 1)).first?
                .contains("too many operators in a row (limit 1000)") == true)
        }
        let interpolations = "port show " + String(repeating: "$(port show ", count: 3000) + "1" + String(repeating: ")", count: 3000)
        #expect(diagnostics(interpolations, words: ["port"]).first?.contains("nested too deeply") == true)
        let strings = "let s = " + String(repeating: "\"${", count: 3000) + "1" + String(repeating: "}\"", count: 3000)
        #expect(diagnostics(strings).first?.contains("nested too deeply") == true)
    }
}

@Suite struct DiagnosticRenderingTests {
    @Test func longLinesAreWindowedAroundTheCaret() {
        let source = "let x = " + String(repeating: "1+", count: 2000) + "1"
        let diagnostics = Parser.parse(source, file: "long.dls").1
        guard let first = diagnostics.first else { Issue.record("no diagnostic"); return }
        let rendered = first.rendered(source: SourceText(name: "long.dls", text: source))
        let lines = rendered.split(separator: "\n")
        #expect(lines.count == 3)
        #expect(lines.allSatisfy { $0.count < 240 })
        #expect(lines[1].hasPrefix("    ...") && lines[1].hasSuffix("..."))
    }
}

@Suite struct ParserRecoveryTests {
    @Test func noCascadeAfterAnErrorInsideBraces() {
        let d = Parser.parse("let m = {\"a\": }\nlet ok = 1\n", file: "t").1.map(\.message)
        #expect(d == ["expression expected, found '}'"])
    }

    @Test func endOfInputErrorsPointAfterTheLastToken() {
        let d = Parser.parse("let x = 1 +\n", file: "t").1
        #expect(d.first.map { "\($0.location.line):\($0.location.column)" } == "1:12")
        #expect(d.first?.atEndOfInput == true)
    }
}

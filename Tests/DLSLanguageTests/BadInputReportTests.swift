import Testing
@testable import DLSLanguage

/// Reports about garbage input (issue 17: a 2 MB file took minutes, its errors scrolled by the ten
/// thousand, and raw control bytes reached the terminal).
@Suite struct BadInputReportTests {
    @Test func linesAreFoundByIndex() {
        let text = SourceText(name: "t", text: "one\ntwo\r\n\nlast")
        #expect(text.line(1) == "one" && text.line(2) == "two" && text.line(3) == "" && text.line(4) == "last")
        #expect(text.line(0) == nil && text.line(5) == nil)
        #expect(SourceText(name: "t", text: "").line(1) == "" && SourceText(name: "t", text: "x\n").line(2) == "")
    }

    @Test func controlBytesAreEscapedAndTheCaretFollows() {
        let (_, error) = run("let a = 1\u{01}\u{1B}[2J")
        #expect(error == """
            t.dls:1:10: error: unexpected character '\\x01'
                let a = 1\\x01\\x1B[2J
                         ^
            """)
        #expect(DiagnosticRenderer.visible("a\tb\u{7F}\u{85}") == "a\tb\\x7F\\x85")
        #expect(DiagnosticRenderer.visible("two\nlines", keepNewlines: true) == "two\nlines")
    }

    @Test func aReportShowsFiftyErrorsAndCountsTheRest() {
        let garbage = String(repeating: ")\n", count: 120)
        let (_, error) = run(garbage)
        let lines = error?.split(separator: "\n", omittingEmptySubsequences: false) ?? []
        #expect(lines.filter { $0.contains(": error: ") }.count == 50)
        #expect(lines.last == "... and 70 more errors")
        #expect(Diagnostic.report(["a", "b"]) == ["a", "b"])
    }
}

/// Ctrl-C reaches a long parse (issue 17: a huge input could not be interrupted until parsed).
@Suite struct InterruptibleParseTests {
    static let big = String(repeating: "let x = (1 + 2)\n", count: 2000)   // ~16 000 tokens

    @Test func theParserStopsWhenAsked() {
        var asked = 0
        let (_, _, stopped) = Parser.parse(Self.big, file: "t", shouldStop: { asked += 1; return asked >= 2 })
        #expect(stopped && asked == 2)
        let (program, diagnostics, ran) = Parser.parse(Self.big, file: "t", shouldStop: { false })
        #expect(!ran && diagnostics.isEmpty && program.statements.count == 2000)
    }

    @Test func anInterruptedParseIsAnInterruptedRun() {
        let (_, error) = run(Self.big) { $0.interruptPoll = { true } }
        #expect(error?.hasPrefix("t.dls:1:1: error: interrupted") == true, "\(error ?? "")")
    }
}

import DevlinkCommands
import Testing

@Suite("Batch reader: getcmdline + makeargs")
struct BatchReaderTests {
    func lines(_ text: String) throws -> [BatchReader.Line] {
        var reader = BatchReader(text)
        var out: [BatchReader.Line] = []
        while let line = try reader.nextLine() { out.append(line) }
        return out
    }

    /// As in makeargs, the character right after a closing quote is eaten (`'x'y` gives `x`).
    @Test func commentsContinuationsQuotes() throws {
        let got = try lines("# c\n\ndev show # x\nport add a \\\n  flavour \"pc isf\" 'x'y\n")
        #expect(got == [
            BatchReader.Line(number: 3, words: ["dev", "show"]),
            BatchReader.Line(number: 5, words: ["port", "add", "a", "flavour", "pc isf", "x"]),
        ])
    }

    @Test func commentCancelsContinuationAndLastLineWithoutNewline() throws {
        #expect(try lines("dev show # \\\nport show") == [
            BatchReader.Line(number: 1, words: ["dev", "show"]),
            BatchReader.Line(number: 2, words: ["port", "show"]),
        ])
        #expect(try lines("dev show \\") == [BatchReader.Line(number: 1, words: ["dev", "show", "\\"])])
    }

    @Test func errors() {
        #expect(throws: BatchReader.Failure.missingContinuation) { try lines("dev \\\n") }
        #expect(throws: BatchReader.Failure.unterminatedQuote(line: 1)) { try lines("dev \"show\n") }
    }
}

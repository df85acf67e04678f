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

    /// `nextLine(into:)` rewrites the caller's array: whatever it held before (longer lines, dls
    /// values, a blank line between), the words come out as a fresh reader's, without values.
    @Test func wordsRewrittenInPlace() throws {
        let text = "port function rate set a/b/1 tx_max 1mbit\n\n# note\nport function rate set a/b/22 tx_max 2mbit\nport 'x y'\n\"\"\nport function rate set a/b/1\n"
        var reader = BatchReader(text)
        var words = (0..<9).map { CommandWordInput(text: "junk\($0)", value: .int($0)) }
        var got: [BatchReader.Line] = []
        while let number = try reader.nextLine(into: &words) {
            #expect(words.allSatisfy { $0.value == nil })
            got.append(BatchReader.Line(number: number, words: words.map(\.text)))
        }
        #expect(got == [
            BatchReader.Line(number: 1, words: ["port", "function", "rate", "set", "a/b/1", "tx_max", "1mbit"]),
            BatchReader.Line(number: 4, words: ["port", "function", "rate", "set", "a/b/22", "tx_max", "2mbit"]),
            BatchReader.Line(number: 5, words: ["port", "x y"]),
            BatchReader.Line(number: 6, words: [""]),
            BatchReader.Line(number: 7, words: ["port", "function", "rate", "set", "a/b/1"]),
        ])
        #expect(try lines(text) == got)
    }
}

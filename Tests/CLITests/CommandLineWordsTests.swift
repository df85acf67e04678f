import Testing
@testable import dls

/// `dls port show ...`: the arguments become one command line; words that the line syntax would
/// split or interpolate are quoted.
@Suite struct CommandLineWordsTests {
    @Test func plainWordsStayAsTheyAre() {
        #expect(RunOptions.commandLine(["port", "show", "pci/0000:06:00.0/1", "-j"]) == "port show pci/0000:06:00.0/1 -j")
    }

    @Test func wordsWithBlanksQuotesOrDollarsAreQuoted() {
        #expect(RunOptions.commandLine(["a b", "#x", "$y", ""]) == "'a b' '#x' '$y' ''")
        #expect(RunOptions.commandLine(["it's $x"]) == #""it's \$x""#)
    }
}

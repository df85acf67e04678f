import TextEscaping
import Testing

@Suite struct JSONQuotingTests {
    @Test func iproute2NamesFormFeedAndBackspaceAndPassesOtherControls() {
        #expect(JSONQuoting.iproute2.quote("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(JSONQuoting.iproute2.quote("\u{0C}\u{08}") == #""\f\b""#)
        #expect(JSONQuoting.iproute2.quote("x\u{01}y") == "\"x\u{01}y\"")
        #expect(JSONQuoting.iproute2.quote("ünï") == "\"ünï\"")
    }

    @Test func strictEscapesEveryOtherControlAsUnicode() {
        #expect(JSONQuoting.strict.quote("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(JSONQuoting.strict.quote("\u{0C}\u{08}\u{1F}") == #""\u000c\u0008\u001f""#)
        #expect(JSONQuoting.strict.quote("") == "\"\"")
    }

    @Test func dlsLiteralEscapesEveryOtherControlAsSwiftDoes() {
        #expect(JSONQuoting.dlsLiteral.quote("a\"b\\c\nd\re\tf") == #""a\"b\\c\nd\re\tf""#)
        #expect(JSONQuoting.dlsLiteral.quote("\u{0C}\u{1F}ü") == #""\u{c}\u{1f}ü""#)
    }

    @Test func escapingScalarsReplacesOnlyWhatTheTableNames() {
        #expect("a<b>&é".escapingScalars { $0 == "<" ? "&lt;" : $0 == "&" ? "&amp;" : nil } == "a&lt;b>&amp;é")
        #expect("".escapingScalars { _ in "x" } == "")
    }
}

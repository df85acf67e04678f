import Testing
@testable import DLSLanguage

/// `format` reads an all-ASCII template byte by byte and any other over characters; on ASCII
/// templates the two must agree exactly: output, and error text when the template is bad.
@Suite struct FormatPathTests {
    /// The character path under another name of the same length (error columns stay comparable).
    private static func withCharacterPath(_ interpreter: Interpreter) {
        interpreter.define(NativeFunction("fmt_ch", arity: 1...Int.max) { args in
            .string(try Formatter.formatCharacters(try args.string(0), Array(args.all.dropFirst()), args))
        })
    }

    private static func both(_ template: String, _ arguments: String) -> (ascii: String, chars: String) {
        func result(_ function: String) -> String {
            let (out, error) = run("print(\(function)(\"\(template)\"\(arguments)))", configure: withCharacterPath)
            return (error ?? out).replacingOccurrences(of: "fmt_ch", with: "format")
        }
        return (result("format"), result("fmt_ch"))
    }

    @Test func bytePathAgreesWithCharacterPathOnRandomTemplates() {
        // Templates from whole placeholders, escaped braces and text, and the single characters that
        // mean something to format (so that broken templates are compared too).
        let alphabet = ["{}", "{:<3}", "{:>4}", "{:^5}", "{0}", "{1:.2}", "{2}", "{{", "}}", "ab", " ", "%",
                        ":", "{", "}", ".", "9", "<", "{:>12}", "{:^}", "{:.0}", "{:<99999999999999999999}", "{-1}", "{:.-2}",
                        "{:x}", "{:.31}", "{:>1001}", "{1:^7.3}", "-", "+"]
        var seed: UInt64 = 0x5eed
        func random(_ n: Int) -> Int {
            seed = seed &* 6364136223846793005 &+ 1442695040888963407
            return Int((seed >> 33) % UInt64(n))
        }
        var agreed = 0, succeeded = 0
        for _ in 0..<1200 {
            let template = (0..<random(7)).map { _ in alphabet[random(alphabet.count)] }.joined()
            let arguments = [", 7", ", 7, \"ab\"", ", 2.5, -3, \"xyz\"", ", \"é\", 4"][random(4)]
            let (ascii, chars) = Self.both(template, arguments)
            #expect(ascii == chars, "format(\"\(template)\"\(arguments))")
            if ascii == chars { agreed += 1 }
            if !ascii.contains("error:") { succeeded += 1 }
        }
        #expect(agreed == 1200)
        #expect(succeeded > 60, "too few templates formatted without an error to compare outputs")
    }

    @Test func knownTemplates() {
        #expect(output(#"print(format("{:<6}|{:>4}|{:^5}|{{x}}", "ab", 7, "c"))"#) == "ab    |   7|  c  |{x}\n")
        #expect(output(#"print(format("{1} {0} {:.2}", 1.5, "b"))"#) == "b 1.5 1.50\n")
        #expect(errorLine(#"print(format("a } b"))"#).hasSuffix("single '}' in format string (write '}}')"))
        #expect(errorLine(#"print(format("%s", 1))"#).contains("not %s"))
        // Non-ASCII templates take the character path: widths count characters.
        #expect(output(#"print(format("é{:>3}é", 1))"#) == "é  1é\n")
    }

    /// A negative argument index or precision crashed both paths (an array read at -1, a range
    /// 0..<-2); width digits past Int's range were read as no width.
    @Test func negativeIndexPrecisionAndHugeWidthAreErrors() {
        for template in ["{-1}", "é{-1}"] {
            #expect(errorLine("print(format(\"\(template)\", 5))").hasSuffix("bad placeholder '{-1}'"))
        }
        for template in ["{:.-2}", "é{:.-2}"] {
            #expect(errorLine("print(format(\"\(template)\", 5.5))").hasSuffix("bad precision in '{:.-2}'"))
        }
        for template in ["{:99999999999999999999}", "é{:99999999999999999999}"] {
            #expect(errorLine("print(format(\"\(template)\", 5))").hasSuffix("width too large"))
        }
        // Widths count characters on both paths, also when the value is not ASCII.
        #expect(output(#"print(format("[{:>4}]", "é"))"#) == "[   é]\n")
        #expect(output(#"print(format("[{:^5}]", "a\r\nb"))"#) == "[ a\r\nb ]\n")
    }
}

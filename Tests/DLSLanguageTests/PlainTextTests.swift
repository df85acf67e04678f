import Testing
@testable import DLSLanguage

/// The byte paths of the string builtins (PlainText) must answer as the Character paths do. A box
/// made with no flags takes the Character path whatever its bytes, so each case runs both.
@Suite struct PlainTextTests {
    static let texts = [
        "", "a", "abc", "hello world", "  padded\t", "eth0/port1", "abcabcab", "x\r\ny", "\r\n", "a\rb",
        "e\u{301}tude", "caf\u{E9}", "\u{212A}elvin", "\u{1F1E9}\u{1F1EA}!", " \u{85}x\u{A0} ", "Stra\u{DF}e",
    ]
    static let needles = ["", "a", "b", "ab", "bc", "abc", "world", "\r", "\n", "\r\n", "e", "\u{301}", "K", "\u{E9}", "x", "0/p"]

    /// The box of `text` as it is made (flags found), and the same bytes with no flags.
    static func boxes(_ text: String) -> (fast: StringBox, slow: StringBox) {
        var t = text
        let slow = t.withUTF8 { StringBox.make($0, flags: []) }
        return (StringBox.make(text), slow)
    }

    @Test func plainFlagsAreWhatTheTestsRelyOn() {
        #expect(Self.boxes("abc").fast.isPlain)
        #expect(!Self.boxes("x\r\ny").fast.isPlain)
        #expect(!Self.boxes("abc").slow.isASCII)
    }

    @Test func indexingIterationAndSlicesMatchTheCharacterPath() {
        for text in Self.texts {
            let (fast, slow) = Self.boxes(text)
            let n = CharacterCount.of(fast)
            #expect(n == text.count)
            for i in 0..<n {
                #expect(PlainText.character(fast, at: i).value == PlainText.character(slow, at: i).value, "\(text) [\(i)]")
                #expect(PlainText.character(fast, at: i).value == String(Array(text)[i]))
            }
            #expect(PlainText.characterList(fast).map(\.str) == PlainText.characterList(slow).map(\.str))
            #expect(PlainText.characterList(fast).map(\.str) == text.map { String($0) })
            for a in 0...n {
                for b in a...n {
                    #expect(PlainText.slice(fast, a..<b).value == PlainText.slice(slow, a..<b).value, "\(text) \(a)..<\(b)")
                    #expect(PlainText.slice(fast, a..<b).value == String(Array(text)[a..<b]))
                }
            }
        }
    }

    @Test func searchesMatchTheCharacterPath() {
        for text in Self.texts {
            for needle in Self.needles + Self.texts {
                let (t, ts) = Self.boxes(text), (n, ns) = Self.boxes(needle)
                #expect(PlainText.contains(t, n) == PlainText.contains(ts, ns), "contains(\(text.debugDescription), \(needle.debugDescription))")
                #expect(PlainText.hasPrefix(t, n) == PlainText.hasPrefix(ts, ns), "starts_with(\(text.debugDescription), \(needle.debugDescription))")
                #expect(PlainText.hasPrefix(t, n) == text.hasPrefix(needle))
                #expect(PlainText.hasSuffix(t, n) == PlainText.hasSuffix(ts, ns), "ends_with(\(text.debugDescription), \(needle.debugDescription))")
                #expect(PlainText.hasSuffix(t, n) == text.hasSuffix(needle))
            }
        }
    }

    @Test func caseAndTrimMatchTheCharacterPath() {
        for text in Self.texts + ["MiXeD 123 @[`{", " \r\n x \r\n", "\u{B}\u{C}y\u{1C}"] {
            let (fast, slow) = Self.boxes(text)
            for upper in [true, false] {
                let f = PlainText.changingCase(fast, upper: upper), s = PlainText.changingCase(slow, upper: upper)
                #expect(f.value == s.value, "\(text.debugDescription) upper: \(upper)")
                #expect(f.flags == StringBox.make(f.value).flags)
            }
            let f = PlainText.trim(fast)
            #expect(f.value == PlainText.trim(slow).value, "trim(\(text.debugDescription))")
            #expect(f.value == text.trimmingSpaces())
            #expect(f.flags == StringBox.make(f.value).flags)
        }
    }

    @Test func integersMatchTheStringPath() {
        let texts = [
            "0", "12345", "-7", "+7", "-", "+", "", " 42 ", "\t42\r\n", "4 2", "0x1f", "0xFF", "0x", "0x-ff", "0x+1",
            "0X1f", "1e3", "9223372036854775807", "9223372036854775808", "-9223372036854775808",
            "-9223372036854775809", "0x7fffffffffffffff", "0x8000000000000000", "0x-8000000000000000",
            "--1", "+-1", "0x0x1", "\u{1C}1", "12\u{301}", "١٢",
        ]
        for text in texts {
            let (fast, slow) = Self.boxes(text)
            let t = text.trimmingSpaces()
            let expected = Int(t) ?? (t.hasPrefix("0x") ? Int(t.dropFirst(2), radix: 16) : nil)
            #expect(PlainText.integer(fast) == expected, "int(\(text.debugDescription))")
            #expect(PlainText.integer(slow) == nil)
        }
    }

    @Test func theBuiltinsKeepTheirResultsAndErrors() {
        #expect(output(#"let s = "hello"; print(s[0], s[-1], s[4], slice(s, 1, 3), slice(s, -3), slice(s, 3, 1), slice(s, -99, 99))"#) == "h o o el llo  hello\n")
        #expect(output("let s = \"a\\r\\nb\"; print(len(s), repr(s[1]), repr(slice(s, 1, 2)))") == "3 \"\\r\\n\" \"\\r\\n\"\n")
        #expect(output("let s = \"e\u{301}x\"; print(len(s), s[0] == \"e\u{301}\", s[1])") == "2 true x\n")
        #expect(errorLine(#"let s = "abc"; print(s[3])"#).contains("index 3 out of range: the string has 3 characters"))
        #expect(errorLine("let s = \"\u{E9}b\\r\\n\"; print(s[3])").contains("index 3 out of range: the string has 3 characters"))
        #expect(errorLine(#"let s = "abc"; print(s[-4])"#).contains("index -4 out of range: the string has 3 characters"))
        #expect(output(#"let out = []; for c in "ab\r\nc" { append(out, repr(c)) }; print(out)"#) == #"["\"a\"", "\"b\"", "\"\\r\\n\"", "\"c\""]"# + "\n")
        #expect(output(#"for i, c in "xy" { print(i, c) }"#) == "0 x\n1 y\n")
        #expect(output(#"print(reverse("abc"), map("ab", fn(c) { return upper(c) }))"#) == #"["c", "b", "a"] ["A", "B"]"# + "\n")
        #expect(output("print(contains(\"eth0/port1\", \"0/p\"), contains(\"abc\", \"\"), contains(\"e\u{301}\", \"e\"), contains(\"K\", \"\u{212A}\"))") == "true true false true\n")
        #expect(output(#"print(starts_with("abc", "ab"), ends_with("abc", "bc"), ends_with("a\r\n", "\n"))"#) == "true true false\n")
        #expect(output(#"print(upper("abc!"), lower("ABC!"), repr(trim(" \t x \r\n")), int(" 42 "), int("0x1F"), int("-9223372036854775808"))"#) == "ABC! abc! \"x\" 42 31 -9223372036854775808\n")
        #expect(errorLine(#"print(int("12a"))"#).contains(#""12a" is not an integer"#))
        #expect(errorLine(#"print(int("9223372036854775808"))"#).contains("is not an integer"))
    }
}

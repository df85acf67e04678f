import Testing
@testable import DLSLanguage

/// The interpreter's fast paths (one-allocation interpolation, ASCII `len`, inline `append`,
/// arguments evaluated straight into frames, inline `if x < k`) must give exactly what the
/// general paths give, including errors, and leave the value stack consistent when they throw.
@Suite struct FastPathTests {
    @Test func interpolationOfEveryKindOfValue() {
        #expect(output(#"let i = -42; print("<${i}|${0}|${7}|${-9223372036854775807 - 1}|${9223372036854775807}>")"#)
                == "<-42|0|7|-9223372036854775808|9223372036854775807>\n")
        #expect(output(#"print("${1.5} ${nil} ${true} ${[1, "a"]} ${{"k": 2}} ${10gbit} ${"é"}${"ü"}")"#)
                == "1.5 nil true [1, \"a\"] {\"k\": 2} 10Gbit éü\n")
        #expect(output(#"let s = "x"; print("${s}${s}${s}", len("${s}${s}"), "a${""}b")"#) == "xxx 2 ab\n")
        #expect(output(#"fn f(n) { return "n=${n}" }; print(f(3) + f(-3))"#) == "n=3n=-3\n")
    }

    @Test func interpolationErrorsStopTheString() {
        #expect(errorLine(#"print("a${undefined_name}b")"#).contains("undefined_name"))
        // The scratch slots of the failed string are released: the next one works.
        #expect(output("""
        for i in 0..<3 { try { print("${i}${[][5]}") } catch e { } }
        print("after ${1}")
        """) == "after 1\n")
    }

    @Test func mapLiteralsWithConstantKeysBehaveAsTheGeneralPath() {
        // Maps built from one literal are independent; keys keep the literal's order.
        #expect(output(#"""
        let ms = []
        for i in 0..<3 { append(ms, {"id": i, "name": "sf${i}", 7: true, false: nil}) }
        ms[0]["id"] = 99
        ms[1]["extra"] = 1
        print(ms[0], ms[1], ms[2])
        print(keys(ms[2]), ms[2][7], ms[2][false])
        """#) == #"{"id": 99, "name": "sf0", 7: true, false: nil} {"id": 1, "name": "sf1", 7: true, false: nil, "extra": 1} {"id": 2, "name": "sf2", 7: true, false: nil}"#
                + "\n" + #"["id", "name", 7, false] true nil"# + "\n")
        // A repeated key takes the general path: the last value wins, at the first key's place.
        #expect(output(#"print({"a": 1, "b": 2, "a": 3})"#) == #"{"a": 3, "b": 2}"# + "\n")
        // 1 and 1.0 are one key, as in the general path.
        #expect(output(#"print({1: "x", 1.0: "y"})"#) == #"{1: "y"}"# + "\n")
        // A value that throws stops the literal.
        #expect(errorLine(#"let m = {"a": 1, "b": [][3]}"#).contains("index"))
    }

    @Test func asciiSplitGivesWhatTheCharacterSplitGives() {
        func general(_ text: String, _ sep: String?) -> [String] {
            guard let sep else { return text.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map(String.init) }
            return text.split(separator: sep, omittingEmptySubsequences: false).map(String.init)
        }
        func strings(_ values: [Value]?) -> [String]? { values?.map(\.str) }
        var random = SystemRandomNumberGenerator()
        let alphabet = Array("ab ,\t\n")
        var cases: [(String, String)] = [("", ","), ("a", "abc"), (",a,", ","), ("aaaa", "aa"), ("a, b,, c", ", "), ("abc", "abc")]
        for _ in 0..<500 {
            let text = String((0..<Int.random(in: 0...12, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            let sep = String((0..<Int.random(in: 1...3, using: &random)).map { _ in alphabet.randomElement(using: &random)! })
            cases.append((text, sep))
        }
        for (text, sep) in cases {
            #expect(strings(ASCIISplit.split(.make(text), separator: .make(sep))) == general(text, sep), "split(\(text.debugDescription), \(sep.debugDescription))")
            #expect(strings(ASCIISplit.splitAtBlanks(.make(text))) == general(text, nil), "split(\(text.debugDescription))")
        }
        // Where bytes are not characters the general path answers: "\r\n" is one character, é two bytes.
        #expect(ASCIISplit.split(.make("a\r\nb"), separator: .make("\n")) == nil)
        #expect(ASCIISplit.splitAtBlanks(.make("é b")) == nil)
        #expect(output(#"print(split("a\r\nb", "\n"), split("x\r\ny z"), split("é,b", ","))"#)
                == "[\"a\\r\\nb\"] [\"x\\r\\ny\", \"z\"] [\"é\", \"b\"]\n")
    }

    @Test func intKeyedMapsFindEveryKey() {
        // Int keys hash their own way (MapKeyHashing); 1.0 is the key 1, 1.5 a float key.
        #expect(output("""
        let m = {}
        for i in -2000..<2000 { m[i * 7919] = i }
        let found = 0
        for i in -2000..<2000 { if m[i * 7919] == i { found += 1 } }
        m[9223372036854775807] = "max"; m[-9223372036854775807 - 1] = "min"; m[1.0] = "one"; m[1.5] = "x"
        print(found, len(m), contains(m, 7919), contains(m, 7918), m[1], m[1.5], m[9223372036854775807], m[-9223372036854775807 - 1])
        """) == "4000 4004 true false one x max min\n")
    }

    @Test func lenCountsCharacters() {
        #expect(output(#"print(len(""), len("abc"), len("a\r\nb"), len("\r\n\r\n"), len("\r"), len("\n\r"))"#) == "0 3 3 2 1 2\n")
        // "\r\n" across the eight-byte blocks the ASCII path reads.
        #expect(output(#"print(len("1234567\r\n9"), len("12345678\r\n"), len("123456781234567\r\n"))"#) == "9 9 16\n")
        #expect(output("print(len(\"héllo\"), len(\"👍🏽ok\"), len(\"e\u{301}\"), len(\"\u{301}abcdefgh\"))") == "5 3 1 9\n")
        #expect(output(#"print(len([1, 2]), len({"a": 1}))"#) == "2 1\n")
    }

    @Test func appendInlineAndByTheBuiltinGiveTheSameResults() {
        #expect(output("let l = []; append(l, 1); append(l, 2, 3); append(l, [4]); print(l, len(l))") == "[1, 2, 3, [4]] 4\n")
        // Not a list: the builtin words the error, as it does for three arguments.
        #expect(errorLine("append(5, 1)") == errorLine("append(5, 1, 2)"))
        #expect(errorLine("append(5, 1)").contains("append()"))
        #expect(errorLine("append([])").contains("append() takes at least 2 arguments, got 1"))
        // A script's own `append` is called, not the builtin.
        #expect(output("fn append(a, b) { print(\"mine\", a, b) }\nappend([], 1)") == "mine [] 1\n")
        #expect(output("let l = []\nfor i in 0..<1000 { append(l, \"${i}\") }\nprint(len(l), l[999], slice(join(l), 0, 12))") == "1000 999 012345678910\n")
    }

    @Test func argumentErrorsLeaveTheStackUsable() {
        let source = """
        fn pair(a, b) { return [a, b] }
        fn boom() { throw "boom" }
        let caught = 0
        for i in 0..<5000 {
            try { pair(i, boom()) } catch e { caught += 1 }
            try { pair(boom(), i) } catch e { caught += 1 }
            try { append([], boom()) } catch e { caught += 1 }
            try { str(boom()) } catch e { caught += 1 }
        }
        fn depth(n) { if n == 0 { return 0 } return 1 + depth(n - 1) }
        print(caught, depth(500), pair(1, pair(2, 3)))
        """
        #expect(output(source) == "20000 500 [1, [2, 3]]\n")
    }

    @Test func inlineComparisonInIfMatchesTheGeneralOne() {
        let source = """
        fn classify(x) {
            if x < 0 { return "neg" }
            if x >= 10 { return "big" }
            if x == 5 { return "five" }
            if x != 6 { return "other" }
            return "six"
        }
        print(classify(-1), classify(10), classify(5), classify(6), classify(7), classify(2.5))
        """
        #expect(output(source) == "neg big five six other other\n")
        #expect(errorLine("fn f(x) { if x < 2 { return 1 } }\nf(\"a\")").contains("cannot compare"))
    }

    @Test func intConstantOperationsMatchTheGeneralOnes() {
        // Locals (slot reads) and other expressions on the left, every operator with a constant.
        let source = """
        fn f(x) { return [x + 3, x - 3, x * 3, x % 3, x % -3, (x + 0) * 3, (x + 0) % 3] }
        print(f(7), f(-7), f(0))
        print(f(2.5))
        let g = 10
        print(g * 3, g % 4, (g * 2) % 7)
        """
        #expect(output(source) == """
        [10, 4, 21, 1, 1, 21, 1] [-4, -10, -21, -1, -1, -21, -1] [3, -3, 0, 0, 0, 0, 0]
        [5.5, -0.5, 7.5, 2.5, 2.5, 7.5, 2.5]
        30 2 6

        """)
        #expect(errorLine("fn f(x) { return x * 2 }\nf(9223372036854775807)").contains("integer overflow"))
        #expect(errorLine("fn f(x) { return (x + 0) * 2 }\nf(9223372036854775807)").contains("integer overflow"))
        #expect(errorLine("fn f(x) { return x % 0 }\nf(1)") == "t.dls:1:20: error: remainder by zero")
        #expect(output("fn f(x) { return x * 2 }\nprint(f(\"ab\"))") == "abab\n")
        #expect(errorLine("fn f(x) { return x * 2 }\nf(nil)") == "t.dls:1:20: error: cannot multiply nil and int (left: variable 'x')")
    }

    @Test func compoundAssignmentOnIntVariablesKeepsItsErrors() {
        let source = """
        let total = 0
        for i in 0..<10 { total += (i * 3 + 7) % 11 }
        fn f() { let t = 5; t += 3; t -= 1; t *= 2; t %= 5; let s = "a"; s += "b"; return [t, s] }
        print(total, f())
        let g = 1.5
        g += 1
        print(g)
        """
        #expect(output(source) == "51 [4, \"ab\"]\n2.5\n")
        #expect(errorLine("let big = 9223372036854775800\nbig += 100").contains("integer overflow: 9223372036854775800 + 100 does not fit in 64 bits"))
        #expect(errorLine("fn g() { let b = -9223372036854775800; b -= 100 }\ng()").contains("integer overflow: -9223372036854775800 - 100"))
        #expect(errorLine("let r = 7\nr %= 0").contains("remainder by zero"))
        #expect(errorLine("nothing += 1").contains("undefined variable 'nothing'"))
        #expect(errorLine("let s = 1\ns += \"x\"").contains("cannot add int and string"))
    }
}

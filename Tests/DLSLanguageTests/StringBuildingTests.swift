import Testing
@testable import DLSLanguage

/// Strings built as bytes (interpolated ints, `join`, `json`) read exactly as the String-built text
/// they replace.
@Suite struct StringBuildingTests {
    @Test func interpolatedIntsAtEveryDigitCount() {
        // Around every power of ten, both signs, and the ends of the range; `str` is the reference.
        let source = """
            let bad = []
            let p = 1
            for k in 0..<19 {
                for n in [p - 1, p, p + 1, 0 - p, 1 - p, -1 - p] {
                    if "${n}" != str(n) || "<${n}>" != "<" + str(n) + ">" { append(bad, n) }
                }
                if k < 18 { p *= 10 }
            }
            for n in [9223372036854775807, -9223372036854775807 - 1, -9223372036854775807] {
                if "${n}" != str(n) { append(bad, n) }
            }
            print(bad, "${p}", "${0}${-0}")
            """
        #expect(output(source) == "[] 1000000000000000000 00\n")
        for n in [0, 7, 42, 99, 100, 65535, 1 << 40, Int.max, Int.min, -1, -10, -999_999] {
            var bytes = [UInt8](repeating: 0, count: 24)
            let written = bytes.withUnsafeMutableBufferPointer { b in
                StringInterpolation.writeDecimal(n, to: b.baseAddress!) - b.baseAddress!
            }
            #expect(String(decoding: bytes[..<written], as: UTF8.self) == String(n))
            #expect(StringInterpolation.decimalDigits(n) == String(n).utf8.count)
        }
    }

    @Test func joinWithAndWithoutSeparator() {
        #expect(output("print(join([\"a\", \"bc\", \"\", \"e\u{301}\"]), join([\"a\", \"bc\", \"\", \"d\"], \", \"), join([]), join([\"x\"], \"-\"))")
                == "abce\u{301} a, bc, , d  x\n")
        #expect(output(#"let l = []; for i in 0..<3 { append(l, "${i}é") }; let s = join(l, "→"); print(s, len(s))"#)
                == "0é→1é→2é 8\n")
    }

    @Test func splitLeavesCarriageReturnLineFeedWhole() {
        // "\r\n" is one character: a carriage return anywhere (here past the first eight bytes)
        // keeps the byte split away.
        #expect(output(#"""
            let t = "abcdefghij\r\nklm\nxyz"
            print(len(split(t, "\n")), len(split("abcdefghijklmnop\r\nq")), len(split("abcdefghijklmnop\nq\n", "\n")), len(split("abcdefghijklmnop\r", "p")))
            """#) == "2 1 3 2\n")
    }

    @Test func lenOfLongTextsCountsCharacters() {
        // Past 32 bytes `len` tests words four at a time; a "\r\n" or a non-ASCII character there
        // still counts as one character.
        let plain = String(repeating: "abcdefgh", count: 9)
        #expect(output("print(len(\"\(plain)\"), len(\"\(plain)\\r\\n\(plain)\"), len(\"\(plain)e\u{301}\(plain)\"), len(\"\(plain)\\r\"))")
                == "72 145 145 73\n")
    }

    @Test func jsonTextAsBefore() {
        let source = #"""
            let m = {"a": [1, -2, -9223372036854775807 - 1, 2.5, nil, true, false], 7: "x", true: [], "é\#u{301}k": {}, "c\0\n\t\"\\": "v\#u{7}\#u{1f}ü", nil: 1e300, 1.5: 10mbit}
            print(json(m))
            print(json(m, 2))
            print(json([[], {}, [[1]], {"k": {"j": [nil]}}], 1))
            print(json("plain"), json(""), json(0), json([0, 9, 10, 99, 100, 12345678901234567]))
            try { let x = 1 / 0 } catch err { print(json([err])) }
            """#
        let expected = #"""
            {"a":[1,-2,-9223372036854775808,2.5,null,true,false],"7":"x","true":[],"é\#u{301}k":{},"c\u0000\n\t\"\\":"v\u0007\u001fü","nil":1e+300,"1.5":1250000}
            {
              "a": [
                1,
                -2,
                -9223372036854775808,
                2.5,
                null,
                true,
                false
              ],
              "7": "x",
              "true": [],
              "é\#u{301}k": {},
              "c\u0000\n\t\"\\": "v\u0007\u001fü",
              "nil": 1e+300,
              "1.5": 1250000
            }
            [
             [],
             {},
             [
              [
               1
              ]
             ],
             {
              "k": {
               "j": [
                null
               ]
              }
             }
            ]
            "plain" "" 0 [0,9,10,99,100,12345678901234567]
            [{"message":"division by zero"}]

            """#
        #expect(output(source) == expected)
    }
}

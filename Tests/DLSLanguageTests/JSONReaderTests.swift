import Testing
@testable import DLSLanguage

/// `json_parse`: strict JSON to dls values, errors with line and column.
@Suite struct JSONReaderTests {
    @Test func valuesBecomeDlsValuesInDocumentOrder() {
        #expect(output("""
            let v = json_parse("{\\"z\\": 1, \\"a\\": [true, false, null, -0, 2.5, 1e3, \\"x\\"], \\"m\\": {}}")
            print(v, keys(v), type(v.a[4]), type(v.a[5]), type(v.a[3]))
            print(json_parse(" 42 "), json_parse("\\"s\\""), json_parse("[]"), json_parse("9223372036854775807"), json_parse("-9223372036854775808"))
            print(json_parse("{\\"a\\": 1, \\"b\\": 2, \\"a\\": 3}"))
            """) == """
            {"z": 1, "a": [true, false, nil, 0, 2.5, 1000.0, "x"], "m": {}} ["z", "a", "m"] float float int
            42 s [] 9223372036854775807 -9223372036854775808
            {"a": 3, "b": 2}

            """)
    }

    @Test func unicodeEscapesIncludingSurrogatePairs() throws {
        guard let text = try JSONReader.parse(#""caf\u00e9 \u2713 \ud83d\ude00 \/ \"q\" \\ \n\t""#).stringValue else {
            Issue.record("not a string")
            return
        }
        #expect(text == "café ✓ 😀 / \"q\" \\ \n\t")
        #expect(text.unicodeScalars.contains("\u{1F600}"))
        #expect(failure(#""\ud83d""#) == "line 1, column 2: a lone surrogate \\uD83D (the second half of the pair is missing)")
        #expect(failure(#""\ude00""#) == "line 1, column 2: a lone surrogate \\uDE00 (the first half of the pair is missing)")
        #expect(failure(#""\ud83d\u0041""#) == "line 1, column 2: \\uD83D is not followed by a low surrogate (\\uDC00...\\uDFFF)")
        #expect(failure(#""\u12g4""#) == "line 1, column 4: four hex digits expected after \\u")
        #expect(failure(#""\x""#) == "line 1, column 3: unknown escape '\\x' in a string")
    }

    @Test func integersBeyondSixtyFourBitsAreAnError() {
        #expect(failure("{\"id\": 9223372036854775808}") == "line 1, column 8: the integer 9223372036854775808 does not fit in 64 bits (range -9223372036854775808...9223372036854775807)")
        #expect(failure("[\n  -99999999999999999999999]") == "line 2, column 3: the integer -99999999999999999999999 does not fit in 64 bits (range -9223372036854775808...9223372036854775807)")
        #expect(failure("1e400") == "line 1, column 1: the number 1e400 is out of range")
    }

    @Test func deepNestingWithinTheLimitParsesAndBeyondItIsAnError() throws {
        let depth = JSONReader.maxDepth
        let deep = String(repeating: "[", count: depth) + "1" + String(repeating: "]", count: depth)
        var value = try JSONReader.parse(deep)
        var levels = 0
        while case .list(let l) = value, let first = l.items.first { value = first; levels += 1 }
        #expect(levels == depth)
        let objects = String(repeating: "{\"k\":", count: depth) + "null" + String(repeating: "}", count: depth)
        #expect(output("let v = json_parse(\(Value.quote(objects)))\nprint(type(v.k.k))") == "map\n")
        let tooDeep = "[" + deep + "]"
        #expect(failure(tooDeep) == "line 1, column \(depth + 1): nested more than \(depth) levels deep")
    }

    @Test func syntaxErrorsSayWhereAndWhat() {
        #expect(failure("") == "line 1, column 1: a value expected, found end of input")
        #expect(failure("{\n  \"a\": 1,\n}") == "line 3, column 1: a member name in double quotes expected, found '}'")
        #expect(failure("[1 2]") == "line 1, column 4: ',' or ']' expected after an element, found '2'")
        #expect(failure("{\"a\" 1}") == "line 1, column 6: ':' expected after the member name, found '1'")
        #expect(failure("[1,]") == "line 1, column 4: a value expected, found ']'")
        #expect(failure("01") == "line 1, column 1: a number cannot start with 0 (leading zeros are not JSON)")
        #expect(failure("1.") == "line 1, column 3: a digit expected after the decimal point, found end of input")
        #expect(failure("-") == "line 1, column 2: a digit expected after '-', found end of input")
        #expect(failure("tru") == "line 1, column 1: a value expected, found 't'")
        #expect(failure("{} x") == "line 1, column 4: unexpected 'x' after the value")
        #expect(failure("\"é\n\"") == "line 1, column 3: a control character (byte 0x0A) in a string must be escaped")
        #expect(failure("\"open") == "line 1, column 6: unterminated string (a '\"' expected before the end of input)")
        #expect(failure("NaN") == "line 1, column 1: a value expected, found 'N'")
    }

    @Test func theBuiltinReportsAtTheCallWithTheTextPosition() {
        #expect(errorLine("let v = json_parse(\"{\\n\\\"a\\\": tru}\")") == "t.dls:1:19: error: json_parse(): not valid JSON at line 2, column 6: a value expected, found 't'")
        #expect(errorLine("json_parse(1)") == "t.dls:1:11: error: json_parse(): argument 1 must be string, got int")
    }

    private func failure(_ text: String) -> String {
        do {
            _ = try JSONReader.parse(text)
            return "NO ERROR"
        } catch {
            return error.description
        }
    }
}

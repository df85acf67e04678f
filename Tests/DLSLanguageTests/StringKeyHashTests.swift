import Testing
@testable import DLSLanguage

/// ASCII string keys hash their bytes; a non-ASCII key equal to an ASCII one (String's == is
/// canonical equivalence) must land on the same key.
@Suite struct StringKeyHashTests {
    @Test func everyScalarEqualToASCIITextIsInTheSingletonList() {
        let ascii = Set((0..<128).map { String(UnicodeScalar(UInt8($0))) })
        var found: [UInt32] = []
        for code in UInt32(0x80)...0x10FFFF {
            guard let scalar = Unicode.Scalar(code) else { continue }
            if ascii.contains(String(scalar)) { found.append(code) }
        }
        #expect(found.sorted() == MapKey.asciiSingletons.keys.sorted())
        for (code, byte) in MapKey.asciiSingletons {
            #expect(String(Unicode.Scalar(code)!) == String(UnicodeScalar(byte)))
        }
    }

    @Test func equivalentKeysAreOneKey() {
        // Past a few entries the map hashes its keys (small ones are searched in order).
        let filler = "for i in 0..<100 { m[\"port${i}\"] = i }\n"
        #expect(output("let m = {\"K\": 1, \"a;b\": 2}\n\(filler)print(m[\"\u{212A}\"], m[\"a\u{037E}b\"], len(m))") == "1 2 102\n")
        #expect(output("let m = {\"\u{212A}\": 1}\n\(filler)m[\"K\"] = 5\nprint(len(m), m[\"\u{212A}\"])") == "101 5\n")
        #expect(output("let m = {\"é\": 1}\n\(filler)print(m[\"e\u{301}\"], contains(m, \"e\"))") == "1 false\n")
        let keys = (0..<2000).map { "\"port\($0)\": \($0)" }.joined(separator: ", ")
        #expect(output("let m = {\(keys)}\nlet s = 0\nfor k in keys(m) { s += m[k] }\nprint(len(m), s, m[\"port1999\"], contains(m, \"\"))") == "2000 1999000 1999 false\n")
    }
}

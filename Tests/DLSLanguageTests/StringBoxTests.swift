import Testing
@testable import DLSLanguage

/// Strings are boxed (Value.swift): a box shared by two names, a literal or a map key must never
/// change when one name appends in place, and a key's kept hash must follow its text.
@Suite struct StringBoxTests {
    @Test func aValueStaysOneWordAndATag() {
        #expect(MemoryLayout<Value>.size == 9)
        #expect(MemoryLayout<Value>.stride == 16)
    }

    @Test func appendingChangesOnlyTheNameAppendedTo() {
        // In a function: `+=` on a local is the path that appends in place.
        #expect(output(#"fn f() { let a = "x" + "y"; let b = a; b += "z"; print(a, b) }; f()"#) == "xy xyz\n")
        #expect(output(#"fn f() { let s = "lit"; s += "!"; return s }; print(f(), f())"#) == "lit! lit!\n")
        #expect(output(#"fn f() { let xs = ["a" + "b"]; let s = xs[0]; s += "c"; print(xs, s) }; f()"#) == "[\"ab\"] abc\n")
        #expect(output(#"let m = {"ab": 1}; for k in m { let t = k; t += "!"; print(t) }; print(m)"#) == "ab!\n{\"ab\": 1}\n")
    }

    @Test func aKeysHashFollowsItsTextAfterAnAppend() {
        // The lookup hashes k ("k1") and keeps the hash; the append must drop it. Over 100 keys, so
        // that the map looks keys up by hash (a small map compares them one by one).
        #expect(output(#"""
        fn f() {
            let m = {}
            for i in 0..<100 { m["k${i}"] = i }
            let k = "k" + "1"
            print(contains(m, k))
            k += "0"
            print(contains(m, k), m[k])
        }
        f()
        """#) == "true\ntrue 10\n")
    }

    @Test func literalKeysAndComputedKeysAreTheSameKey() {
        #expect(output(#"let m = {"name": 1}; let n = "na" + "me"; m[n] += 1; print(m.name, m["name"], len(m))"#) == "2 2 1\n")
        #expect(output("let m = {}; m[\"\u{212A}\"] = 1; print(m[\"K\"], len(m))") == "1 1\n")
    }

    @Test func bytesCompareAsStringsDo() {
        // Boxes hold bytes; equality and order stay String's (canonical equivalence and order).
        let pairs: [(String, String)] = [("K", "\u{212A}"), ("e\u{301}", "\u{e9}"), ("ab", "abc"), ("", "a"), ("B", "a"),
                                         ("a\r\nb", "a\nb"), ("é", "e"), ("z", "é"), ("abc", "abc")]
        for (x, y) in pairs {
            let a = StringBox.make(x), b = StringBox.make(y)
            #expect(StringBox.equal(a, b) == (x == y), "\(x.debugDescription) == \(y.debugDescription)")
            #expect(StringBox.order(a, b) == (x < y ? -1 : x == y ? 0 : 1), "\(x.debugDescription) < \(y.debugDescription)")
            #expect(StringBox.order(b, a) == (y < x ? -1 : x == y ? 0 : 1))
            #expect(a.value == x && a.count == x.utf8.count)
        }
    }

    @Test func whatABoxKnowsOfItsBytesFollowsItsPieces() {
        // len counts characters: "\r\n" is one, so a box holding "\r" (from any piece) is not plain.
        #expect(output(#"let r = "\r"; let s = "a${r}"; let t = s + "\nb"; print(len(s), len(t), len(join([s, "\nb"])), len(format("{}\nb", s)))"#)
                == "2 3 3 3\n")
        #expect(output(#"let parts = split("x,\r\n,é", ","); print(len(parts[1]), len(parts[2]), len("${parts[2]}!"))"#) == "1 1 2\n")
        #expect(output(#"fn f() { let s = "\r"; s += "\n"; s += "é"; return len(s) }; print(f())"#) == "2\n")
        #expect(output("print(format(\"[{:>4}] [{:^5}]\", \"e\u{301}\", \"\u{e9}\"))") == "[   e\u{301}] [  \u{e9}  ]\n")
    }

    @Test func appendingInALoopKeepsEveryPiece() {
        #expect(output(#"fn f() { let s = ""; for i in 0..<2000 { s += "${i % 10}" }; let t = s; s += "!"; return [len(s), len(t), slice(s, 1995)] }; print(f())"#)
                == "[2001, 2000, \"56789!\"]\n")
    }

    @Test func sortingBoxesOrdersAsStringsDo() {
        // ASCII keys are ordered by an eight-byte prefix, then memcmp: ties past the prefix, "\0" and
        // lengths must order as String's `<`; a non-ASCII key sends the whole sort to Strings.
        let ascii = ["abcdefghij", "abcdefgh", "abcdefghi", "", "a\0", "a", "B", "sf10", "sf9", "abcdefgh\u{7f}", "abcdefgh"]
        for texts in [ascii, ascii + ["é", "e\u{301}", "\u{212A}"]] {
            let order = StringBox.sortedOrder(texts.map { StringBox.make($0) })
            #expect(order.map { texts[$0] } == texts.sorted())
        }
    }
}

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
}

import Testing
@testable import DLSLanguage

/// Maps keep their keys in insertion order, small ones searched in order and larger ones through
/// MapEntries' own index: every behaviour must be the same on both sides of that threshold.
@Suite struct MapEntriesTests {
    @Test func orderAndLookupAcrossTheIndexThreshold() {
        // Int and string keys are distinct ("3" is not 3); overwriting keeps the key's place.
        #expect(output("""
        let m = {}
        for i in 0..<20 { m["k${i}"] = i; m[i] = "v${i}" }
        m["k3"] = 33
        m[3] = "three"
        print(len(m), m["k3"], m[3], contains(m, "3"), contains(m, 3), keys(m)[0], keys(m)[5], keys(m)[39])
        """) == "40 33 three false true k0 2 19\n")
        // Nil, bools, floats and rates are keys too, and 3.0 is the key 3.
        #expect(output("""
        let mixed = {}
        for i in 0..<12 { mixed[i * 1.5] = i }
        mixed[nil] = "n"; mixed[true] = "t"; mixed[false] = "f"; mixed[10gbit] = "r"
        print(mixed[1.5], mixed[3], mixed[nil], mixed[true], mixed[false], mixed[10gbit], len(mixed))
        """) == "1 2 n t f r 16\n")
    }

    @Test func loopsIterateASnapshot() {
        #expect(output("""
        let m = {}
        for i in 0..<20 { m[i] = i }
        let seen = 0
        for k, v in m { m["new${seen}"] = seen; seen += 1 }
        print(seen, len(m), m["new19"], keys(m)[20])
        """) == "20 40 19 new0\n")
    }

    @Test func equalityIgnoresOrder() {
        #expect(output("""
        let a = {}
        let b = {}
        for i in 0..<50 { a[i] = i; b[49 - i] = 49 - i }
        print(a == b, keys(a) == keys(b))
        b[0] = 1
        print(a == b, {"x": 1, "y": 2} == {"y": 2, "x": 1}, {"1": 1} == {1: 1})
        """) == "true false\nfalse true false\n")
    }

    /// The script breaks its own cycle at the end, as SelfContainingValueTests does: reference
    /// counting never frees one, and the address sanitizer run reports the leak.
    @Test func largeMapsAndSelfContainingMaps() {
        #expect(output("""
        let big = {}
        for i in 0..<100000 { big["p${i}"] = i }
        let t = 0
        for i in 0..<100000 { t += big["p${i}"] }
        print(t, len(big), keys(big)[99999], contains(big, "p100000"))
        let s = {"a": 1}
        s["self"] = s
        print(len(s), len(s["self"]["self"]))
        s["self"] = nil
        """) == "4999950000 100000 p99999 false\n2 2\n")
    }

    @Test func literalsWithManyConstantKeysShareNothingVisible() {
        // Past the threshold a literal's maps share its keys and index until one gains a key.
        #expect(output("""
        let r = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}
        let r2 = {"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10}
        r2["k"] = 11
        r2["a"] = 0
        print(r, r2, r["j"], r2["k"], contains(r, "k"))
        """) == #"{"a": 1, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10} {"a": 0, "b": 2, "c": 3, "d": 4, "e": 5, "f": 6, "g": 7, "h": 8, "i": 9, "j": 10, "k": 11} 10 11 false"# + "\n")
    }

    @Test func removingKeepsTheOrderOfTheRest() {
        // Scripts cannot remove keys; embedders can, through the entries.
        for size in [5, 40] {
            var entries = MapEntries()
            for i in 0..<size { entries[.int(i)] = .int(i * 10) }
            #expect(entries.removeValue(forKey: .int(2)).map { if case .int(20) = $0 { true } else { false } } == true)
            entries[.int(3)] = nil
            #expect(entries.removeValue(forKey: .int(2)) == nil)
            #expect(entries.count == size - 2)
            #expect(entries.keys.map(\.value.repr) == (0..<size).filter { $0 != 2 && $0 != 3 }.map(String.init))
            #expect(entries.index(forKey: .int(4)) == 2)
            #expect(entries[.int(2)] == nil && entries[.int(3)] == nil)
            // A key removed and added again goes to the end.
            entries[.int(2)] = .int(-1)
            #expect(entries.keys.last.map(\.value.repr) == "2")
            for i in 0..<size where i != 3 { #expect(entries[.int(i)] != nil) }
        }
        let text = MapEntries(uniqueKeysWithValues: [(.string("x"), .int(1)), (.string("y"), .int(2)), (.string("x"), .int(3))])
        #expect(text.keys.compactMap(\.stringValue) == ["x", "y"])
        #expect(text[.string("x")].map { if case .int(3) = $0 { true } else { false } } == true)
    }

    /// `m[k] op= v`, `m[k]`, `contains` and `get` find int and string keys without building a key;
    /// every kind of key, every operator and every error stays that of the general path, on both
    /// sides of the index threshold.
    @Test func updatesAndLookupsByIntAndStringKeys() {
        for size in [3, 40] {
            #expect(output("""
            let m = {}
            for i in 0..<\(size) { m[i] = i; m["s${i}"] = "v" }
            m[2] += 5; m[2.0] *= 2; m[1] -= 10; m["s${2}"] += "w"; m[0] %= 1
            m[2] += 0.5
            print(m[2], m[1], m["s2"], m[0], contains(m, 2.0), contains(m, "2"), contains(m, [2]), get(m, "s1", 0), get(m, [1], "d"), get(m, 2.5, "d"))
            """) == "14.5 -9 vw 0 true false false v d d\n")
            #expect(errorLine("let m = {}\nfor i in 0..<\(size) { m[i] = i }\nm[\(size)] += 1").hasSuffix("error: map has no key \(size) (variable 'm'); use get(m, key, default) or contains(m, key)"))
            #expect(errorLine("let m = {}\nfor i in 0..<\(size) { m[i] = i }\nm[[1]] += 1").hasSuffix("error: list cannot be a map key"))
            #expect(errorLine("let m = {}\nfor i in 0..<\(size) { m[i] = 9223372036854775800 }\nm[1] += 100").hasSuffix("error: integer overflow: 9223372036854775800 + 100 does not fit in 64 bits"))
            // An update during a loop changes the map, not the snapshot the loop reads.
            #expect(output("""
            let m = {}
            for i in 0..<\(size) { m["k${i}"] = 1 }
            let seen = 0
            for k, v in m { m["k0"] += 10; seen += v }
            print(seen, m["k0"])
            """) == "\(size) \(1 + 10 * size)\n")
        }
    }
}

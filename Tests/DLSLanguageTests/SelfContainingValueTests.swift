import Testing
@testable import DLSLanguage

/// Values that contain themselves or nest very deeply: printing, comparing and freeing them must
/// end normally (found by the interpreter fuzz target; each of these used to overflow the stack).
/// Reference counting never frees a cycle, so each script breaks its own at the end (`pop`,
/// `m.self = nil`): the address sanitizer run reports any other leak.
@Suite struct SelfContainingValueTests {
    @Test func aListInsideItselfPrintsAsEllipsis() {
        #expect(output("let a = [1]\nappend(a, a)\nprint(a)\nprint(\"${a}\")\nprint(repr(a))\npop(a)") ==
                "[1, [...]]\n[1, [...]]\n[1, [...]]\n")
    }

    @Test func aMapInsideItselfPrintsAsEllipsis() {
        #expect(output("let m = {\"k\": 1}\nm[\"self\"] = m\nprint(m)\nm[\"self\"] = nil") == "{\"k\": 1, \"self\": {...}}\n")
    }

    @Test func aSharedButAcyclicValuePrintsInFull() {
        #expect(output("let x = [1]\nprint([x, x])") == "[[1], [1]]\n")
    }

    @Test func selfContainingValuesCompare() {
        #expect(output("""
            let a = [1]
            append(a, a)
            let b = [1]
            append(b, b)
            let c = [2]
            append(c, c)
            print(a == b, a == c, a == a, contains([b], a))
            pop(a)
            pop(b)
            pop(c)
            """) == "true false true true\n")
    }

    @Test func deepNestingPrintsElidedAndComparesWithoutRecursion() {
        let source = """
            let a = []
            let b = []
            for i in 0..<300000 { a = [a]; b = [b] }
            print(a == b)
            append(b, 1)
            print(a == b)
            let s = str(a)
            print(s == "[" * 200 + "[...]" + "]" * 200)
            """
        #expect(output(source) == "true\nfalse\ntrue\n")
    }
}

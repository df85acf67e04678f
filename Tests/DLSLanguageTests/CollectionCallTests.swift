import Testing
@testable import DLSLanguage

/// map, filter and sort call their function one item at a time, and sort compares all-int and
/// all-string keys directly: the results, the order of equal keys and the errors are those of the
/// general path.
@Suite struct CollectionCallTests {
    @Test func sortOrdersHomogeneousKeysAsTheGeneralPath() {
        #expect(output("print(sort([3, -1, 2, -1, 0]))") == "[-1, -1, 0, 2, 3]\n")
        // Strings compare as Swift strings do: é after e, uppercase before lowercase.
        #expect(output(#"print(sort(["b", "é", "a", "e", "B"]))"#) == "[\"B\", \"a\", \"b\", \"e\", \"é\"]\n")
        // Mixed int and float keys take the general path.
        #expect(output("print(sort([2, 0.5, 1]))") == "[0.5, 1, 2]\n")
        #expect(output("print(sort([3gbit, 1mbit]))") == "[1Mbit, 3Gbit]\n")
    }

    @Test func sortWithAKeyKeepsEqualKeysInTheirOrder() {
        let source = """
        let recs = []
        for i in 0..<40 { append(recs, {"k": i % 3, "n": i}) }
        let byInt = sort(recs, fn(r) { r.k })
        print(map(filter(byInt, fn(r) { r.k == 1 }), fn(r) { r.n }))
        let byText = sort(recs, fn(r) { "k${r.k}" })
        print(map(byText, fn(r) { r.n }) == map(byInt, fn(r) { r.n }))
        """
        #expect(output(source) == "[1, 4, 7, 10, 13, 16, 19, 22, 25, 28, 31, 34, 37]\ntrue\n")
    }

    @Test func errorsAreThoseOfTheGeneralPath() {
        #expect(errorLine(#"sort([1, "a"])"#).hasSuffix("error: sort(): cannot sort: values of type string and int have no common order"))
        #expect(errorLine("map([1], fn(a, b) { a })").contains("takes 2 arguments, got 1"))
        #expect(errorLine("filter([1], fn() { true })").contains("takes 0 arguments, got 1"))
        // A native function passed as the callee still works.
        #expect(output("print(map([-1, 2], abs), map([\"a\"], upper))") == "[1, 2] [\"A\"]\n")
        // An error inside the function names its call site in the traceback.
        #expect(errorLine("fn bad(x) { return x / 0 }\nmap([1], bad)").contains("division by zero"))
    }

    @Test func everyCallOfTheFunctionCountsAsAStep() {
        // One frame serves every item, but each call still ticks: 60 items pass a 100-step limit
        // only with the calls counted.
        let (_, error) = run("let n = len(map(range(60), fn(x) { x }))\nlet m = len(map(range(60), fn(x) { x }))",
                             configure: { $0.stepLimit = 100 })
        #expect(error?.contains("step limit reached (100") == true)
        let (ok, none) = run("print(len(map(range(60), fn(x) { x })))", configure: { $0.stepLimit = 100 })
        #expect(ok == "60\n" && none == nil)
    }

    @Test func eachItemGetsItsOwnLocals() {
        let source = """
        let fs = map([1, 2, 3], fn(x) { let c = x * 10; fn() { c } })
        print(map(fs, fn(f) { f() }))
        print(map([1, 2], fn(x) { let acc = []; append(acc, x); acc }))
        """
        #expect(output(source) == "[10, 20, 30]\n[[1], [2]]\n")
        // A limit met inside the function stops the builtin with the function in the traceback.
        #expect(errorLine("fn f(n) { return f(n + 1) }\nmap([0], f)").contains("call depth limit reached"))
    }
}

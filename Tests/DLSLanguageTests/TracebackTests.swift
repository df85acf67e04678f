import Testing
@testable import DLSLanguage

/// Runaway recursion ends with a traceback a person can read, not 10 000 identical lines.
@Suite struct TracebackTests {
    @Test func repeatedCallsAreCounted() {
        let (_, error) = run("fn f(n) { return f(n + 1) }\nf(0)", configure: { $0.maxCallDepth = 100 })
        #expect(error == """
            t.dls:1:19: error: call depth limit reached (100 nested calls): runaway recursion?
                fn f(n) { return f(n + 1) }
                                  ^
            stack traceback:
                in fn f, called at t.dls:1:19
                in fn f, called at t.dls:1:19
                in fn f, called at t.dls:1:19
                ... the call above repeated 95 more times
                in fn f, called at t.dls:2:2
            """)
    }

    @Test func longMixedStacksKeepBothEnds() {
        let (_, error) = run("fn f(n) { return g(n) }\nfn g(n) { return f(n + 1) }\nf(0)", configure: { $0.maxCallDepth = 100 })
        let lines = error?.split(separator: "\n").map(String.init) ?? []
        #expect(lines.count == 4 + 31)
        #expect(lines.contains("    ... 69 more calls ..."))
        #expect(lines.last == "    in fn f, called at t.dls:3:2")
    }
}

/// What happened to one test (or to a file that could not get as far as its tests).
struct TestOutcome {
    enum Status: Equatable {
        case passed
        /// A test's assertion or command failed, or its changes could not be undone.
        case failed
        case skipped(reason: String)
        /// The file did not parse, could not be read, or its top level failed: no test of it ran.
        case fileError(syntax: Bool)
    }

    var file: TestFile
    var name: String
    var status: Status
    /// The failure as the CLI renders it (location, message, source line, values, notes).
    var report = ""
    /// What the test printed (shown under a failure).
    var output = ""
    var seconds = 0.0

    var title: String { "\(file.displayName): \(name)" }

    var isFailure: Bool {
        switch status {
        case .failed, .fileError: true
        case .passed, .skipped: false
        }
    }
}

/// The counts of a run, for the closing line and the JUnit totals.
struct TestTotals: Equatable {
    var passed = 0
    var failed = 0
    var skipped = 0

    init(_ outcomes: [TestOutcome]) {
        for outcome in outcomes {
            switch outcome.status {
            case .passed: passed += 1
            case .skipped: skipped += 1
            case .failed, .fileError: failed += 1
            }
        }
    }

    /// `N passed, N failed` and `, N skipped` when any were.
    var closingLine: String {
        "\(passed) passed, \(failed) failed" + (skipped > 0 ? ", \(skipped) skipped" : "")
    }
}

import DevlinkCommands
import DLSLanguage

/// A `test "name" { ... }` block that a run of an engine registered (running a file only collects
/// its tests; `DLSEngine.runTest` runs one).
public struct DLSTest: Sendable, Hashable {
    /// The name given after `test`.
    public let name: String
    /// Where the `test` keyword is.
    public let location: DLSLocation
    /// Position in the engine's list of registered tests.
    let index: Int
}

/// How a test that did not fail ended.
public enum DLSTestResult: Sendable, Equatable {
    /// The setup blocks and the test ran to the end.
    case passed
    /// The test (or a setup block) called `skip(reason)`; see `DLSEngine.defineSkip()`.
    case skipped(reason: String)
}

/// Running a file's tests, as `dls test` does: make an engine, run the file (which registers its
/// `test` and `setup` blocks), then `runTest` one of `tests`. For a test of its own, each test
/// wants a fresh engine (and, on a shared session, a `beginTransaction()` rolled back at its end).
extension DLSEngine {
    /// The tests registered by everything this engine has run, in order.
    public var tests: [DLSTest] {
        interpreter.tests.enumerated().map { index, test in
            DLSTest(name: test.name, location: test.location, index: index)
        }
    }

    /// Runs every registered `setup` block, then `test`. Returns `.passed`, or `.skipped` when the
    /// test failed after calling `skip()` (a skip the test caught and survived counts as passed);
    /// throws the failure otherwise. The failure's `stack` and `rendered` report leave out the test
    /// block's own frame (every failing test would show it).
    @discardableResult
    public func runTest(_ test: DLSTest) throws(DLSError) -> DLSTestResult {
        guard interpreter.tests.indices.contains(test.index), interpreter.tests[test.index].name == test.name else {
            throw DLSError("no test \"\(test.name)\" is registered in this engine")
        }
        let registered = interpreter.tests[test.index]
        skipReason = nil
        defer { skipReason = nil }
        var skipped: String?
        _ = try onLargeStack { [self] (interpreter: Interpreter) throws(ScriptFailure) -> Value in
            do throws(ScriptFailure) {
                try interpreter.runTest(registered)
            } catch {
                // Ended by skip() (even if it got there after catching the skip): not a failure.
                if let reason = skipReason {
                    skipped = reason
                    return .null
                }
                throw DLSEngine.withoutFrame(of: registered, error)
            }
            return .null
        }
        return skipped.map { .skipped(reason: $0) } ?? .passed
    }

    /// Defines `skip(reason)` (reason defaults to `"skipped"`) for test files: it ends the running
    /// test, which `runTest` then reports as `.skipped(reason:)`. Outside `runTest` it fails like any
    /// error (`test skipped: reason`). Call before running the file.
    public func defineSkip() {
        let skip = NativeFunction("skip", arity: 0...1) { [unowned self] args in
            let reason = args.count > 0 ? args[0].str : "skipped"
            skipReason = reason
            throw args.error("test skipped: \(reason)")
        }
        skip.help = "skip([REASON]): ends the running test, reported as skipped (dls test)"
        interpreter.define(skip)
    }

    /// The `topology "..."` a source declares at its top level, found by parsing it without running
    /// it (a test runner picks the emulator topology before making the engine). `commandWords` adds
    /// words a host registers with `defineCommand`.
    public static func declaredTopology(in source: String, commandWords: Set<String> = []) -> String? {
        Interpreter.declaredTopology(in: source, commandWords: CommandTable.standard.commandWords.union(commandWords))
    }

    /// The failure without the call frame of the test block itself.
    private static func withoutFrame(of test: RegisteredTest, _ failure: ScriptFailure) -> ScriptFailure {
        guard case .runtime(var error) = failure else { return failure }
        error.stack.removeAll { $0.function == "test \"\(test.name)\"" && $0.callSite == test.location }
        return .runtime(error)
    }
}

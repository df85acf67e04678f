import Testing
@testable import DLSLanguage

/// A host with a tiny undoable state: `port set K V` writes, `port fail` fails like the kernel.
final class TransactionalHost: CommandHost, TransactionSupport {
    var commandWords: Set<String> = ["port"]
    var state: [String: String] = [:]
    var snapshots: [Int: [String: String]] = [:]
    var nextToken = 0

    func run(_ command: CommandInvocation, display: Bool, interpreter: Interpreter) throws -> Value {
        let words = command.arguments.map(\.text)
        if words.count == 4, words[1] == "set" { state[words[2]] = words[3]; return .null }
        if words.count >= 2, words[1] == "fail" {
            throw CommandFailure("Error: mlx5_core: SF already exist. Choose different sfnum.", errno: "EEXIST", notes: ["kernel answers: File exists"])
        }
        throw CommandFailure("Command \"\(words.dropFirst().first ?? "")\" not found", errno: "ENOENT")
    }

    func beginTransaction() throws -> Int {
        nextToken += 1
        snapshots[nextToken] = state
        return nextToken
    }

    func commitTransaction(_ token: Int) throws { snapshots[token] = nil }

    func rollbackTransaction(_ token: Int) -> [String] {
        if let saved = snapshots.removeValue(forKey: token) { state = saved }
        return []
    }
}

@Suite struct TestingStatementTests {
    @Test func testBlocksRegisterAndRunWithSetup() {
        let output = CapturedOutput()
        let interpreter = Interpreter(output: output)
        var failures: [String] = []
        LargeStack.run {
            do throws(ScriptFailure) {
                try interpreter.run("""
                topology "two-pfs.json"
                let log = []
                setup { append(log, "setup") }
                fn helper() { return 41 }
                test "adds" { assert helper() + 1 == 42 }
                test "fails" { assert helper() == 1, "helper is 41" }
                print("top level ran")
                """, file: "t.dls")
                for t in interpreter.tests {
                    do throws(ScriptFailure) { try interpreter.runTest(t) } catch let f { failures.append(interpreter.render(f)) }
                }
            } catch let f { failures.append(interpreter.render(f)) }
        }
        #expect(output.text == "top level ran\n")
        #expect(interpreter.tests.map(\.name) == ["adds", "fails"])
        #expect(interpreter.topologyFile == "two-pfs.json")
        #expect(interpreter.global("log").map(\.str) == "[\"setup\", \"setup\"]")
        #expect(failures.count == 1)
        #expect(failures.first?.hasPrefix("t.dls:6:16: error: helper is 41 (left: 41, right: 1") == true)
        #expect(Interpreter.declaredTopology(in: "# c\ntopology \"x.json\"\nlet a = 1") == "x.json")
    }

    @Test func testingWordsRemainNames() {
        #expect(output("let test = 1\nlet setup = 2\nlet transaction = 3\nprint(test + setup + transaction)") == "6\n")
    }

    @Test func testOnlyAtTopLevel() {
        #expect(errorLine("fn f() { test \"x\" { } }") == "t.dls:1:10: error: 'test' belongs at the top level of a file")
    }

    @Test func expectErrorMatchesErrnoOrText() {
        let host = TransactionalHost()
        let (out, error) = run("""
        expect_error EEXIST { port fail }
        expect_error "already exist" { port fail }
        expect_error "File exists" { port fail }
        expect_error "division" { print(1 / 0) }
        print("ok")
        """, host: host)
        #expect(error == nil)
        #expect(out == "ok\n")
        #expect(run("expect_error ENOENT { port fail }", host: host).error?.hasPrefix(
            "t.dls:1:1: error: expected error ENOENT, got EEXIST: Error: mlx5_core: SF already exist. Choose different sfnum.") == true)
        #expect(run("expect_error EEXIST { port set a 1 }", host: host).error?.hasPrefix(
            "t.dls:1:1: error: expected error EEXIST, but the block succeeded") == true)
    }

    @Test func transactionsKeepAllOrNothing() {
        let host = TransactionalHost()
        let (_, ok) = run("transaction { port set a 1\nport set b 2 }", host: host)
        #expect(ok == nil)
        #expect(host.state == ["a": "1", "b": "2"])
        let (out, failed) = run("""
        try {
            transaction {
                port set a 9
                port set c 3
                port fail
            }
        } catch e { print(e.errno, e.notes) }
        transaction { port set d 4
            port fail }
        """, host: host)
        #expect(out == "EEXIST [\"kernel answers: File exists\", \"transaction rolled back: no changes were kept\"]\n")
        #expect(host.state == ["a": "1", "b": "2"])
        #expect(failed?.contains("transaction rolled back: no changes were kept") == true)
        #expect(run("transaction { }").error?.contains("needs a device session") == true)
    }
}

@Suite struct CompileTimeErrorTests {
    @Test func misplacedStatementsAreReportedBeforeRunning() {
        let (out, error) = run("print(\"ran\")\nbreak")
        #expect(out.isEmpty)
        #expect(error?.hasPrefix("t.dls:2:1: error: 'break' outside a loop") == true)
        let interpreter = Interpreter(output: CapturedOutput())
        #expect(interpreter.check("continue\nfn f() { setup { } }", file: "c.dls").map(\.message)
                == ["'continue' outside a loop", "'setup' belongs at the top level of a file"])
        #expect(interpreter.globalNames.contains("f") == false)
    }
}

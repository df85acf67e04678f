import Foundation
#if canImport(FoundationXML)
import FoundationXML
#endif
import Testing

/// `dls test`: the scenario library, the exact failure report, syntax errors, --filter, --junit, --atomic.
@Suite struct TestCommandTests {
    @Test func scenarioLibraryPasses() throws {
        let r = try CLI.run(["test", "Tests/Scenarios"])
        #expect(r.status == 0, "\(r.stdout)\(r.stderr)")
        #expect(!r.stdout.contains("not ok"))
        let last = r.stdout.split(separator: "\n").last.map(String.init) ?? ""
        #expect(last.hasSuffix(" passed, 0 failed"), "\(last)")
        let count = r.stdout.split(separator: "\n").filter { $0.hasPrefix("ok ") }.count
        #expect(last == "\(count) passed, 0 failed")
        #expect(count >= 40)
        for file in ["sf-lifecycle.dls", "vf-rate-tree.dls", "sf-rate-tree.dls", "eswitch-mode.dls", "port-split.dls", "port-split-names.dls",
                     "lag.dls", "netdevsim.dls", "fault-injection.dls", "fault-injection-topology.dls"] {
            #expect(r.stdout.contains(" - \(file): "), "\(file) did not run")
        }
    }

    @Test func failingExampleReportsExactly() throws {
        let r = try CLI.run(["test", "Tests/ScenarioFailures"])
        #expect(r.status == 1)
        #expect(r.stderr == "")
        #expect(r.stdout == """
            ok 1 - failures.dls: passes
            not ok 2 - failures.dls: wrong count
              Tests/ScenarioFailures/failures.dls:11:5: error: two SFs (left: 1, right: 2, expected left == right)
                      assert len(ports(dev, flavour: "pcisf")) == 2, "two SFs"
                      ^
            not ok 3 - failures.dls: duplicate sfnum
              Tests/ScenarioFailures/failures.dls:16:5: Error: mlx5_core: SF already exist. Choose different sfnum.
                      port add $dev flavour pcisf pfnum 0 sfnum 88
                      ^
              kernel answers: File exists
              output:
                pci/0000:06:00.0/32768: type eth netdev enp6s0pf0sf88 flavour pcisf controller 0 pfnum 0 sfnum 88 external false splittable false
                  function:
                    hw_addr 00:00:00:00:00:00 state inactive opstate detached roce enable max_io_eqs 32
            not ok 4 - failures.dls: prints, then fails
              Tests/ScenarioFailures/failures.dls:21:5: error: assertion failed (left: "switchdev", right: "legacy", expected left == right)
                      assert eswitch(dev).mode == "legacy"
                      ^
              output:
                mode: switchdev
            ok 5 - failures.dls: needs a kernel # SKIP runs only with --backend netlink
            1 passed, 3 failed, 1 skipped

            """)
    }

    @Test func syntaxErrorsAreAllReportedAndExitTwo() throws {
        let good = try CLI.temporaryFile("test \"fine\" { assert true }\n", name: "good.dls")
        let dir = good.deletingLastPathComponent()
        defer { try? FileManager.default.removeItem(at: dir) }
        try "let x = (\ntest \"t\" { }\nlet = 3\n".write(to: dir.appendingPathComponent("bad.dls"), atomically: true, encoding: .utf8)
        let r = try CLI.run(["test", dir.path])
        #expect(r.status == 2)
        let bad = dir.appendingPathComponent("bad.dls").path
        #expect(r.stdout == """
            not ok 1 - bad.dls: syntax error
              \(bad):2:6: error: ')' expected to close '(' at line 1, found string
                  test "t" { }
                       ^
              \(bad):3:5: error: variable name after 'let' expected, found '='
                  let = 3
                      ^
            ok 2 - good.dls: fine
            1 passed, 1 failed

            """)
    }

    @Test func filterSelectsTests() throws {
        let r = try CLI.run(["test", "--filter", "rate tree", "Tests/Scenarios"])
        #expect(r.status == 0)
        #expect(r.stdout.split(separator: "\n").dropLast().allSatisfy { $0.contains("rate-tree.dls") }, "\(r.stdout)")
        let none = try CLI.run(["test", "--filter", "no test is called this", "Tests/Scenarios"])
        #expect(none.stdout == "0 passed, 0 failed\n")
        #expect(try CLI.run(["test", "no/such/dir"]).status == 2)
    }

    @Test func junitReportIsValidXMLWithTheRightCounts() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-junit-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        try "test \"a & <b>\" { assert \"\u{1}\" == \"x\", \"quote \\\" and 'apostrophe'\" }\n"
            .write(to: dir.appendingPathComponent("odd.dls"), atomically: true, encoding: .utf8)
        try "let = \n".write(to: dir.appendingPathComponent("broken.dls"), atomically: true, encoding: .utf8)
        let xmlFile = dir.appendingPathComponent("report.xml")
        let r = try CLI.run(["test", "--junit", xmlFile.path, "Tests/ScenarioFailures", dir.path])
        #expect(r.status == 2)
        let report = try JUnitShape(Data(contentsOf: xmlFile))
        #expect(report.parsed, "\(report.error ?? "")")
        #expect(report.root == ["tests": "7", "failures": "4", "errors": "1", "skipped": "1"])
        #expect(report.suites == ["failures.dls: 5/3/0/1", "broken.dls: 1/0/1/0", "odd.dls: 1/1/0/0"])
        #expect(report.cases == ["passes", "wrong count", "duplicate sfnum", "prints, then fails", "needs a kernel",
                                 "syntax error", "a & <b>"])
        #expect(report.cases.first == "passes")
        #expect(report.failureMessages.first == "Tests/ScenarioFailures/failures.dls:11:5: error: two SFs (left: 1, right: 2, expected left == right)")
        #expect(report.failureMessages.last?.hasSuffix("error: quote \" and 'apostrophe' (left: \"\\u{1}\", right: \"x\", expected left == right)") == true,
                "\(report.failureMessages)")
        let jsonFailure = try CLI.run(["test", "--junit", xmlFile.path, "Tests/ScenarioFailures"])
        #expect(jsonFailure.status == 1)
        #expect(try JUnitShape(Data(contentsOf: xmlFile)).root == ["tests": "5", "failures": "3", "errors": "0", "skipped": "1"])
    }

    @Test func atomicRunRollsBackAndSaysSo() throws {
        let r = try CLI.run(["--atomic", "-c", """
            dev eswitch set pci/0000:06:00.0 mode switchdev
            port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 1 sfnum 2 bogus
            """])
        #expect(r.status == 1)
        #expect(r.stderr.hasSuffix("--atomic: rolled back, no changes were kept\n"), "\(r.stderr)")
        #expect(try CLI.run(["--atomic", "-b", "x.batch"]).status == 2)
    }
}

/// Reads a JUnit report with XMLParser: root and per-suite counts, test case names, failure messages.
final class JUnitShape: NSObject, XMLParserDelegate {
    var root: [String: String] = [:]
    var suites: [String] = []
    var cases: [String] = []
    var failureMessages: [String] = []
    var parsed = false
    var error: String?

    init(_ data: Data) {
        super.init()
        let parser = XMLParser(data: data)
        parser.delegate = self
        parsed = parser.parse()
        error = parser.parserError.map { "\($0)" }
    }

    func parser(_ parser: XMLParser, didStartElement name: String, namespaceURI: String?, qualifiedName: String?,
                attributes: [String: String] = [:]) {
        switch name {
        case "testsuites":
            root = attributes.filter { ["tests", "failures", "errors", "skipped"].contains($0.key) }
        case "testsuite":
            suites.append("\(attributes["name"] ?? ""): \(attributes["tests"] ?? "")/\(attributes["failures"] ?? "")/"
                          + "\(attributes["errors"] ?? "")/\(attributes["skipped"] ?? "")")
        case "testcase":
            cases.append(attributes["name"] ?? "")
        case "failure":
            failureMessages.append(attributes["message"] ?? "")
        default:
            break
        }
    }
}

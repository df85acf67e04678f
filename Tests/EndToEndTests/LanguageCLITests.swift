import Foundation
import Testing

/// The `dls` binary as a user meets it: files, -c, stdin, check, exit codes 0/1/2.
@Suite struct LanguageCLITests {
    @Test func runsCodeAndFilesWithArguments() throws {
        let r = try CLI.run(["-c", "print(1 + 1)"])
        #expect(r.status == 0)
        #expect(r.stdout == "2\n")
        let file = try CLI.temporaryFile("print(args)\nprint(len(args))\n")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let f = try CLI.run([file.path, "one", "--two"])
        #expect(f.status == 0)
        #expect(f.stdout == "[\"one\", \"--two\"]\n2\n")
    }

    @Test func scriptOnStdin() throws {
        let r = try CLI.run([], stdin: "let x = 20\nprint(x * 2)\n")
        #expect(r.status == 0)
        #expect(r.stdout == "40\n")
    }

    @Test func runtimeErrorExitsOneWithLocationAndCaret() throws {
        let file = try CLI.temporaryFile("let a = 1\nprint(a + nil)\n", name: "bad.dls")
        defer { try? FileManager.default.removeItem(at: file.deletingLastPathComponent()) }
        let r = try CLI.run([file.path])
        #expect(r.status == 1)
        #expect(r.stderr == "\(file.path):2:9: error: cannot add int and nil (left: variable 'a')\n    print(a + nil)\n            ^\n")
    }

    @Test func syntaxErrorsExitTwoAndAllAreReported() throws {
        let r = try CLI.run(["-c", "let = 1\nlet y = (2\nprint(3"])
        #expect(r.status == 2)
        #expect(r.stderr.contains("<command line>:1:5: error: variable name after 'let' expected"))
        #expect(r.stderr.contains("<command line>:3:1: error: ')' expected to close '(' at line 2, found identifier 'print'"))
        #expect(r.stdout.isEmpty)
    }

    @Test func checkParsesWithoutRunning() throws {
        let good = try CLI.temporaryFile("print(\"should not run\")\n", name: "good.dls")
        defer { try? FileManager.default.removeItem(at: good.deletingLastPathComponent()) }
        let r = try CLI.run(["check", good.path])
        #expect(r.status == 0)
        #expect(r.stdout.isEmpty)
        let bad = try CLI.run(["check", "/nonexistent/x.dls"])
        #expect(bad.status == 2)
        #expect(bad.stderr.contains("cannot read '/nonexistent/x.dls'"))
    }

    @Test("check on a binary file: one error line, status 2, from its first chunk (the time: scripts/bench/binary-input.sh)")
    func checkRefusesBinaryInput() throws {
        let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-binary-\(getpid())")
        try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: dir) }
        // An ELF-like head, then 2 MB of bytes that are neither text nor NUL-free.
        var bytes: [UInt8] = [0x7f, 0x45, 0x4c, 0x46, 0x02, 0x01, 0x01, 0x00]
        bytes += (0..<(2 << 20)).map { UInt8(truncatingIfNeeded: $0 &* 2_654_435_761 >> 13) }
        let binary = dir.appendingPathComponent("a.out")
        try Data(bytes).write(to: binary)
        let r = try CLI.run(["check", binary.path])
        #expect(r.status == 2)
        #expect(r.stdout.isEmpty)
        #expect(r.stderr == "dls: cannot read '\(binary.path)': binary data, not text (a NUL byte at line 1, column 8)\n")
        // Piped in, as a script and as a batch file (it used to be parsed as garbage: 86 s for 38 MB).
        let piped = "let a = 1\n\u{7f}ELF\u{2}\u{0}\u{1}"
        let script = try CLI.run([], stdin: piped)
        #expect(script.status == 2 && script.stdout.isEmpty)
        #expect(script.stderr == "dls: cannot read standard input: binary data, not text (a NUL byte at line 2, column 6)\n")
        let batch = try CLI.run(["-b", "-"], stdin: piped)
        #expect(batch.status == 1)
        #expect(batch.stderr == "Cannot open file \"-\" for reading: binary data, not text (a NUL byte at line 2, column 6)\n")
    }

    @Test func usageVersionAndHelp() throws {
        let v = try CLI.run(["--version"])
        #expect(v.status == 0)
        #expect(v.stdout.hasPrefix("dls "))
        let h = try CLI.run(["--help"])
        #expect(h.status == 0)
        #expect(h.stdout.contains("USAGE"))
        let u = try CLI.run(["--no-such-flag"])
        #expect(u.status == 2)
        let missing = try CLI.run(["/nonexistent/script.dls"])
        #expect(missing.status == 2)
    }

    @Test func stepLimitStopsRunawayLoops() throws {
        let r = try CLI.run(["--step-limit", "1000", "-c", "while true { }"])
        #expect(r.status == 1)
        #expect(r.stderr.contains("step limit reached"))
    }
}

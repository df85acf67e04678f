import Foundation
import Glibc
import Testing
@testable import DLSLanguage

/// `env`, `read_file`, `write_file` and `exit`: what a script sees, and the errors it gets.
@Suite struct SystemBuiltinTests {
    @Test func envReadsAVariableOrGivesTheDefault() {
        setenv("DLS_TEST_ENV_SET", "blue tenant", 1)
        unsetenv("DLS_TEST_ENV_UNSET")
        #expect(output("print(env(\"DLS_TEST_ENV_SET\"), env(\"DLS_TEST_ENV_UNSET\"), env(\"DLS_TEST_ENV_UNSET\", 7), env(\"DLS_TEST_ENV_SET\", 7))")
                == "blue tenant nil 7 blue tenant\n")
        #expect(errorLine("env(1)") == "t.dls:1:4: error: env(): argument 1 must be string, got int")
        #expect(errorLine("env(\"A=B\")") == "t.dls:1:4: error: env(): \"A=B\" is not a variable name")
        let latin1: [CChar] = [CChar(bitPattern: 0xe9), 0]
        setenv("DLS_TEST_ENV_LATIN1", latin1, 1)
        #expect(errorLine("env(\"DLS_TEST_ENV_LATIN1\")") == "t.dls:1:4: error: env(): environment variable DLS_TEST_ENV_LATIN1 is not UTF-8 text")
    }

    @Test func readFileGivesTextAndRefusesWhatIsNotText() throws {
        let dir = try ScriptDirectory(["inv.txt": "line 1\nnaïve ✓\n"])
        #expect(output("print(read_file(\"\(dir.path("inv.txt"))\"))") == "line 1\nnaïve ✓\n\n")
        try Data([0x61, 0x0a, 0x62, 0xc3, 0x28]).write(to: URL(fileURLWithPath: dir.path("latin1.txt")))
        try Data([0x7f, 0x45, 0x4c, 0x46, 0x02, 0x00, 0x01]).write(to: URL(fileURLWithPath: dir.path("prog.bin")))
        #expect(errorLine("read_file(\"\(dir.path("latin1.txt"))\")")
                == "t.dls:1:10: error: read_file(): cannot read \"\(dir.path("latin1.txt"))\": not UTF-8 text (byte 0xC3 at line 2, column 2)")
        #expect(errorLine("read_file(\"\(dir.path("prog.bin"))\")")
                == "t.dls:1:10: error: read_file(): cannot read \"\(dir.path("prog.bin"))\": binary data, not text (a NUL byte at line 1, column 6)")
        #expect(errorLine("read_file(\"\(dir.path("none.txt"))\")")
                == "t.dls:1:10: error: read_file(): cannot read \"\(dir.path("none.txt"))\": No such file or directory")
        #expect(errorLine("read_file(\"\(dir.url.path)\")")
                == "t.dls:1:10: error: read_file(): cannot read \"\(dir.url.path)\": it is a directory")
    }

    @Test("read: each 64 KiB chunk is checked as it arrives; characters split across chunks are fine")
    func readChecksChunkByChunk() throws {
        let a = [UInt8](repeating: UInt8(ascii: "a"), count: 65_535)
        let lines = [UInt8](String(repeating: "line\n", count: 30_000).utf8)
        let files: [String: [UInt8]] = [
            "split2.txt": a + Array("é\n".utf8),                 // bytes 65535 and 65536
            "split4.txt": Array(a.dropLast()) + Array("😀\n".utf8),
            "nul.txt": lines + [0],                                // past the first chunk
            "bad.txt": lines + Array("ok ".utf8) + [0xff],
            "truncated.txt": lines + [0xe2, 0x9c],
        ]
        let dir = try ScriptDirectory(["empty.txt": ""])
        for (name, bytes) in files { try Data(bytes).write(to: URL(fileURLWithPath: dir.path(name))) }
        func read(_ name: String) -> String {
            do throws(TextFile.Failure) {
                return "ok \(try TextFile.read(dir.path(name)).count)"
            } catch {
                return error.reason
            }
        }
        #expect(read("split2.txt") == "ok 65537")
        #expect(read("split4.txt") == "ok 65536")
        #expect(read("nul.txt") == "binary data, not text (a NUL byte at line 30001, column 1)")
        #expect(read("bad.txt") == "not UTF-8 text (byte 0xFF at line 30001, column 4)")
        #expect(read("truncated.txt") == "not UTF-8 text (byte 0xE2 at line 30001, column 1)")
    }

    @Test func writeFileReplacesAtomicallyAndKeepsTheMode() throws {
        let dir = try ScriptDirectory(["out.txt": "old\n"])
        let path = dir.path("out.txt")
        chmod(path, 0o640)
        #expect(output("write_file(\"\(path)\", \"new ✓\\n\")\nprint(read_file(\"\(path)\"))") == "new ✓\n\n")
        var info = stat()
        stat(path, &info)
        #expect(info.st_mode & 0o777 == 0o640)
        // The temporary file was renamed, not left behind.
        #expect(try FileManager.default.contentsOfDirectory(atPath: dir.url.path) == ["out.txt"])
        #expect(output("write_file(\"\(dir.path("fresh.txt"))\", \"\")\nprint(len(read_file(\"\(dir.path("fresh.txt"))\")))") == "0\n")
        #expect(errorLine("write_file(\"\(path)\", {a: 1})")
                == "t.dls:1:11: error: write_file(): the text must be a string, got map (json(value) makes one from data)")
        #expect(errorLine("write_file(\"\(dir.path("no/such/dir.txt"))\", \"x\")")
                == "t.dls:1:11: error: write_file(): cannot write \"\(dir.path("no/such/dir.txt"))\": No such file or directory")
        #expect(errorLine("write_file(\"\(dir.url.path)\", \"x\")").hasSuffix("it is a directory"))
    }

    @Test func writingThroughASymbolicLinkReplacesItsTarget() throws {
        let dir = try ScriptDirectory(["real.txt": "old\n"])
        try FileManager.default.createSymbolicLink(atPath: dir.path("link.txt"), withDestinationPath: "real.txt")
        #expect(output("write_file(\"\(dir.path("link.txt"))\", \"new\\n\")") == "")
        #expect(try String(contentsOfFile: dir.path("real.txt"), encoding: .utf8) == "new\n")
        #expect(try FileManager.default.destinationOfSymbolicLink(atPath: dir.path("link.txt")) == "real.txt")
    }

    /// A failed write leaves the old file as it was (here: a directory the user cannot write to).
    @Test func aFailedWriteChangesNothing() throws {
        guard geteuid() != 0 else {
            print("skipped aFailedWriteChangesNothing: root writes to read-only directories")
            return
        }
        let dir = try ScriptDirectory(["keep.txt": "old\n"])
        chmod(dir.url.path, 0o555)
        defer { chmod(dir.url.path, 0o755) }
        #expect(errorLine("write_file(\"\(dir.path("keep.txt"))\", \"new\")").hasSuffix("Permission denied"))
        #expect(try String(contentsOfFile: dir.path("keep.txt"), encoding: .utf8) == "old\n")
    }

    @Test func exitEndsTheRunWithItsStatusAndIsNotCaught() {
        let (out, error) = runFailure("""
            fn leave(n) { print("leaving"); exit(n) }
            try { leave(3) } catch e { print("caught", e) }
            print("not reached")
            """)
        #expect(out == "leaving\n")
        #expect(error?.kind == .exit(3))
        #expect(error?.rendered(sources: [:]) == "")
        #expect(runFailure("exit()").error?.kind == .exit(0))
        #expect(errorLine("exit(256)") == "t.dls:1:5: error: exit(): the status must be 0...255, got 256")
        #expect(errorLine("exit(-1)") == "t.dls:1:5: error: exit(): the status must be 0...255, got -1")
        #expect(errorLine("exit(\"1\")") == "t.dls:1:5: error: exit(): argument 1 must be int, got string")
    }

    @Test func exitInsideATransactionRollsItBack() {
        let host = TransactionalHost()
        let (_, error) = runFailure("port set a 1\ntransaction {\n    port set b 2\n    exit(4)\n}", host: host)
        #expect(error?.kind == .exit(4))
        #expect(host.state == ["a": "1"])
        #expect(error?.rendered(sources: [:]) == "transaction rolled back: no changes were kept")
    }

    @Test func everyBuiltinIsDocumented() {
        let interpreter = Interpreter(output: CapturedOutput())
        for name in interpreter.globalNames {
            guard case .native(let function)? = interpreter.global(name) else { continue }
            #expect(function.help?.hasPrefix("\(name)(") == true, "\(name) has no help text")
        }
        #expect(Builtins.help.keys.allSatisfy { interpreter.global($0) != nil }, "help for a builtin that does not exist")
    }
}

/// Runs source that must fail; the output and the runtime error.
func runFailure(_ source: String, host: CommandHost? = nil) -> (output: String, error: RuntimeError?) {
    let output = CapturedOutput()
    let interpreter = Interpreter(host: host, output: output)
    var failure: RuntimeError?
    LargeStack.run {
        do throws(ScriptFailure) {
            try interpreter.run(source, file: "t.dls")
        } catch {
            if case .runtime(let e) = error { failure = e }
        }
    }
    return (output.text, failure)
}

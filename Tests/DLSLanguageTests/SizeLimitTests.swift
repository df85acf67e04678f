import Foundation
import Glibc
import Testing
import TestSupport
@testable import DLSLanguage

/// Strings and lists stop growing at `Limits` with an error that names the limit, whichever way
/// they grow (found by the interpreter fuzz target: `s = s + s` in a loop exhausted memory).
/// The limits are lowered here so the tests stay small; no other test comes near these sizes.
@Suite(.serialized) struct SizeLimitTests {
    static func withLowLimits(_ body: () -> Void) {
        let (strings, lists, files) = (Limits.maxStringBytes, Limits.maxListItems, Limits.maxFileBytes)
        Limits.maxStringBytes = 1 << 22
        Limits.maxListItems = 500_000
        Limits.maxFileBytes = 1 << 20
        defer { Limits.maxStringBytes = strings; Limits.maxListItems = lists; Limits.maxFileBytes = files }
        body()
    }

    /// A file past the limit is refused, whether its size is known beforehand or not (a pipe);
    /// /dev/zero ends at its first chunk, as binary data.
    @Test func readingStopsAtTheFileLimit() throws {
        let dir = try ScriptDirectory(["big.json": String(repeating: " ", count: (1 << 20) + 1), "fits.json": String(repeating: " ", count: (1 << 20) - 1) + "1"])
        Self.withLowLimits {
            #expect(errorLine("read_file(\"\(dir.path("big.json"))\")")
                    == "t.dls:1:10: error: read_file(): cannot read \"\(dir.path("big.json"))\": larger than the 1048576-byte limit for files a script reads")
            #expect(errorLine("read_file(\"/dev/zero\")")
                    == "t.dls:1:10: error: read_file(): cannot read \"/dev/zero\": binary data, not text (a NUL byte at line 1, column 1)")
            #expect(output("print(len(read_file(\"\(dir.path("fits.json"))\")))") == "1048576\n")
            // Text of unknown size: exactly limit + 1 bytes, so the writer never blocks on a reader that stopped.
            var ends: [Int32] = [0, 0]
            guard pipe(&ends) == 0 else { Issue.record("pipe failed"); return }
            let (readEnd, writeEnd) = (ends[0], ends[1])
            let writer = Thread {
                let text = [UInt8](repeating: UInt8(ascii: " "), count: (1 << 20) + 1)
                var offset = 0
                while offset < text.count {
                    let n = text.withUnsafeBytes { write(writeEnd, $0.baseAddress! + offset, text.count - offset) }
                    if n <= 0 { break }
                    offset += n
                }
                close(writeEnd)
            }
            writer.start()
            defer { close(readEnd) }
            do throws(TextFile.Failure) {
                _ = try TextFile.read(descriptor: readEnd)
                Issue.record("a pipe past the limit was read")
            } catch {
                #expect(error.reason == "larger than the 1048576-byte limit for files a script reads")
            }
        }
    }

    @Test func concatenationStopsAtTheStringLimit() {
        Self.withLowLimits {
            #expect(errorLine("let s = \"ab\"\nwhile true { s = s + s }") ==
                    "t.dls:2:20: error: string of 8388608 bytes is too long (limit 4194304 bytes)")
        }
    }

    @Test func interpolationAndJoinStopAtTheStringLimit() {
        Self.withLowLimits {
            #expect(errorLine("let s = \"x\" * 3000000\nlet t = \"${s}${s}\"") ==
                    "t.dls:2:9: error: string of 6000000 bytes is too long (limit 4194304 bytes)")
            #expect(errorLine("let s = \"x\" * 3000000\nlet t = join([s, s])") ==
                    "t.dls:2:13: error: join(): result is too long (limit 4194304 bytes)")
            #expect(errorLine("let s = \"x\" * 3000000\ns += s").contains("string of 6000000 bytes is too long (limit 4194304 bytes)"))
            // `+=` on a local string appends in place; the limit holds there exactly as for `s = s + t`.
            #expect(errorLine("fn f() {\n  let s = \"x\" * 4194304\n  s += \"y\"\n}\nf()") ==
                    "t.dls:3:3: error: string of 4194305 bytes is too long (limit 4194304 bytes)")
            #expect(errorLine("fn f() {\n  let s = \"x\" * 3000000\n  s += s\n}\nf()") ==
                    "t.dls:3:3: error: string of 6000000 bytes is too long (limit 4194304 bytes)")
            #expect(errorLine("fn f() {\n  let s = \"x\" * 4194304\n  s = s + \"y\"\n}\nf()") ==
                    "t.dls:3:9: error: string of 4194305 bytes is too long (limit 4194304 bytes)")
        }
    }

    @Test func listConcatenationStopsAtTheListLimit() {
        Self.withLowLimits {
            #expect(errorLine("let a = range(300000)\nlet b = a + a") ==
                    "t.dls:2:11: error: list of 600000 items is too long (limit 500000 items)")
        }
    }

    /// `"ab" * 2**62` overflowed the size check to a small number and then crashed allocating.
    @Test func repetitionWhoseSizeOverflowsIsAnError() {
        #expect(errorLine("let s = \"ab\" * 4611686018427387904") ==
                "t.dls:1:14: error: string of 2 bytes repeated 4611686018427387904 times is too long (limit \(Limits.maxStringBytes) bytes)")
        #expect(errorLine("let s = \"ab\" * -1") == "t.dls:1:14: error: string repetition count -1 is negative")
    }

    /// range() guarded its size with a stride's underestimatedCount, which is always 0.
    @Test func rangeIsCountedBeforeItIsBuilt() {
        Self.withLowLimits {
            #expect(errorLine("let r = range(0, 9223372036854775807, 2)") ==
                    "t.dls:1:14: error: range(): range(0, 9223372036854775807, 2) is too large to make a list (limit 500000 items)")
            #expect(errorLine("let r = range(-9223372036854775807, 9223372036854775807)").contains("is too large to make a list"))
            #expect(errorLine("let a = range(500000)\nappend(a, 1)") ==
                    "t.dls:2:7: error: append(): list of 500001 items is too long (limit 500000 items)")
        }
        #expect(output("print(range(0, 10, 3), range(10, 0, -3), range(5), range(3, 3), range(0, -5), range(-2, 2))") ==
                "[0, 3, 6, 9] [10, 7, 4, 1] [0, 1, 2, 3, 4] [] [] [-2, -1, 0, 1]\n")
    }

    @Test func withinTheLimitsNothingChanges() {
        Self.withLowLimits {
            #expect(output("let s = \"ab\" * 1000\nprint(len(s + s), len(\"${s}${s}\"), len(range(1000) + range(1000)))") == "4000 4000 2000\n")
        }
    }

    @Test(.disabled(if: threadSanitizerIsActive, "the default depth of 10,000 calls overflows TSan's shadow call stack"))
    func deepRecursionWithLocalsEndsAtTheDepthLimit() {
        let (_, error) = run("fn f(n) { let a = n; let b = a; return f(n + 1) }\nf(0)", configure: { _ in })
        #expect(error?.contains("call depth limit reached") == true)
    }

    @Test func aSmallValueStackEndsDeepRecursionWithAnError() {
        let small = Interpreter(output: CapturedOutput(), stackCapacity: 256)
        var failure: String?
        LargeStack.run {
            do throws(ScriptFailure) { try small.run("fn f(n) { return f(n + 1) }\nf(0)", file: "t.dls") } catch { failure = small.render(error) }
        }
        #expect(failure?.contains("value stack exhausted (too many nested calls)") == true)
    }
}

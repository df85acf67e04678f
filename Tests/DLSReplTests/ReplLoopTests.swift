import Foundation
import Synchronization
import Testing
@testable import DLSRepl

extension InterruptFlagSuites {
    @Suite struct ReplLoopTests {
        private func make(_ inputs: [LineInput], hooks: ReplHooks? = nil, interactive: Bool = true)
            -> (Repl, ScriptedReader, FakeLanguage, Captured) {
            let reader = ScriptedReader(inputs, interactive: interactive)
            let language = FakeLanguage()
            let captured = Captured()
            return (Repl(language: language, hooks: hooks, reader: reader, output: captured.output),
                    reader, language, captured)
        }

        @Test func multiLineBlockRunsOnceAndIsOneHistoryEntry() {
            let (repl, reader, language, out) = make([.line("for x in xs {"), .line("  print(x)"), .line("}")])
            #expect(repl.run() == 0)
            #expect(reader.prompts == ["dls> ", "...> ", "...> ", "dls> "])
            #expect(language.runs.map(\.source) == ["for x in xs {\n  print(x)\n}"])
            #expect(reader.history == ["for x in xs {\n  print(x)\n}"])
            #expect(out.out.contains("=> for x in xs {"))
            #expect(reader.saved)
        }

        @Test func recalledBlockArrivesAsOneLine() {
            let (repl, _, language, _) = make([.line("if a {\n  b\n}")])
            _ = repl.run()
            #expect(language.runs.map(\.source) == ["if a {\n  b\n}"])
        }

        @Test func ctrlCDropsTheOpenBlock() {
            let (repl, reader, language, _) = make([.line("while true {"), .interrupted, .line("1")])
            _ = repl.run()
            #expect(reader.prompts == ["dls> ", "...> ", "dls> ", "dls> "])
            #expect(language.runs.map(\.source) == ["1"])
        }

        @Test func errorsAreShownAndTheLoopGoesOn() {
            let (repl, _, language, out) = make([.line("boom"), .line("((("), .line("2")])
            #expect(repl.run() == 0)
            #expect(out.err.contains("error: boom"))
            #expect(out.err.contains("(((\n^"))
            #expect(language.runs.count == 3)
            #expect(out.out.contains("=> 2"))
        }

        @Test func blankLinesDoNothing() {
            let (repl, reader, language, _) = make([.line(""), .line("   ")])
            _ = repl.run()
            #expect(language.runs.isEmpty)
            #expect(reader.history.isEmpty)
        }

        @Test func endOfInputInsideBlockReportsIt() {
            let (repl, _, _, out) = make([.line("for x in xs {")])
            #expect(repl.run() == 0)
            #expect(out.err.contains("unexpected end of input"))
        }

        @Test func quitStopsBeforeLaterInput() {
            let (repl, reader, language, _) = make([.line(":quit"), .line("1")])
            #expect(repl.run() == 0)
            #expect(language.runs.isEmpty)
            #expect(reader.history == [":quit"])
            #expect(reader.saved)
        }

        @Test func varsAndUnknownMeta() {
            let (repl, _, _, out) = make([.line("let a = 1"), .line(":vars"), .line(":frob")])
            _ = repl.run()
            #expect(out.out.contains("a = 1"))
            #expect(out.err.contains("unknown command ':frob'"))
        }

        @Test func helpListsMetaCommandsAndHostTopics() {
            let (repl, _, _, out) = make([.line(":help"), .line(":help port"), .line(":help nope")], hooks: FakeHooks())
            _ = repl.run()
            #expect(out.out.contains(":save FILE"))
            #expect(out.out.contains("port show|set|add|del"))
            #expect(out.out.contains("No help on 'nope'"))
        }

        @Test func hooksBackendResetJSON() {
            let hooks = FakeHooks()
            let (repl, _, _, out) = make([.line(":backend"), .line(":reset"), .line(":json on"), .line(":json maybe")],
                                         hooks: hooks)
            _ = repl.run()
            #expect(out.out.contains("emulator: built-in topology"))
            #expect(out.out.contains("fresh emulator"))
            #expect(hooks.resets == 1)
            #expect(hooks.json == true)
            #expect(out.err.contains("usage: :json on|off"))
        }

        @Test func hooklessSessionRefusesBackendCommands() {
            let (repl, _, _, out) = make([.line(":reset"), .line(":json off")])
            _ = repl.run()
            #expect(out.err.contains("error: not available in this session"))
        }

        @Test func saveWritesAcceptedInputAndLoadRunsAFile() throws {
            let dir = FileManager.default.temporaryDirectory.appendingPathComponent("dls-repl-\(UUID().uuidString)")
            try FileManager.default.createDirectory(at: dir, withIntermediateDirectories: true)
            defer { try? FileManager.default.removeItem(at: dir) }
            let file = dir.appendingPathComponent("s.dls").path
            let (repl, _, language, out) = make([
                .line("let a = 1"), .line("boom"), .line("for x in xs {"), .line("}"), .line(":save \(file)"),
                .line(":load \(file)"), .line(":load \(dir.path)/missing.dls"),
            ])
            _ = repl.run()
            #expect(try String(contentsOfFile: file, encoding: .utf8) == "let a = 1\nfor x in xs {\n}\n")
            #expect(out.out.contains("saved 2 inputs"))
            let loaded = try #require(language.runs.last)
            #expect(loaded.name == file)
            #expect(loaded.echo == false)
            #expect(out.err.contains("cannot read"))
        }

        @Test func pipedInputRunsAsOneScriptWithoutEcho() {
            let (repl, reader, language, out) = make([.line("let a = 1"), .line("a")], interactive: false)
            #expect(repl.run() == 0)
            #expect(language.runs.map(\.source) == ["let a = 1\na"])
            #expect(language.runs.first?.name == "<stdin>")
            #expect(out.out.isEmpty)
            #expect(reader.history.isEmpty)
        }

        @Test func pipedScriptExitStatusFollowsTheError() {
            #expect(make([.line("(((")], interactive: false).0.run() == 2)
            #expect(make([.line("boom")], interactive: false).0.run() == 1)
            #expect(make([], interactive: false).0.run() == 0)
        }

        @Test func completionSeesTheOpenBlock() {
            let (repl, _, _, _) = make([], hooks: FakeHooks())
            #expect(repl.complete(":help p").action == .insert("port "))
            #expect(repl.accept("for i in xs {") == .more)
            #expect(repl.complete("    port fu").action == .insert("function "))
            #expect(repl.complete("    sf.fl").action == .insert("flavour"))
        }

        @Test func ctrlCDuringARunReachesTheLanguage() {
            let language = SlowLanguage()
            let reader = ScriptedReader([.line("while true { }")])
            let captured = Captured()
            let repl = Repl(language: language, reader: reader, output: captured.output)
            Thread.detachNewThread {
                usleep(100_000)
                Interrupts.raise()
            }
            #expect(repl.run() == 0)
            #expect(captured.err.contains("interrupted"))
        }
    }

    /// Loops until `interrupt()` is called (from the watcher thread), like a `while true { }`.
    final class SlowLanguage: ReplLanguage {
        private let stop = Atomic<Bool>(false)
        func isIncomplete(_ source: String) -> Bool { false }
        func run(_ source: String, name: String, echo: Bool) -> ReplOutcome {
            stop.store(false, ordering: .relaxed)
            let deadline = Date().addingTimeInterval(5)
            while !stop.load(ordering: .relaxed) {
                if Date() > deadline { return .success(display: "never interrupted") }
                usleep(1000)
            }
            return .interrupted
        }
        func interrupt() { stop.store(true, ordering: .relaxed) }
        func variables() -> [(name: String, value: String)] { [] }
        var completionScope: CompletionScope? { nil }
    }

    /// Tab right after `NAME(` shows the builtin's signature (issue 17) instead of listing every name.
    @Suite struct SignatureHintTests {
        final class SignatureHooks: ReplHooks {
            func help(topic: String) -> String? { topic == "wait" ? "wait(FN[, SECONDS]): polls FN" : nil }
        }

        @Test func tabAfterAnOpenCallShowsTheSignature() {
            let repl = Repl(language: FakeLanguage(), hooks: SignatureHooks(), reader: ScriptedReader([]),
                            output: Captured().output)
            #expect(repl.complete("let ok = wait(").action == .hint("wait(FN[, SECONDS]): polls FN"))
            #expect(repl.complete("wait( ").action == .hint("wait(FN[, SECONDS]): polls FN"))
            // Not after an argument, not for names without a signature, not for fields.
            #expect(repl.complete("wait(f").hint == nil)
            #expect(repl.complete("len(").hint == nil)
            #expect(repl.complete("sf.wait(").hint == nil)
            #expect(Repl.openCall("print(x, wait(") == "wait")
            #expect(Repl.openCall("x(") == "x" && Repl.openCall("(") == nil && Repl.openCall("1(") == nil)
        }
    }

    /// Bare `exit`/`quit` get python's hint; `quit()` leaves, as in python (issue 17: all were
    /// "undefined variable").
    @Suite struct ExitWordTests {
        @Test func bareWordsHintAndQuitCallLeaves() {
            let language = FakeLanguage()
            let captured = Captured()
            let reader = ScriptedReader([.line("exit"), .line("  quit "), .line("quit()"), .line("never")])
            let repl = Repl(language: language, reader: reader, output: captured.output)
            #expect(repl.run() == 0)
            #expect(captured.out == String(repeating: "Use exit() or Ctrl-D (or :quit) to leave.\n", count: 2))
            #expect(language.runs.isEmpty)
            #expect(reader.history == ["exit", "  quit ", "quit()"])
        }
    }
}

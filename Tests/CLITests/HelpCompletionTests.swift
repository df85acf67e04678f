import DLS
import DLSRepl
import Testing
@testable import dls

/// Tab after `help` offers what `help` answers (one registry: the command table and the builtins).
@Suite struct HelpCompletionTests {
    func complete(_ text: String) throws -> Completion {
        let engine = try DLSEngine(backend: .defaultEmulator, output: DLSCapturedOutput())
        return CompletionEngine(vocabulary: DevlinkCompletion(engine: engine)).complete(text)
    }

    @Test func helpIsACommandWordWithItsTopics() throws {
        #expect(try complete("hel").action == .insert("help "))
        #expect(try complete("help wa").action == .insert("wait "))
        #expect(try complete("help bu").action == .insert("builtins "))
        let objects = try complete("help p").texts
        #expect(objects.contains("port") && objects.contains("print") && objects.contains("ports"))
        #expect(try complete("help port function r").action == .insert("rate "))
    }
}

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

    /// The REPL completes by the command table's own kinds: `parent` (ValueKind.handle(.nodeName))
    /// offers node names, `rate del`'s handle (HandleKind.rateNode) node handles, `demand` ports.
    @Test func completionFollowsTheTableKinds() throws {
        let engine = try DLSEngine(backend: .defaultEmulator, output: DLSCapturedOutput())
        try engine.run("dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/tenant1")
        let completion = CompletionEngine(vocabulary: DevlinkCompletion(engine: engine))
        #expect(completion.complete("port function rate set pci/0000:06:00.0/1 parent ").texts == ["tenant1"])
        #expect(completion.complete("port function rate del ").texts == ["pci/0000:06:00.0/tenant1"])
        #expect(completion.complete("port function rate set pci/0000:06:00.0/1 tx_max 10g").texts == ["10gbit", "10gbps"])
        #expect(completion.complete("dev eswitch set pci/0000:06:00.0 mode sw").texts == ["switchdev", "switchdev_inactive"])
        #expect(completion.complete("qos simulate pci/0000:06:00.0 demand pci/0000:06:00.0/65").action
                    == .insert("pci/0000:06:00.0/65535 "))
    }
}

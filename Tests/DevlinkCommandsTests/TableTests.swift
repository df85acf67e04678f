import DevlinkCommands
import Testing

@Suite("Command table: resolution, prefix matching, completion data")
struct TableTests {
    let table = CommandTable.standard

    func path(_ line: String) throws -> [String] {
        switch try table.resolve(line.split(separator: " ").map(String.init)) {
        case .run(let spec, _): return spec.path
        case .usage: return ["<usage>"]
        }
    }

    @Test func prefixesPickTheFirstCandidateInDevlinkOrder() throws {
        #expect(try path("port s") == ["port", "show"])
        #expect(try path("port sp x") == ["port", "split"])
        #expect(try path("p f r sh") == ["port", "function", "rate", "show"])
        #expect(try path("d e se x") == ["dev", "eswitch", "set"])
        #expect(try path("devlink dev") == ["dev", "show"])
        #expect(try path("dev list") == ["dev", "show"])
        #expect(try path("port function") == ["<usage>"])
        #expect(try path("port function set") == ["<usage>"])
        #expect(try path("dev info help") == ["<usage>"])
        #expect(try path("h") == ["<usage>"])
    }

    @Test func unknownWordsGiveDevlinkMessages() {
        #expect(throws: ClientError.self) { try table.resolve(["rate", "show"]) }
        let error = #expect(throws: ClientError.self) { try table.resolve(["port", "frob"]) }
        #expect(error?.lines == ["Command \"frob\" not found"])
        #expect(error?.wordIndex == 1)
    }

    @Test func commandWordsIncludeEveryObjectAndDevlink() {
        #expect(table.commandWords == ["dev", "port", "monitor", "resource", "lag", "link", "qos", "route", "devlink"])
    }

    @Test func completionOffersKeywordsOptionsAndValues() {
        #expect(table.completions(after: ["port"]).words.contains("function"))
        #expect(table.completions(after: ["port", "add"]).expectsHandle == .deviceOrPort)
        let options = table.completions(after: ["port", "add", "pci/0000:06:00.0", "flavour", "pcisf"]).words
        #expect(options == ["pfnum", "sfnum", "controller"])
        let values = table.completions(after: ["dev", "eswitch", "set", "pci/0000:06:00.0", "mode"])
        #expect(values.expectsValueOf == "mode")
        #expect(values.words == ["legacy", "switchdev", "switchdev_inactive"])
        #expect(table.values(forOption: "state") == ["inactive", "active"])
        #expect(table.values(forOption: "roce") == ["true", "false", "enable", "disable"])
    }

    @Test func newObjectsPlugIn() throws {
        let widget = CommandNode("widget", children: [
            CommandNode("show", command: CommandSpec(path: ["widget", "show"], handle: nil) { _, _ in .none }),
        ])
        #expect(!table.commandWords.contains("widget"))
        #expect(throws: ClientError.self) { try table.resolve(["widget", "sh"]) }
        let extended = table.adding(widget)
        #expect(extended.commandWords.contains("widget"))
        guard case .run(let spec, _) = try extended.resolve(["widget", "sh"]) else {
            Issue.record("\"widget sh\" did not resolve to a command")
            return
        }
        #expect(spec.path == ["widget", "show"])
    }
}

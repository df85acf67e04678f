import DLS
import Testing

@Suite struct CommandTableTests {
    @Test func vocabularyForCompletionAndHelp() throws {
        let engine = try DLSEngine(output: DLSCapturedOutput())
        #expect(engine.commandObjects.starts(with: ["dev", "port"]))
        #expect(engine.subcommands(after: ["port"]).contains("function"))
        #expect(engine.subcommands(after: ["port", "show"]).isEmpty)
        let syntax = try #require(engine.commandSyntax(["port", "function", "set"]))
        #expect(syntax.handle?.kind == .port)
        #expect(syntax.handle?.optional == false)
        let hwAddr = try #require(syntax.options.first { $0.name == "hw_addr" })
        #expect(hwAddr.kind == .mac)
        #expect(syntax.options.first { $0.name == "state" }?.choices == ["inactive", "active"])
        #expect(engine.commandHelp("port")?.hasPrefix("Usage: devlink port") == true)
        #expect(engine.commandHelp("nosuch") == nil)
        // dls's own qos object: a device, then demands that complete as ports.
        let simulate = try #require(engine.commandSyntax(["qos", "simulate"]))
        #expect(simulate.handle?.kind == .device)
        #expect(simulate.options.map(\.name) == ["demand", "link", "kernel", "svg"])
        #expect(simulate.options.first?.kind == .demand)
        // The table's kinds pass through unchanged: `parent` names a node, `port show` tries a port first.
        let rateSet = try #require(engine.commandSyntax(["port", "function", "rate", "set"]))
        #expect(rateSet.options.first { $0.name == "parent" }?.kind == .handle(.nodeName))
        #expect(rateSet.options.first { $0.name == "tx_priority" }?.kind == .u32)
        #expect(engine.commandSyntax(["port", "show"])?.handle?.kind == .portOrDevice)
        #expect(engine.commandHelp("qos")?.hasPrefix("Usage: dls qos help") == true)
    }

    @Test func liveHandlesComeFromTheSession() throws {
        let engine = try DLSEngine(output: DLSCapturedOutput())
        #expect(engine.liveHandles(.device) == ["pci/0000:06:00.0", "pci/0000:06:00.1"])
        try engine.run("dev eswitch set pci/0000:06:00.0 mode switchdev\nport function rate add pci/0000:06:00.0/tenant1")
        #expect(engine.liveHandles(.nodeName, command: ["port", "function", "rate", "set", "pci/0000:06:00.0/1"]) == ["tenant1"])
        // `port function rate del`'s handle: the nodes only, as DEV/NODE.
        #expect(engine.liveHandles(.rateNode) == ["pci/0000:06:00.0/tenant1"])
        #expect(engine.liveHandles(.port).contains("pci/0000:06:00.0/65535"))
    }
}

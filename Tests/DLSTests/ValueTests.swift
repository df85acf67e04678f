import DLS
import Testing

@Suite struct ValueTests {
    let output = DLSCapturedOutput()

    @Test func swiftValuesGoInAndComeBack() throws {
        let engine = try DLSEngine(output: output)
        engine.setGlobal("n", 4)
        engine.setGlobal("name", "tenant1")
        engine.setGlobal("ratio", 0.5)
        engine.setGlobal("on", true)
        engine.setGlobal("macs", ["00:00:00:00:88:00", "00:00:00:00:88:01"])
        engine.setGlobal("limit", DLSRate("10gbit") ?? DLSRate(bytesPerSecond: 0))
        engine.setGlobal("conf", ["b": 2, "a": 1] as [String: Int])
        #expect(try engine.evaluate("n * 2").decode(Int.self) == 8)
        #expect(try engine.evaluate("name + \"!\"").decode(String.self) == "tenant1!")
        #expect(try engine.evaluate("ratio * 4").decode(Double.self) == 2)
        #expect(try engine.evaluate("!on").decode(Bool.self) == false)
        #expect(try engine.evaluate("macs").decode([String].self).count == 2)
        #expect(try engine.evaluate("limit").decode(DLSRate.self).description == "10Gbit")
        #expect(try engine.evaluate("keys(conf)").decode([String].self) == ["a", "b"])
        #expect(try engine.evaluate("nil").decode(Int?.self) == nil)
    }

    @Test func mapsKeepTheirOrder() throws {
        let engine = try DLSEngine(output: output)
        let map = try engine.evaluate("({\"z\": 1, \"a\": [2, 3]})")
        #expect(map.mapValue?.keys.map(\.description) == ["z", "a"])
        #expect(map["a"]?[1] == 3)
        let ordered = try #require(map.mapValue)
        #expect(ordered.values.first == 1)
    }

    @Test func decodeSaysWhatItFound() throws {
        let error = #expect(throws: DLSError.self) { try DLSValue.string("x").decode(Int.self) }
        #expect(error?.message == "expected Int, got string \"x\"")
    }

    @Test func portsAndRatesAreTyped() throws {
        let engine = try DLSEngine(output: output)
        try engine.run("""
            dev eswitch set pci/0000:06:00.0 mode switchdev
            port function rate add pci/0000:06:00.0/group tx_max 10gbit
            let sf = port add pci/0000:06:00.0 flavour pcisf pfnum 0 sfnum 88
            """)
        let sf = try #require(engine.global("sf")?.portValue)
        #expect(sf.flavour == .pcisf)
        #expect(sf.sfnum == 88)
        let group = try engine.evaluate("port function rate show pci/0000:06:00.0/group").decode(RateObject.self)
        #expect(group.txMax == 1_250_000_000)
        #expect(group.nodeName == "group")
        // A port set from Swift reads like one made by a command.
        engine.setGlobal("p", sf)
        #expect(try engine.evaluate("p.sfnum") == 88)
        #expect(try engine.evaluate("p.flavour") == "pcisf")
    }

    @Test func otherObjectsKeepTheirFieldsAndRoundTrip() throws {
        let engine = try DLSEngine(output: output)
        let mac = try engine.evaluate("mac(\"00:00:00:00:88:00\")")
        guard case .object(let object) = mac else { Issue.record("not an object: \(mac)"); return }
        #expect(object.typeName == "mac")
        #expect(object.fields["handle"] == "00:00:00:00:88:00")
        engine.setGlobal("m", mac)
        #expect(try engine.evaluate("m + 1").description == "00:00:00:00:88:01")
        engine.setGlobal("rec", .object(DLSObject(typeName: "tenant", fields: ["id": 7], text: "tenant 7")))
        #expect(try engine.evaluate("rec.id") == 7)
        #expect(try engine.evaluate("\"${rec}\"") == "tenant 7")
    }

    @Test func listsThatContainThemselvesAreCut() throws {
        let engine = try DLSEngine(output: output)
        let value = try engine.evaluate("fn() { let a = [1]; append(a, a); return a }()")
        #expect(value == [1, .null])
    }

    @Test func functionsComeBackCallable() throws {
        let engine = try DLSEngine(output: output)
        try engine.run("fn add(a, b) { return a + b }")
        let add = try #require(engine.global("add"))
        #expect(add.typeName == "function")
        #expect(try engine.call(add, [2, 3]) == 5)
        #expect(throws: DLSError.self) { try engine.call(.int(1)) }
    }

    @Test func caughtErrorsAreValues() throws {
        let engine = try DLSEngine(output: output)
        let value = try engine.evaluate("fn() { try { throw 42 } catch e { return e } }()")
        guard case .error(let error) = value else { Issue.record("not an error: \(value)"); return }
        #expect(error.value == 42)
    }

    @Test func textForms() {
        let value: DLSValue = ["a": [1, "x"], "r": .rate(DLSRate(bytesPerSecond: 125_000))]
        #expect(value.description == "{\"a\": [1, \"x\"], \"r\": 1Mbit}")
        #expect(DLSRate("1.5gbit")?.bytesPerSecond == 187_500_000)
        #expect(DLSRate("fast") == nil)
    }

    @Test func aStringInsideAListReadsAsTheScriptPrintsIt() throws {
        let engine = try DLSEngine(output: output)
        let text = "q\"b\\n\nr\rt\tc\u{01}"
        engine.setGlobal("s", text)
        try engine.run("print([s])")
        #expect(DLSValue.list([.string(text)]).description + "\n" == output.text)
        #expect(DLSValue.list([.string(text)]).description == #"["q\"b\\n\nr\rt\tc\u{1}"]"#)
    }
}

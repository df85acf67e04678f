import DevlinkModel
import Testing
@testable import DevlinkCommands

/// The byte buffer the formatter writes into: numbers, handles, growth past its first capacity.
@Suite struct TextBufferTests {
    @Test func numbersAreWrittenInDecimal() {
        for n: UInt64 in [0, 1, 9, 10, 11, 99, 100, 65535, 4_294_967_295, 10_000_000_000, UInt64.max] {
            var out = TextBuffer(capacity: 1)
            out.write(n)
            #expect(out.text == String(n))
        }
    }

    @Test func handlesAreSpelledAsTheirDescriptions() {
        let device = DeviceHandle(bus: "pci", name: "0000:06:00.0")
        var out = TextBuffer(capacity: 4)
        out.write(PortHandle(device: device, index: 4_294_967_295))
        out.write(UInt8(ascii: " "))
        out.write(RateHandle.node(device, "grüppe"))
        out.write(" " as StaticString)
        out.write(RateHandle.leaf(PortHandle(device: device, index: 0)))
        #expect(out.text == "pci/0000:06:00.0/4294967295 pci/0000:06:00.0/grüppe pci/0000:06:00.0/0")
    }

    @Test func growsPastItsCapacity() {
        var out = TextBuffer(capacity: 16)
        var expected = ""
        for i in 0..<2000 {
            let piece = String(repeating: "x", count: i % 40) + "é\(i)"
            out.write(piece)
            expected += piece
        }
        #expect(out.text == expected)
    }
}

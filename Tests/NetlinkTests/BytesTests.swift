import Testing
@testable import Netlink

@Suite struct BytesTests {
    @Test func hexRoundTrip() {
        let b: [UInt8] = [0x00, 0x0a, 0xff, 0x10]
        #expect(b.hexString == "000aff10")
        #expect([UInt8](hexString: "00 0a ff\n10") == b)
        #expect([UInt8](hexString: "abc") == nil)
        #expect([UInt8](hexString: "zz") == nil)
    }

    @Test func readsAreBoundsChecked() throws {
        let b: [UInt8] = [1, 0, 0, 0, 2]
        #expect(try Bytes.read(UInt32.self, b, at: 0) == 1)
        #expect(throws: NetlinkError.self) { try Bytes.read(UInt32.self, b, at: 2) }
        #expect(throws: NetlinkError.self) { try Bytes.read(UInt32.self, b, at: -1) }
        #expect(throws: NetlinkError.self) { try Bytes.slice(b, from: 3, count: 5) }
    }

    @Test func alignment() {
        #expect(Bytes.align4(0) == 0)
        #expect(Bytes.align4(1) == 4)
        #expect(Bytes.align4(4) == 4)
        #expect(Bytes.align4(17) == 20)
    }
}

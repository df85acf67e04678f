import Testing
@testable import Netlink

@Suite struct MessageCodecTests {
    @Test func stringAttributeIsNulTerminatedAndPadded() {
        var w = AttributeWriter()
        w.putString(2, "devlink")
        #expect(w.bytes.hexString == "0c000200" + "6465766c696e6b00")
        var w2 = AttributeWriter()
        w2.putString(1, "pci")  // 4 + 4 = 8, no padding
        #expect(w2.bytes.hexString == "08000100" + "70636900")
        var w3 = AttributeWriter()
        w3.putString(168, "g")  // len 6, padded to 8
        #expect(w3.bytes.hexString == "0600a800" + "67000000")
    }

    @Test func integersAndFlags() {
        var w = AttributeWriter()
        w.putU8(26, 3)
        w.putU16(25, 1)
        w.putU32(3, 128)
        w.putU64(166, 1_250_000)
        w.putFlag(82)
        #expect(w.bytes.hexString ==
            "05001a00" + "03000000" +
            "06001900" + "01000000" +
            "08000300" + "80000000" +
            "0c00a600" + "d012130000000000" +
            "04005200")
    }

    @Test func u64AlignedInsertsPadLikeTheKernel() {
        var w = AttributeWriter()
        w.putU64Aligned(166, 1, padType: 61, base: 0)  // (0 + 4) % 8 != 0 → pad first
        #expect(w.bytes.hexString == "04003d00" + "0c00a600" + "0100000000000000")
        var w2 = AttributeWriter()
        w2.putU64Aligned(166, 1, padType: 61, base: 4)  // payload lands on 8 already
        #expect(w2.bytes.hexString == "0c00a600" + "0100000000000000")
    }

    @Test func nestedAttributesSetTheNestedFlag() throws {
        var w = AttributeWriter()
        w.nest(145) { f in f.putU8(2, 1) }
        #expect(w.bytes.hexString == "0c009180" + "05000200" + "01000000")
        let list = try AttributeList(parsing: w.bytes)
        let outer = try #require(list[145])
        #expect(outer.nestedFlag)
        #expect(try outer.nested()[2]?.u8() == 1)

        var plain = AttributeWriter(markNested: false)
        plain.nest(18) { $0.putString(1, "bond") }
        #expect(plain.bytes.hexString == "10001200" + "0900010062" + "6f6e6400" + "000000")
    }

    @Test func bitfield32IsValueThenSelector() throws {
        var w = AttributeWriter()
        w.putBitfield32(4, value: 0x1, selector: 0x3)
        #expect(w.bytes.hexString == "0c000400" + "01000000" + "03000000")
        let a = try #require(try AttributeList(parsing: w.bytes)[4])
        #expect(try a.bitfield32() == (1, 3))
    }

    @Test func messageHeaderRoundTrip() throws {
        let m = NetlinkMessage(header: NetlinkHeader(type: 0x10, flags: [.request, .ack], sequence: 0x6b01aa0d),
                               payload: GenericFamily.requestPayload(name: "devlink"))
        // byte-for-byte what iproute2 devlink sent (fixture dev-show, first datagram)
        #expect(m.bytes.hexString == "20000000100005000daa016b00000000030100000c0002006465766c696e6b00")
        let back = try NetlinkMessage.parseAll(m.bytes)
        #expect(back == [NetlinkMessage(header: NetlinkHeader(length: 32, type: 0x10, flags: [.request, .ack],
                                                              sequence: 0x6b01aa0d), payload: m.payload)])
    }

    @Test func parseAllSplitsAlignedMessages() throws {
        let a = NetlinkMessage(header: NetlinkHeader(type: 20, flags: .multi, sequence: 1), payload: [1, 2, 3, 0])
        let b = NetlinkMessage(header: NetlinkHeader(type: NetlinkMessageType.done, flags: .multi, sequence: 1),
                               payload: [0, 0, 0, 0])
        let msgs = try NetlinkMessage.parseAll(a.bytes + b.bytes)
        #expect(msgs.count == 2)
        #expect(msgs[1].header.type == NetlinkMessageType.done)
    }

    @Test func truncatedAndBogusLengthsAreErrors() {
        let good = NetlinkMessage(header: NetlinkHeader(type: 20, flags: [], sequence: 1), payload: [8, 0, 1, 0, 1, 0, 0, 0]).bytes
        for cut in 1..<good.count {
            #expect(throws: NetlinkError.self) { try NetlinkMessage.parseAll(Array(good.prefix(cut))) }
        }
        var tooShort = good
        tooShort[0] = 8  // nlmsg_len 8 < header size
        #expect(throws: NetlinkError.self) { try NetlinkMessage.parseAll(tooShort) }
        // attribute claiming more bytes than there are
        #expect(throws: NetlinkError.self) { try AttributeList(parsing: [0x20, 0, 1, 0, 0, 0, 0, 0]) }
        // attribute length below its own header
        #expect(throws: NetlinkError.self) { try AttributeList(parsing: [2, 0, 1, 0]) }
        // short integer payload
        #expect(throws: NetlinkError.self) { try Attribute(type: 1, payload: [1, 2]).u32() }
        #expect(throws: NetlinkError.self) { try Attribute(type: 1, payload: [1, 2, 3]).bitfield32() }
    }

    @Test func stringsStopAtNulAndTolerateMissingNul() {
        #expect(Attribute(type: 1, payload: Array("abc".utf8) + [0, 0]).string() == "abc")
        #expect(Attribute(type: 1, payload: Array("abc".utf8)).string() == "abc")
        #expect(Attribute(type: 1, payload: [0xff, 0xfe, 0]).string() == "\u{FFFD}\u{FFFD}")
    }
}

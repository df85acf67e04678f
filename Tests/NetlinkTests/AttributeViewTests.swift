import DevlinkModel
import Testing
@testable import Netlink

/// Attributes read in place (slices of the message, a lookup table for decoders) must answer exactly
/// as reading them out one by one did: same values, same first-of-a-type, same errors and offsets.
@Suite struct AttributeViewTests {
    enum Outcome<T: Equatable>: Equatable {
        case value(T)
        case error(String)

        init(_ body: () throws -> T) {
            do { self = .value(try body()) } catch { self = .error("\(error)") }
        }
    }

    /// Every devlink message in the captured fixtures, as attribute lists.
    static func fixtureLists() throws -> [AttributeList] {
        var lists: [AttributeList] = []
        for name in try Fixture.allNames() {
            for (direction, bytes) in try Fixture.load(name).datagrams where direction == .received {
                for m in try NetlinkMessage.parseAll(bytes) where m.header.type == capturedDevlinkFamily {
                    lists.append(try DevlinkDecoder.attributes(m))
                }
            }
        }
        return lists
    }

    /// Re-encodes `list` with random damage: an attribute repeated with other bytes, dropped or cut short.
    static func mutated(_ list: AttributeList, _ r: inout DecoderFuzzTests.Random) -> AttributeList {
        var attributes = list.attributes
        guard !attributes.isEmpty else { return list }
        let i = r.below(attributes.count)
        let a = attributes[i]
        switch r.below(4) {
        case 0: attributes.insert(Attribute(type: a.type, nestedFlag: a.nestedFlag, payload: a.payload.map { $0 ^ 0x5A }), at: r.below(attributes.count + 1))
        case 1: attributes.remove(at: i)
        case 2: attributes[i] = Attribute(type: a.type, nestedFlag: a.nestedFlag, payload: Array(a.payload.prefix(r.below(a.payload.count + 1))))
        default: attributes.append(Attribute(type: a.type, payload: r.bytes(r.below(12))))
        }
        var w = AttributeWriter()
        for a in attributes { w.put(a.nestedFlag ? a.type | AttributeFlag.nested : a.type, a.payload) }
        return (try? AttributeList(parsing: w.bytes)) ?? list
    }

    @Test func lookupTableAnswersLikeSearching() throws {
        var r = DecoderFuzzTests.Random(state: 0x100C)
        var lists = try Self.fixtureLists()
        #expect(lists.count > 20)
        for list in lists { for _ in 0..<20 { lists.append(Self.mutated(list, &r)) } }
        for list in lists {
            #expect(Outcome { try list.withLookup { try DevlinkDecoder.port(lookingUp: $0) } }
                    == Outcome { try DevlinkDecoder.port(lookingUp: list) })
            #expect(Outcome { try list.withLookup { try DevlinkDecoder.rate(lookingUp: $0) } }
                    == Outcome { try DevlinkDecoder.rate(lookingUp: list) })
            list.withLookup { lookup in
                for type in UInt16(0)..<300 {
                    #expect(lookup[type] == list[type])
                    #expect(lookup.all(type) == list.all(type))
                    #expect(lookup.string(type) == list.string(type))
                    #expect(Outcome { try lookup.u8(type) } == Outcome { try list.u8(type) })
                    #expect(Outcome { try lookup.u16(type) } == Outcome { try list.u16(type) })
                    #expect(Outcome { try lookup.u32(type) } == Outcome { try list.u32(type) })
                    #expect(Outcome { try lookup.u64(type) } == Outcome { try list.u64(type) })
                }
            }
        }
    }

    /// A reply read in the receive buffer through `AttributeIndex` (no list is built) answers as the
    /// list does, also for damaged bytes: same values, same errors with the same offsets.
    @Test func inPlaceIndexAnswersLikeTheList() throws {
        var r = DecoderFuzzTests.Random(state: 0x1DE7)
        var messages: [NetlinkMessage] = []
        for name in try Fixture.allNames() {
            for (direction, bytes) in try Fixture.load(name).datagrams where direction == .received {
                messages += try NetlinkMessage.parseAll(bytes).filter { $0.header.type == capturedDevlinkFamily }
            }
        }
        #expect(messages.count > 20)
        for m in messages {
            for _ in 0..<12 {
                var payload = m.payload
                if !payload.isEmpty && r.below(2) == 0 { payload[r.below(payload.count)] ^= UInt8(1 << r.below(8)) }
                payload = Array(payload.prefix(r.below(payload.count + 2)))
                messages.append(NetlinkMessage(header: m.header, payload: payload))
            }
        }
        for m in messages {
            #expect(Outcome { try m.withAttributes(after: GenericHeader.size) { try DevlinkDecoder.rate(lookingUp: $0) } }
                    == Outcome { try DevlinkDecoder.rate(try DevlinkDecoder.attributes(m)) })
            #expect(Outcome { try m.withAttributes(after: GenericHeader.size) { try DevlinkDecoder.port(lookingUp: $0) } }
                    == Outcome { try DevlinkDecoder.port(try DevlinkDecoder.attributes(m)) })
            guard let list = try? DevlinkDecoder.attributes(m) else { continue }
            try m.withAttributes(after: GenericHeader.size) { index in
                for type in UInt16(0)..<300 {
                    #expect(index[type] == list[type])
                    #expect(index.all(type) == list.all(type))
                    #expect(index.string(type) == list.string(type))
                    #expect(Outcome { try index.u32(type) } == Outcome { try list.u32(type) })
                    #expect(Outcome { try index.u64(type) } == Outcome { try list.u64(type) })
                }
            }
        }
    }

    @Test func firstAttributeOfATypeWins() throws {
        var w = AttributeWriter()
        w.putString(DevlinkAttr.busName, "pci")
        w.putString(DevlinkAttr.devName, "a")
        w.putString(DevlinkAttr.devName, "b")
        w.putU32(DevlinkAttr.portIndex, 7)
        w.putU32(DevlinkAttr.portIndex, 8)
        let port = try DevlinkDecoder.port(try AttributeList(parsing: w.bytes))
        #expect(port.handle == PortHandle(device: DeviceHandle(bus: "pci", name: "a"), index: 7))
    }

    @Test func errorOffsetsCountFromWhereTheyDid() throws {
        // A stray non-zero byte after the last attribute, at the top level after a 4-byte header...
        let run: [UInt8] = [8, 0, 1, 0, 1, 0, 0, 0, 0xFF]
        #expect(throws: NetlinkError.truncated("attribute header at offset 12")) {
            try AttributeList(parsing: [9, 9, 9, 9] + run, from: 4)
        }
        // ...and inside a nest, counted from the nest's own payload.
        var w = AttributeWriter()
        w.putU32(1, 0)
        w.put(2, run)
        let outer = try #require(try AttributeList(parsing: w.bytes)[2])
        #expect(throws: NetlinkError.truncated("attribute header at offset 8")) { try outer.nested() }
        #expect(throws: NetlinkError.malformed("attribute length 2 at offset 4")) {
            try Attribute(type: 1, payload: [4, 0, 1, 0, 2, 0, 1, 0]).nested()
        }
        // A message's attributes count from the start of its payload.
        let m = NetlinkMessage(header: NetlinkHeader(type: 0x17, flags: []), payload: [3, 1, 0, 0] + [8, 0, 1, 0, 1])
        #expect(throws: NetlinkError.truncated("attribute type 1 wants 8 bytes, 5 left")) { try DevlinkDecoder.attributes(m) }
        #expect(throws: NetlinkError.truncated("2-byte integer at offset -1 of 0 bytes")) { try AttributeList(parsing: [], from: -1) }
        #expect(try AttributeList(parsing: [1, 2], from: 5).count == 0)
    }

    @Test func messagesOfADatagramSliceItInPlace() throws {
        let a = NetlinkMessage(header: NetlinkHeader(type: 0x17, flags: .multi, sequence: 9), payload: [3, 1, 0, 0, 8, 0, 1, 0, 0x61, 0x62, 0, 0])
        let done = NetlinkMessage(header: NetlinkHeader(type: NetlinkMessageType.done, flags: .multi, sequence: 9), payload: [0, 0, 0, 0])
        let datagram = [0xEE, 0xEE] + a.bytes + done.bytes
        var seen: [NetlinkMessage] = []
        try NetlinkMessage.forEach(in: datagram[2...]) { seen.append($0) }
        #expect(seen == [NetlinkMessage(header: NetlinkHeader(length: 28, type: 0x17, flags: .multi, sequence: 9), payload: a.payload),
                         NetlinkMessage(header: NetlinkHeader(length: 20, type: NetlinkMessageType.done, flags: .multi, sequence: 9), payload: done.payload)])
        #expect(try DevlinkDecoder.attributes(seen[0])[1]?.string() == "ab")
        #expect(throws: NetlinkError.truncated("message wants 28 bytes, 27 left")) {
            try NetlinkMessage.forEach(in: datagram[2..<(datagram.count - 20 - 1)]) { _ in }
        }
    }

    @Test func listsCompareByContentNotStorage() throws {
        var w = AttributeWriter()
        w.putU8(1, 5)
        w.putString(2, "x")
        let parsed = try AttributeList(parsing: [0, 0, 0, 0] + w.bytes, from: 4)
        let built = AttributeList([Attribute(type: 1, payload: [5]), Attribute(type: 2, payload: [0x78, 0])])
        #expect(parsed == built)
        #expect(parsed.attributes == built.attributes)
        #expect(parsed != AttributeList([Attribute(type: 1, payload: [5])]))
        #expect(Array(built.map(\.type)) == [1, 2])
    }

    @Test func nonASCIIStringsAreWrittenAsUTF8() throws {
        var w = AttributeWriter()
        w.putString(1, "näme")
        #expect(w.bytes.hexString == "0a000100" + "6ec3a46d6500" + "0000")
        #expect(try AttributeList(parsing: w.bytes)[1]?.string() == "näme")
    }
}

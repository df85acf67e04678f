import Testing
@testable import Netlink

@Suite struct AcknowledgementTests {
    /// NLMSG_ERROR, capped, with ACK_TLVS: error -EEXIST, msg "boom", offset 36, miss type 9.
    static func errorMessage(errno: Int32, tlvs: AttributeWriter, seq: UInt32 = 7) -> NetlinkMessage {
        var payload = Bytes.encode(Int32(-errno))
        payload += NetlinkHeader(length: 40, type: 0x17, flags: [.request, .ack], sequence: seq).bytes
        payload += tlvs.bytes
        return NetlinkMessage(header: NetlinkHeader(type: NetlinkMessageType.error, flags: [.capped, .ackTLVs], sequence: seq),
                              payload: payload)
    }

    @Test func extendedAckFields() throws {
        var t = AttributeWriter()
        t.putString(ExtendedAckAttribute.message, "boom")
        t.putU32(ExtendedAckAttribute.offset, 36)
        t.putU32(ExtendedAckAttribute.missingType, 9)
        let ack = try Acknowledgement.parseError(Self.errorMessage(errno: 17, tlvs: t))
        #expect(ack == .failed(KernelError(errno: 17, message: "boom", offset: 36, missingType: 9)))
    }

    @Test func plainAckAndWarning() throws {
        #expect(try Acknowledgement.parseError(Self.errorMessage(errno: 0, tlvs: AttributeWriter())) == .ok(warning: nil))
        var t = AttributeWriter()
        t.putString(ExtendedAckAttribute.message, "careful")
        #expect(try Acknowledgement.parseError(Self.errorMessage(errno: 0, tlvs: t)) == .ok(warning: "careful"))
    }

    @Test func uncappedErrorSkipsTheEchoedRequest() throws {
        let request = NetlinkMessage(header: NetlinkHeader(type: 0x17, flags: [.request], sequence: 3), payload: [1, 2, 3, 4, 5])
        var t = AttributeWriter()
        t.putString(ExtendedAckAttribute.message, "echoed")
        var payload = Bytes.encode(Int32(-22)) + request.bytes
        Bytes.pad(&payload)
        payload += t.bytes
        let m = NetlinkMessage(header: NetlinkHeader(type: 2, flags: [.ackTLVs], sequence: 3), payload: payload)
        #expect(try Acknowledgement.parseError(m) == .failed(KernelError(errno: 22, message: "echoed")))
    }

    @Test func doneCarriesDumpErrors() throws {
        var t = AttributeWriter()
        t.putString(ExtendedAckAttribute.message, "dump failed")
        let m = NetlinkMessage(header: NetlinkHeader(type: 3, flags: [.multi, .ackTLVs], sequence: 1),
                               payload: Bytes.encode(Int32(-95)) + t.bytes)
        #expect(try Acknowledgement.parseDone(m) == .failed(KernelError(errno: 95, message: "dump failed")))
        let empty = NetlinkMessage(header: NetlinkHeader(type: 3, flags: .multi, sequence: 1), payload: [])
        #expect(try Acknowledgement.parseDone(empty) == .ok(warning: nil))
    }

    @Test func truncatedErrorsThrowInsteadOfCrashing() {
        var t = AttributeWriter()
        t.putString(ExtendedAckAttribute.message, "boom")
        let full = Self.errorMessage(errno: 17, tlvs: t)
        for cut in 0..<full.payload.count {
            let m = NetlinkMessage(header: full.header, payload: Array(full.payload.prefix(cut)))
            _ = try? Acknowledgement.parseError(m)  // must not trap; errors are fine
        }
        let short = NetlinkMessage(header: full.header, payload: [0xff, 0xff])
        #expect(throws: NetlinkError.self) { try Acknowledgement.parseError(short) }
    }

    @Test func collectorIgnoresOtherSequencesAndThrowsKernelErrors() throws {
        var c = ReplyCollector(sequence: 7, isDump: false)
        let data = NetlinkMessage(header: NetlinkHeader(type: 0x17, flags: [], sequence: 7), payload: [1, 2, 0, 0])
        let stray = NetlinkMessage(header: NetlinkHeader(type: 0x17, flags: [], sequence: 0), payload: [])
        try c.consume(stray)
        try c.consume(data)
        #expect(!c.isComplete)
        var t = AttributeWriter()
        t.putString(1, "no")
        #expect(throws: NetlinkError.kernel(KernelError(errno: 16, message: "no"))) {
            try c.consume(Self.errorMessage(errno: 16, tlvs: t))
        }
        #expect(c.isComplete)
        #expect(c.reply.messages == [data])
    }
}

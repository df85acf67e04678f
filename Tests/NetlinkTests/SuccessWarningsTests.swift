import Testing
@testable import Netlink

/// The messages on successful ACKs, as NetlinkSession queues them for the command layer: every
/// request's, in order; not a dump's NLMSG_DONE (devlink ignores it, mnlu_cb_stop); one taken back
/// by a reply that carries it (reload, enslave) is not shown twice.
@Suite struct SuccessWarningsTests {
    /// The warning the collector reads from a capped ACK with ACK_TLVS, error 0 and `message`.
    static func warning(ack message: String?, sequence: UInt32 = 9) throws -> String? {
        var tlvs = AttributeWriter()
        if let message { tlvs.putString(ExtendedAckAttribute.message, message) }
        let ack = AcknowledgementTests.errorMessage(errno: 0, tlvs: tlvs, seq: sequence)
        var collector = ReplyCollector(sequence: sequence, isDump: false)
        _ = try collector.admit(ack)
        #expect(collector.isComplete)
        return collector.reply.warning
    }

    static func doneWarning(_ message: String) throws -> String? {
        var tlvs = AttributeWriter()
        tlvs.putString(ExtendedAckAttribute.message, message)
        let done = NetlinkMessage(header: NetlinkHeader(type: NetlinkMessageType.done, flags: [.multi, .ackTLVs], sequence: 4),
                                  payload: Bytes.encode(Int32(0)) + tlvs.bytes)
        var collector = ReplyCollector(sequence: 4, isDump: true)
        _ = try collector.admit(done)
        return collector.reply.warning
    }

    @Test func eachRequestsWarningIsQueuedInOrder() throws {
        var w = SuccessWarnings()
        w.record(try Self.warning(ack: "mlx5_core: first"), dump: false)
        w.record(try Self.warning(ack: nil), dump: false)
        w.record(try Self.warning(ack: "mlx5_core: second"), dump: false)
        #expect(w.drain() == ["mlx5_core: first", "mlx5_core: second"])
        #expect(w.drain() == [])
    }

    @Test func aDumpsDoneMessageIsNotShown() throws {
        var w = SuccessWarnings()
        let message = try Self.doneWarning("Port params are not supported")
        #expect(message == "Port params are not supported")
        w.record(message, dump: true)
        #expect(w.drain() == [])
    }

    @Test func aReplyTakesOnlyItsOwnWarning() throws {
        var w = SuccessWarnings()
        w.record(try Self.warning(ack: "earlier"), dump: false)
        w.record(try Self.warning(ack: nil), dump: false)
        #expect(w.claimLast() == nil, "the last request had none: the earlier one stays")
        w.record(try Self.warning(ack: "reload while VFs are present is unfavorable"), dump: false)
        #expect(w.claimLast() == "reload while VFs are present is unfavorable")
        #expect(w.drain() == ["earlier"])
    }
}

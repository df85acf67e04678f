/// Reading NLMSG_ERROR and NLMSG_DONE payloads, including extended-ack TLVs (devlink.md §2.1).
public enum Acknowledgement: Sendable, Equatable {
    /// error == 0; the kernel may still attach a warning message.
    case ok(warning: String?)
    case failed(KernelError)

    /// `struct nlmsgerr { int error; struct nlmsghdr msg; [request payload] } [TLVs]`.
    public static func parseError(_ message: NetlinkMessage) throws -> Acknowledgement {
        let p = message.body
        let error = try Bytes.read(Int32.self, p, at: 0)
        var tlvStart = 4 + NetlinkHeader.size
        if !message.header.flags.contains(.capped) {
            // The request follows uncapped; its own header says how long it is.
            if p.count >= tlvStart {
                let inner = try NetlinkHeader(parsing: p, at: 4)
                tlvStart = 4 + Bytes.align4(max(Int(inner.length), NetlinkHeader.size))
            } else {
                tlvStart = p.count
            }
        }
        return make(errno: error, try extAckAttributes(message, from: tlvStart))
    }

    /// NLMSG_DONE carries an int (0 or -errno) and, with ACK_TLVS, extack attributes after it.
    public static func parseDone(_ message: NetlinkMessage) throws -> Acknowledgement {
        let p = message.body
        guard p.count >= 4 else { return .ok(warning: nil) }  // old senders: empty DONE
        let error = try Bytes.read(Int32.self, p, at: 0)
        return make(errno: error, try extAckAttributes(message, from: 4))
    }

    /// nil when the kernel attached none (the usual ACK): no empty list to build and drop.
    private static func extAckAttributes(_ message: NetlinkMessage, from start: Int) throws -> AttributeList? {
        guard message.header.flags.contains(.ackTLVs) else { return nil }
        let p = message.body
        guard start <= p.count else {
            throw NetlinkError.truncated("extended ack attributes start at \(start), payload is \(p.count)")
        }
        return try AttributeList(parsing: p[(p.startIndex + start)...], origin: p.startIndex)
    }

    private static func make(errno raw: Int32, _ tlvs: AttributeList?) -> Acknowledgement {
        let message = tlvs?[ExtendedAckAttribute.message].map { $0.string() }
        if raw == 0 { return .ok(warning: message) }
        // errno arrives negated; a positive value is out of spec but still an error.
        let errno = raw == Int32.min ? Int32.max : abs(raw)
        return .failed(KernelError(
            errno: errno,
            message: message,
            offset: try? tlvs?[ExtendedAckAttribute.offset]?.u32(),
            missingType: try? tlvs?[ExtendedAckAttribute.missingType]?.u32(),
            missingNest: try? tlvs?[ExtendedAckAttribute.missingNest]?.u32()))
    }
}

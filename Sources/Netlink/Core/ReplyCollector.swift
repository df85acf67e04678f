/// The answer to one request: its data messages plus an optional warning from the final ACK.
public struct NetlinkReply: Sendable, Equatable {
    public var messages: [NetlinkMessage]
    public var warning: String?

    public init(messages: [NetlinkMessage] = [], warning: String? = nil) {
        self.messages = messages
        self.warning = warning
    }
}

/// Gathers the messages answering one request (matched by sequence number) until the final
/// ACK, error or NLMSG_DONE. Pure logic, separate from the socket so it is testable on bytes.
public struct ReplyCollector: Sendable {
    public let sequence: UInt32
    public let isDump: Bool
    public private(set) var reply = NetlinkReply()
    public private(set) var isComplete = false

    public init(sequence: UInt32, isDump: Bool) {
        self.sequence = sequence
        self.isDump = isDump
    }

    /// Feeds one message. Throws the kernel's error when the request failed.
    public mutating func consume(_ message: NetlinkMessage) throws {
        if try admit(message) { reply.messages.append(message) }
    }

    /// Feeds one message without keeping it: true when it is one of this reply's data messages, which
    /// the caller then reads or keeps. Throws the kernel's error when the request failed.
    mutating func admit(_ message: NetlinkMessage) throws -> Bool {
        guard !isComplete else { return false }
        // Notifications (seq 0 from other groups) and stale replies are not ours.
        guard message.header.sequence == sequence else { return false }
        switch message.header.type {
        case NetlinkMessageType.noop:
            return false
        case NetlinkMessageType.overrun:
            throw NetlinkError.overrun
        case NetlinkMessageType.error, NetlinkMessageType.done:
            // The ACK of a request, or the end of a dump: either may carry an error or a warning.
            isComplete = true
            let isAck = message.header.type == NetlinkMessageType.error
            switch try isAck ? Acknowledgement.parseError(message) : Acknowledgement.parseDone(message) {
            case .ok(let warning): reply.warning = warning
            case .failed(let e): throw NetlinkError.kernel(e)
            }
            return false
        default:
            // A do-request without ACK would end at its single reply; we always ask for ACKs.
            return true
        }
    }
}

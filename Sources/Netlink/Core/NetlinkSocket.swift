#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#endif

/// `struct sockaddr_nl` (12 bytes), declared here because the C module does not export it.
struct SockaddrNetlink {
    var family: UInt16 = UInt16(AF_NETLINK)
    var pad: UInt16 = 0
    var pid: UInt32 = 0
    var groups: UInt32 = 0
}

/// An AF_NETLINK socket: request/ACK exchanges, dumps, and multicast subscriptions.
/// Not thread-safe: one request at a time (sequence numbers are matched per request).
public final class NetlinkSocket {
    public let netlinkProtocol: NetlinkProtocol
    /// Our port id as assigned by the kernel at bind time.
    @exclusivity(unchecked) public private(set) var portID: UInt32 = 0
    private let fd: Int32
    /// Reused for every receive (64 KiB, twice the largest dump chunk the kernel sends).
    @exclusivity(unchecked) private var receiveBuffer = [UInt8](repeating: 0, count: 1 << 16)
    @exclusivity(unchecked) private var sequence: UInt32

    /// Opens and binds the socket, enabling extended ACK and capped ACKs.
    /// `receiveTimeout` bounds every wait for the kernel (seconds; 0 = wait forever).
    public init(_ proto: NetlinkProtocol, receiveTimeout: Double = 10) throws {
        netlinkProtocol = proto
        let s = socket(AF_NETLINK, Int32(SOCK_RAW.rawValue) | Int32(SOCK_CLOEXEC.rawValue), proto.rawValue)
        guard s >= 0 else { throw NetlinkError.system(call: "socket(AF_NETLINK)", errno: errno) }
        fd = s
        // Random-ish start so replies to a previous process's requests never match ours.
        sequence = UInt32(truncatingIfNeeded: time(nil))
        do {
            try setOption(NetlinkSocketOption.extAck, 1)
            try setOption(NetlinkSocketOption.capAck, 1)
            var addr = SockaddrNetlink()
            let rc = withUnsafePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                    bind(fd, $0, socklen_t(MemoryLayout<SockaddrNetlink>.size))
                }
            }
            guard rc == 0 else { throw NetlinkError.system(call: "bind", errno: errno) }
            var len = socklen_t(MemoryLayout<SockaddrNetlink>.size)
            let rc2 = withUnsafeMutablePointer(to: &addr) {
                $0.withMemoryRebound(to: sockaddr.self, capacity: 1) { getsockname(fd, $0, &len) }
            }
            guard rc2 == 0 else { throw NetlinkError.system(call: "getsockname", errno: errno) }
            portID = addr.pid
            try setReceiveTimeout(receiveTimeout)
            var size: Int32 = 1 << 20  // room for notification bursts; the kernel may cap it
            _ = setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &size, socklen_t(MemoryLayout<Int32>.size))
        } catch {
            close(fd)
            throw error
        }
    }

    deinit { close(fd) }

    public func nextSequence() -> UInt32 {
        sequence &+= 1
        if sequence == 0 { sequence = 1 }  // 0 marks notifications
        return sequence
    }

    public func setReceiveTimeout(_ seconds: Double) throws {
        var tv = timeval(tv_sec: Int(seconds), tv_usec: Int((seconds - Double(Int(seconds))) * 1_000_000))
        guard setsockopt(fd, SOL_SOCKET, SO_RCVTIMEO, &tv, socklen_t(MemoryLayout<timeval>.size)) == 0 else {
            throw NetlinkError.system(call: "setsockopt(SO_RCVTIMEO)", errno: errno)
        }
    }

    public func addMembership(group: UInt32) throws {
        try setOption(NetlinkSocketOption.addMembership, Int32(bitPattern: group))
    }

    private func setOption(_ name: Int32, _ value: Int32) throws {
        var v = value
        guard setsockopt(fd, NetlinkSocketOption.solNetlink, name, &v, socklen_t(MemoryLayout<Int32>.size)) == 0 else {
            throw NetlinkError.system(call: "setsockopt(SOL_NETLINK, \(name))", errno: errno)
        }
    }

    /// Sends one message from its parts without joining them: the headers are built on the stack and
    /// go out with the payload in one `sendmsg` (a buffer per request cost more than the syscall's setup).
    private func send(_ header: NetlinkHeader, _ generic: GenericHeader?, _ payload: [UInt8]) throws {
        let headSize = NetlinkHeader.size + (generic == nil ? 0 : GenericHeader.size)
        let length = headSize + payload.count
        var addr = SockaddrNetlink()
        let n = withUnsafeTemporaryAllocation(byteCount: 20, alignment: 4) { head in
            head.storeBytes(of: UInt32(truncatingIfNeeded: length), toByteOffset: 0, as: UInt32.self)
            head.storeBytes(of: header.type, toByteOffset: 4, as: UInt16.self)
            head.storeBytes(of: header.flags.rawValue, toByteOffset: 6, as: UInt16.self)
            head.storeBytes(of: header.sequence, toByteOffset: 8, as: UInt32.self)
            head.storeBytes(of: header.portID, toByteOffset: 12, as: UInt32.self)
            if let generic {
                head.storeBytes(of: generic.command, toByteOffset: 16, as: UInt8.self)
                head.storeBytes(of: generic.version, toByteOffset: 17, as: UInt8.self)
                head.storeBytes(of: 0, toByteOffset: 18, as: UInt16.self)
            }
            return payload.withUnsafeBytes { body in
                withUnsafeTemporaryAllocation(of: iovec.self, capacity: 2) { parts in
                    parts[0] = iovec(iov_base: head.baseAddress, iov_len: headSize)
                    parts[1] = iovec(iov_base: UnsafeMutableRawPointer(mutating: body.baseAddress), iov_len: body.count)
                    return withUnsafeMutablePointer(to: &addr) { address in
                        var message = msghdr()
                        message.msg_name = UnsafeMutableRawPointer(address)
                        message.msg_namelen = socklen_t(MemoryLayout<SockaddrNetlink>.size)
                        message.msg_iov = parts.baseAddress
                        message.msg_iovlen = body.isEmpty ? 1 : 2
                        return sendmsg(fd, &message, 0)
                    }
                }
            }
        }
        guard n >= 0 else { throw NetlinkError.system(call: "sendto", errno: errno) }
        guard n == length else { throw NetlinkError.system(call: "sendto (short write)", errno: EMSGSIZE) }
    }

    /// Receives one datagram from the kernel (messages from other senders are skipped).
    private func receiveDatagram() throws -> [UInt8] {
        Array(receiveBuffer[0..<(try receiveIntoBuffer())])
    }

    /// Receives one datagram into `receiveBuffer` and returns its length.
    /// One recv into a 64 KiB buffer, as libmnl does: the kernel sizes dump chunks to at most 32 KiB,
    /// so no size peek (a second syscall per message) is needed. MSG_TRUNC still reports a larger
    /// datagram, which is then an error rather than silently cut.
    private func receiveIntoBuffer() throws -> Int {
        while true {
            var addr = SockaddrNetlink()
            var len = socklen_t(MemoryLayout<SockaddrNetlink>.size)
            let n = receiveBuffer.withUnsafeMutableBytes { buf in
                withUnsafeMutablePointer(to: &addr) {
                    $0.withMemoryRebound(to: sockaddr.self, capacity: 1) {
                        recvfrom(fd, buf.baseAddress, buf.count, Int32(MSG_TRUNC), $0, &len)
                    }
                }
            }
            if n < 0 { try throwReceiveError(); continue }
            guard n <= receiveBuffer.count else {
                throw NetlinkError.system(call: "recv (message of \(n) bytes larger than the \(receiveBuffer.count)-byte buffer)", errno: EMSGSIZE)
            }
            guard addr.pid == 0 else { continue }  // only the kernel speaks to us
            return n
        }
    }

    /// Feeds the `n`-byte datagram in `receiveBuffer` to `collector` and hands the reply's data messages
    /// to `visit`, after checking every message's framing first (a bad one fails the datagram before any
    /// of it counts). With `keeping`, a datagram carrying data is copied out once for all its messages,
    /// since the caller keeps them past the next receive; otherwise (and always for acknowledgements)
    /// the messages are read where they lie.
    private func deliver(_ n: Int, to collector: inout ReplyCollector, keeping: Bool,
                         visit: (NetlinkMessage) -> Void) throws {
        var datagram = receiveBuffer[0..<n]
        var carriesData = false
        try NetlinkMessage.forEach(in: datagram) { m in
            switch m.header.type {
            case NetlinkMessageType.noop, NetlinkMessageType.error, NetlinkMessageType.done, NetlinkMessageType.overrun: break
            default: carriesData = true
            }
        }
        if carriesData && keeping { datagram = Array(datagram)[...] }
        try NetlinkMessage.forEach(in: datagram) { if try collector.admit($0) { visit($0) } }
    }

    /// Returns normally only for EINTR (caller retries).
    private func throwReceiveError() throws {
        let e = errno
        switch e {
        case EINTR: return
        case EAGAIN, EWOULDBLOCK: throw NetlinkError.timeout
        case ENOBUFS: throw NetlinkError.overrun
        default: throw NetlinkError.system(call: "recv", errno: e)
        }
    }

    /// Waits up to `timeout` seconds (nil = forever) for a datagram; nil when none arrived.
    public func receiveDatagram(timeout: Double?) throws -> [UInt8]? {
        var pfd = pollfd(fd: fd, events: Int16(POLLIN), revents: 0)
        let ms: Int32 = timeout.map { Int32(min(max($0, 0) * 1000, Double(Int32.max))) } ?? -1
        while true {
            let rc = poll(&pfd, 1, ms)
            if rc < 0 {
                if errno == EINTR { continue }
                throw NetlinkError.system(call: "poll", errno: errno)
            }
            if rc == 0 { return nil }
            return try receiveDatagram()
        }
    }


    /// Sends `type` + `payload` with REQUEST|ACK (plus `flags`) and collects the answer.
    /// A dump (`flags` containing `.dump`) runs until NLMSG_DONE.
    @discardableResult
    public func exchange(type: UInt16, flags: NetlinkFlags = [], payload: [UInt8]) throws -> NetlinkReply {
        try exchange(type: type, flags: flags, generic: nil, payload: payload)
    }

    /// `exchange` with an optional genetlink header written between the netlink header and `payload`.
    func exchange(type: UInt16, flags: NetlinkFlags, generic: GenericHeader?, payload: [UInt8]) throws -> NetlinkReply {
        var messages: [NetlinkMessage] = []
        let warning = try exchange(type: type, flags: flags, generic: generic, payload: payload, keeping: true) {
            messages.append($0)
        }
        return NetlinkReply(messages: messages, warning: warning)
    }

    /// `exchange` that hands each data message to `visit` instead of collecting them; returns the
    /// warning of the final ACK, if any. Without `keeping` a message lies in the receive buffer and
    /// is valid only during the call (nothing is copied).
    func exchange(type: UInt16, flags: NetlinkFlags, generic: GenericHeader?, payload: [UInt8], keeping: Bool = false,
                  visit: (NetlinkMessage) -> Void) throws -> String? {
        let seq = nextSequence()
        try send(NetlinkHeader(type: type, flags: flags.union([.request, .ack]), sequence: seq), generic, payload)
        var collector = ReplyCollector(sequence: seq, isDump: flags.contains(.dump))
        while !collector.isComplete {
            try deliver(try receiveIntoBuffer(), to: &collector, keeping: keeping, visit: visit)
        }
        return collector.reply.warning
    }
}

import DevlinkModel

/// Devlink notifications from the `config` multicast group, decoded (dev/port/rate new/del, params).
/// Open one, then call `next(timeout:)` in a loop; kinds dls does not model are skipped.
public final class DevlinkMonitor {
    public let family: GenericFamily
    private let socket: NetlinkSocket
    @exclusivity(unchecked) private var pending: [DevlinkEvent] = []
    /// Overruns met since `drainOverruns` last took them.
    @exclusivity(unchecked) private var overruns = 0

    /// Subscribes to the group. Throws NetlinkSessionError when the kernel has no devlink.
    public init() throws {
        socket = try NetlinkSession.openSocket(.generic)
        family = try NetlinkSession.resolveDevlink(socket)
        guard let group = family.multicastGroups[DevlinkFamily.configGroup] else {
            throw DevlinkError(.EOPNOTSUPP, "the devlink family has no \"config\" multicast group")
        }
        try mappingErrors { try socket.addMembership(group: group) }
    }

    /// The next notification, or nil if none arrived within `timeout` seconds (nil = wait forever).
    public func next(timeout: Double?) throws -> DevlinkEvent? {
        while pending.isEmpty {
            guard let datagram = try receive(timeout: timeout) else { return nil }
            pending += try mappingErrors { try decode(datagram) }
        }
        return pending.removeFirst()
    }

    /// Everything already queued, without waiting.
    public func drain() throws -> [DevlinkEvent] {
        while let datagram = try receive(timeout: 0) {
            pending += try mappingErrors { try decode(datagram) }
        }
        defer { pending.removeAll() }
        return pending
    }

    /// Up to `count` events, stopping early after `timeout` seconds without one.
    public func collect(count: Int, timeout: Double) throws -> [DevlinkEvent] {
        var out: [DevlinkEvent] = []
        while out.count < count, let e = try next(timeout: timeout) { out.append(e) }
        return out
    }

    /// How many times notifications were lost since the last call.
    public func drainOverruns() -> Int {
        defer { overruns = 0 }
        return overruns
    }

    /// The next datagram. A receive buffer that overran while nothing read it answers ENOBUFS once
    /// (netlink_overrun sets sk_err; __skb_try_recv_datagram reports and clears it) and then what came after the
    /// loss, so the overrun is counted and reading goes on, as `ip monitor` does (rtnl_listen).
    private func receive(timeout: Double?) throws -> [UInt8]? {
        while true {
            do {
                return try socket.receiveDatagram(timeout: timeout)
            } catch NetlinkError.overrun {
                overruns += 1
            } catch let e as NetlinkError {
                throw DevlinkError(e)
            }
        }
    }

    func decode(_ datagram: [UInt8]) throws -> [DevlinkEvent] {
        try NetlinkMessage.parseAll(datagram)
            .filter { $0.header.type == family.id }
            .compactMap(DevlinkDecoder.event)
    }
}

/// The extack messages of successful requests (NLMSGERR_ATTR_MSG on an ACK whose error is 0: a
/// driver's note such as mlx5's "reload while VFs are present is unfavorable"), queued until the
/// command layer takes them to print. devlink and ip print the ACK's (iproute2 mnlu_cb_error and
/// __rtnl_talk_iov → nl_dump_ext_ack, "Warning: MSG."); devlink reads a dump's NLMSG_DONE only for
/// an error (mnlu_cb_stop), so a dump's message is not kept.
struct SuccessWarnings {
    private var pending: [String] = []
    /// Whether the last recorded request queued one (what `claimLast` may take back).
    private var lastQueued = false

    /// The outcome of one exchange: its warning, if any, joins the queue.
    mutating func record(_ warning: String?, dump: Bool) {
        lastQueued = false
        guard !dump, let warning, !warning.isEmpty else { return }
        pending.append(warning)
        lastQueued = true
    }

    /// Takes the last request's warning back out of the queue for a reply that carries it itself
    /// (reload's, enslave's), so that it is shown once.
    mutating func claimLast() -> String? {
        guard lastQueued else { return nil }
        lastQueued = false
        return pending.popLast()
    }

    mutating func drain() -> [String] {
        defer { pending = [] }
        lastQueued = false
        return pending
    }
}

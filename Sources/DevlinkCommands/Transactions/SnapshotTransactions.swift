import DevlinkModel

/// Transactions on a session that restores its state exactly: one snapshot per open level.
final class SnapshotTransactions<Session: RestorableSession>: SessionTransactions {
    private let restorable: Session
    private var stack = TransactionStack<Session.Snapshot>()

    init(_ session: Session) {
        restorable = session
    }

    var session: DeviceSession { restorable }

    func begin() -> Int { stack.push(restorable.snapshot()) }

    func commit(_ token: Int) throws(TransactionError) { _ = try stack.pop(token) }

    func rollback(_ token: Int) -> [String] {
        do {
            restorable.restore(try stack.pop(token))
            return []
        } catch {
            return [error.description]
        }
    }
}

/// Opens the existential so the snapshot type is known.
func snapshotTransactions<S: RestorableSession>(_ session: S) -> SessionTransactions {
    SnapshotTransactions<S>(session)
}

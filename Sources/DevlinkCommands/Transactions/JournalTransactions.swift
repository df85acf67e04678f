import DevlinkModel

/// The journal: undo steps recorded while a transaction is open, oldest first.
final class UndoJournal {
    private(set) var steps: [UndoStep] = []
    /// Only record while some transaction is open; outside one, changes are final.
    var isRecording = false

    var count: Int { steps.count }

    func record(_ step: UndoStep) {
        if isRecording { steps.append(step) }
    }

    /// Removes and returns the steps from `position` on, newest first.
    func take(from position: Int) -> [UndoStep] {
        guard position < steps.count else { return [] }
        let taken = steps[position...].reversed()
        steps.removeSubrange(position...)
        return Array(taken)
    }
}

/// Transactions over any session: changes go through a `JournalingSession` that records their inverses;
/// rollback replays them newest first and reports each one that failed.
final class JournalTransactions: SessionTransactions {
    let journal = UndoJournal()
    private let inner: DeviceSession
    let session: DeviceSession
    private var stack = TransactionStack<Int>()

    init(session inner: DeviceSession) {
        self.inner = inner
        session = JournalingSession.wrapping(inner, journal: journal)
    }

    func begin() -> Int {
        (session as? JournalingSession)?.forgetRates()
        journal.isRecording = true
        return stack.push(journal.count)
    }

    func commit(_ token: Int) throws(TransactionError) {
        _ = try stack.pop(token)
        // The outermost commit makes everything final; inside another level the steps stay for its rollback.
        if stack.isEmpty {
            _ = journal.take(from: 0)
            journal.isRecording = false
        }
    }

    func rollback(_ token: Int) -> [String] {
        let position: Int
        do {
            position = try stack.pop(token)
        } catch {
            return [error.description]
        }
        let steps = journal.take(from: position)
        if stack.isEmpty { journal.isRecording = false }
        (session as? JournalingSession)?.forgetRates()
        return UndoReplay(session: inner).run(steps)
    }
}

import DevlinkModel

/// Nestable all-or-nothing groups of changes on one session. Two implementations: a snapshot per level
/// (sessions that can restore their state exactly) and a journal of inverse requests (the kernel).
public protocol SessionTransactions: AnyObject {
    /// The session commands must use so that their changes can be undone (the journal wraps its session).
    var session: DeviceSession { get }
    /// Starts a level and returns its token.
    func begin() -> Int
    /// Keeps the changes of the level `token` (and of any level opened inside it and not closed).
    func commit(_ token: Int) throws(TransactionError)
    /// Undoes every change since `begin` returned `token`, newest first; each step that could not be
    /// undone is described in the result.
    func rollback(_ token: Int) -> [String]
}

/// How a host undoes a transaction.
public enum UndoStrategy: Sendable {
    /// A snapshot when the session can restore its state exactly (the emulator), else the journal.
    case automatic
    /// Always the journal of inverse requests (what the kernel needs; also testable on the emulator).
    case journal

    /// The transactions for `session` under this strategy.
    public func transactions(for session: DeviceSession) -> SessionTransactions {
        if self == .automatic, let restorable = session.restorableSession {
            return snapshotTransactions(restorable)
        }
        return JournalTransactions(session: session)
    }
}

public struct TransactionError: Error, Sendable, CustomStringConvertible {
    public var description: String
    public init(_ description: String) { self.description = description }
}

/// Open levels, innermost last: each remembers where its changes start (a journal position or a snapshot).
struct TransactionStack<Mark> {
    private var levels: [(token: Int, mark: Mark)] = []
    private var lastToken = 0

    var isEmpty: Bool { levels.isEmpty }

    mutating func push(_ mark: Mark) -> Int {
        lastToken += 1
        levels.append((lastToken, mark))
        return lastToken
    }

    /// Closes `token` and every level opened inside it; returns the mark where `token` began.
    mutating func pop(_ token: Int) throws(TransactionError) -> Mark {
        guard let position = levels.lastIndex(where: { $0.token == token }) else {
            throw TransactionError("no open transaction \(token)")
        }
        let mark = levels[position].mark
        levels.removeSubrange(position...)
        return mark
    }
}

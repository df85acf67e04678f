import DLSLanguage

/// `transaction { }` on devlink commands: the host's `SessionTransactions` (snapshot or journal).
extension DevlinkHost: TransactionSupport {
    public func beginTransaction() throws -> Int { transactions.begin() }

    public func commitTransaction(_ token: Int) throws { try transactions.commit(token) }

    public func rollbackTransaction(_ token: Int) -> [String] { transactions.rollback(token) }
}

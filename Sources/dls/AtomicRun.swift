import DLSLanguage

/// `dls --atomic FILE`: the whole script is one transaction, committed when it finishes and rolled
/// back (with a report of anything that could not be undone) when it fails.
struct AtomicRun {
    private let transactions: TransactionSupport
    private let token: Int

    /// Begins the transaction on the interpreter's host; nil when the host has none.
    init?(_ interpreter: Interpreter) throws {
        guard let transactions = interpreter.host as? TransactionSupport else { return nil }
        self.transactions = transactions
        token = try transactions.beginTransaction()
    }

    func commit() throws { try transactions.commitTransaction(token) }

    /// Undoes the script's changes; the lines to print after its error.
    func rollBack() -> String {
        let failures = transactions.rollbackTransaction(token)
        if failures.isEmpty { return "--atomic: rolled back, no changes were kept\n" }
        return "--atomic: rolled back, but \(failures.count) step\(failures.count == 1 ? "" : "s") could not be undone:\n"
            + failures.map { "  \($0)\n" }.joined()
    }
}

/// An all-or-nothing group of device changes made by runs of an engine (what a script's
/// `transaction { }` does, around whole runs: `dls --atomic`). On the emulator a snapshot, on other
/// sessions a journal of inverse requests.
public struct DLSTransaction {
    let host: EngineCommandHost
    let token: Int

    /// Keeps the changes.
    public func commit() throws(DLSError) {
        do {
            try host.commitTransaction(token)
        } catch {
            throw DLSError("cannot commit the transaction: \(error)")
        }
    }

    /// Undoes every change since the transaction began, newest first. Returns a description of
    /// each step that could not be undone (empty when all were).
    public func rollBack() -> [String] { host.rollbackTransaction(token) }
}

extension DLSEngine {
    /// Starts a transaction on the engine's session; throws when the session cannot have one.
    public func beginTransaction() throws(DLSError) -> DLSTransaction {
        do {
            return DLSTransaction(host: host, token: try host.beginTransaction())
        } catch {
            throw DLSError("\(error)")
        }
    }
}

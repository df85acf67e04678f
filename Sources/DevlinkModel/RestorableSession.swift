/// A session whose whole state is a value it can hand out and take back exactly (the emulator).
/// Transactions on such a session keep one snapshot per level instead of a journal of inverse requests.
public protocol RestorableSession: DeviceSession {
    associatedtype Snapshot
    /// Everything the session knows, as a value.
    func snapshot() -> Snapshot
    /// Puts back a state `snapshot()` returned, exactly.
    func restore(_ snapshot: Snapshot)
}

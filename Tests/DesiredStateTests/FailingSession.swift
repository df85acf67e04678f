import DevlinkEmulator
import DevlinkModel

/// An emulator behind a wrapper that refuses the Nth state-changing request (counting from 0) with
/// EIO, changing nothing, as a driver refusal would. `restorable`: whether transactions may use the
/// emulator's exact snapshots (else they journal inverse requests, as on the kernel).
final class FailingSession: RestorableSession {
    let inner: EmulatedSession
    let failAt: Int?
    let restorable: Bool
    private(set) var writes = 0

    init(_ inner: EmulatedSession, failAt: Int?, restorable: Bool) {
        self.inner = inner
        self.failAt = failAt
        self.restorable = restorable
    }

    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        if Operation.changesState {
            defer { writes += 1 }
            if writes == failAt { throw DevlinkError(.EIO, "injected failure at write \(writes)") }
        }
        return try inner.perform(operation)
    }

    func drainEvents() throws -> [DevlinkEvent] { try inner.drainEvents() }
    func settle() throws -> Bool { try inner.settle() }
    var facets: SessionFacets { SessionFacets(restorable: restorable ? self : nil) }
    func snapshot() -> EmulatorState { inner.snapshot() }
    func restore(_ snapshot: EmulatorState) { inner.restore(snapshot) }
}

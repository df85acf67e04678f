import DevlinkCommands
import DevlinkEmulator
import DevlinkModel
import Testing

/// An emulator that counts the rate reads it answers (the requests the journal sends on the kernel).
final class RateReadCounter: DeviceSession {
    let inner: EmulatedSession
    var gets = 0
    var dumps = 0
    init(_ inner: EmulatedSession) { self.inner = inner }
    func perform<Operation: DeviceOperation>(_ operation: Operation) throws -> Operation.Reply {
        if Operation.self == GetRate.self { gets += 1 }
        if Operation.self == ListRates.self { dumps += 1 }
        return try inner.perform(operation)
    }
    func drainEvents() throws -> [DevlinkEvent] { try inner.drainEvents() }
    func settle() throws -> Bool { try inner.settle() }
}

/// The journal reads what a rate set overwrites: one request per set for the first two of a device,
/// then one dump for the rest of the transaction, never a read back after a set that succeeded; the
/// rollback still puts every value back.
@Suite struct JournalRateReadsTests {
    static let device = DeviceHandle(bus: "netdevsim", name: "netdevsim1")

    static func counter() throws -> RateReadCounter {
        let session = try EmulatedSession(topology: Topology(devices: [
            DeviceSpec(handle: "netdevsim/netdevsim1", profile: .netdevsim, maxVfs: 8, numVfs: 8, eswitchMode: "switchdev"),
        ]))
        return RateReadCounter(session)
    }

    static func leaf(_ vf: UInt32) -> RateHandle { .leaf(PortHandle(device: device, index: 128 + vf)) }

    @Test func manySetsReadOnceAndRollBack() throws {
        let counter = try Self.counter()
        try counter.inner.setRate(Self.leaf(3), RateChanges(txShare: 1_000_000))
        let before = try counter.inner.rates(of: Self.device)
        let transactions = UndoStrategy.journal.transactions(for: counter)
        let token = transactions.begin()
        for vf in UInt32(0)..<8 {
            try transactions.session.setRate(Self.leaf(vf), RateChanges(txMax: UInt64(vf + 1) * 1_000_000))
        }
        #expect(counter.gets == 2 && counter.dumps == 1, "gets \(counter.gets), dumps \(counter.dumps)")
        #expect(transactions.rollback(token).isEmpty)
        #expect(try counter.inner.rates(of: Self.device) == before)
    }

    @Test func aNewTransactionReadsAgain() throws {
        let counter = try Self.counter()
        let transactions = UndoStrategy.journal.transactions(for: counter)
        var token = transactions.begin()
        for vf in UInt32(0)..<4 { try transactions.session.setRate(Self.leaf(vf), RateChanges(txMax: 1_000_000)) }
        try transactions.commit(token)
        // Changed behind the journal's back between two transactions: the second must not use what
        // the first read.
        try counter.inner.setRate(Self.leaf(3), RateChanges(txMax: 7_000_000))
        token = transactions.begin()
        try transactions.session.setRate(Self.leaf(3), RateChanges(txMax: 2_000_000))
        #expect(transactions.rollback(token).isEmpty)
        #expect(try counter.inner.rate(Self.leaf(3)).txMax == 7_000_000)
    }
}

/// One request to the devices behind a session, as a value: what it carries and, in `Reply`, what
/// the kernel answers. Each devlink command the kernel has (PORT_GET, RATE_SET, ...) is one type, so
/// a session needs a single entry point (`DeviceSession.perform`) however many objects there are.
///
/// A backend handles the operations it knows; for any other it answers EOPNOTSUPP without a
/// message, as the devlink core does for a driver without that op.
public protocol DeviceOperation: Sendable {
    associatedtype Reply
    /// The devlink command (or sysfs write) this operation is, e.g. `PORT_SET`: for journals and messages.
    static var command: String { get }
    /// Whether it can change state (transactions record an inverse for these).
    static var changesState: Bool { get }
    /// The kernel features this request needs (its command, the attributes it would carry): both
    /// backends refuse it before sending when the kernel lacks one (`KernelFeatures.require`),
    /// instead of letting an older kernel drop an attribute past its policy without a word.
    var policyNeeds: DevlinkFeatureSet { get }
}

extension DeviceOperation {
    public static var changesState: Bool { true }
    public var policyNeeds: DevlinkFeatureSet { [] }
}

/// An operation that only reads.
public protocol DeviceQuery: DeviceOperation {}

extension DeviceQuery {
    public static var changesState: Bool { false }
}

/// The handlers of a backend, one per operation type it supports, found by the operation's type.
///
/// Built once (a `static let`) and shared: each handler gets the backend (`Context`) and the
/// operation. An operation without a handler throws EOPNOTSUPP.
public struct OperationHandlers<Context>: @unchecked Sendable {
    /// A handler with the types taken out: it reads its operation from the first pointer and
    /// initializes its reply at the second. Boxing operation and reply in `Any` instead cost a cast and
    /// a generic metadata lookup per request, more than the emulator's work on a `rate set`. The table
    /// is keyed by the operation's type and each thunk was made for exactly that type, so the pointers
    /// always hold what the thunk reads and writes.
    @usableFromInline typealias Thunk = (Context, UnsafeRawPointer, UnsafeMutableRawPointer) throws -> Void

    /// A backend has a few dozen operations: comparing type identities in a row is cheaper than
    /// hashing one for a dictionary.
    @usableFromInline var types: [ObjectIdentifier] = []
    @usableFromInline var thunks: [Thunk] = []

    @inlinable public init() {}

    /// The same table with a handler for `operation` (replacing an earlier one).
    @inlinable
    public consuming func on<Operation: DeviceOperation>(_ operation: Operation.Type,
                                                         _ handler: @escaping (Context, Operation) throws -> Operation.Reply) -> Self {
        let thunk: Thunk = { context, request, reply in
            let result = try handler(context, request.assumingMemoryBound(to: Operation.self).pointee)
            reply.initializeMemory(as: Operation.Reply.self, repeating: result, count: 1)
        }
        if let i = types.firstIndex(of: ObjectIdentifier(operation)) {
            thunks[i] = thunk
        } else {
            types.append(ObjectIdentifier(operation))
            thunks.append(thunk)
        }
        return self
    }

    /// Whether a handler for `operation` is registered.
    @inlinable
    public func handles<Operation: DeviceOperation>(_ operation: Operation.Type) -> Bool {
        thunk(for: ObjectIdentifier(operation)) != nil
    }

    /// The thunk registered for an operation type. Not generic over the operation, so that it is
    /// specialized for the backend and does no runtime type work.
    @inlinable
    func thunk(for type: ObjectIdentifier) -> Thunk? {
        guard let i = types.firstIndex(of: type) else { return nil }
        return thunks[i]
    }

    /// Runs the handler of `Operation`'s type on `context`.
    ///
    /// `perform` is reached through the session's protocol witness, so `Operation` is only known at
    /// run time here: operation and reply live in storage allocated for the request rather than in
    /// the standard library's scoped-pointer helpers, whose typed-throws generics instantiate type
    /// metadata on every call.
    @inlinable
    public func perform<Operation: DeviceOperation>(_ operation: Operation, on context: Context) throws -> Operation.Reply {
        guard let thunk = thunk(for: ObjectIdentifier(Operation.self)) else { throw DevlinkError(.EOPNOTSUPP) }
        let request = UnsafeMutablePointer<Operation>.allocate(capacity: 1)
        request.initialize(to: operation)
        let reply = UnsafeMutablePointer<Operation.Reply>.allocate(capacity: 1)
        defer {
            request.deinitialize(count: 1)
            request.deallocate()
            reply.deallocate()
        }
        try thunk(context, UnsafeRawPointer(request), UnsafeMutableRawPointer(reply))
        return reply.move()
    }
}

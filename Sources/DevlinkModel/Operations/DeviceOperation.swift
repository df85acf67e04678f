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
}

extension DeviceOperation {
    public static var changesState: Bool { true }
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
    // The key is the operation's type, and the handler stored under it was registered for exactly that
    // type, so the casts in `perform` cannot fail; they throw rather than trap all the same.
    private var table: [ObjectIdentifier: (Context, Any) throws -> Any] = [:]

    public init() {}

    /// The same table with a handler for `operation` (replacing an earlier one).
    public func on<Operation: DeviceOperation>(_ operation: Operation.Type,
                                               _ handler: @escaping (Context, Operation) throws -> Operation.Reply) -> Self {
        var copy = self
        copy.table[ObjectIdentifier(operation)] = { context, request in
            guard let request = request as? Operation else { throw DevlinkError(.EOPNOTSUPP) }
            return try handler(context, request)
        }
        return copy
    }

    /// Whether a handler for `operation` is registered.
    public func handles<Operation: DeviceOperation>(_ operation: Operation.Type) -> Bool {
        table[ObjectIdentifier(operation)] != nil
    }

    /// Runs the handler of `Operation`'s type on `context`.
    public func perform<Operation: DeviceOperation>(_ operation: Operation, on context: Context) throws -> Operation.Reply {
        guard let handler = table[ObjectIdentifier(Operation.self)],
              let reply = try handler(context, operation) as? Operation.Reply else { throw DevlinkError(.EOPNOTSUPP) }
        return reply
    }
}

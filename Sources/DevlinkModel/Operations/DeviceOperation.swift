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
    /// What finds this operation's handler in a backend's table (`OperationHandlers`).
    static var handlerKey: OperationKey { get }
}

/// Tells operation types apart without their type metadata: a generic operation type is keyed by
/// its shape and the kind or subject it is made of, so registering a handler for
/// `HandleOperation<RateSet>` does not instantiate that type's metadata (resolving its associated
/// types at run time), which every backend table did for each of its operations at start-up.
public struct OperationKey: Equatable, Sendable {
    /// Which generic operation type (`HandleOperation`, `Read`, ...), or `plain` for one of its own.
    public enum Shape: UInt8, Sendable { case plain, handle, read, deviceRead, dump }
    @usableFromInline let type: ObjectIdentifier
    @usableFromInline let shape: Shape
    @inlinable public init(_ type: Any.Type, _ shape: Shape) { (self.type, self.shape) = (ObjectIdentifier(type), shape) }
    @inlinable public static func == (a: OperationKey, b: OperationKey) -> Bool { a.type == b.type && a.shape.rawValue == b.shape.rawValue }
    /// Where the key starts looking in `OperationHandlers.slots`: type metadata are aligned, so
    /// their low bits say nothing.
    @inlinable var hashSlot: Int {
        let bits = UInt(bitPattern: type)
        return Int(truncatingIfNeeded: (bits >> 4) ^ (bits >> 11) ^ UInt(shape.rawValue))
    }
}

extension DeviceOperation {
    public static var changesState: Bool { true }
    public var policyNeeds: DevlinkFeatureSet { [] }
    @inlinable public static var handlerKey: OperationKey { OperationKey(Self.self, .plain) }
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
    /// always hold what the thunk reads and writes. The operation's pointer is mutable only so that
    /// the thunk can lend it `inout` (see `call`); nothing writes through it.
    @usableFromInline typealias Thunk = (Context, UnsafeMutableRawPointer, UnsafeMutableRawPointer) throws -> Void

    /// The handlers in the order they were registered, with their keys.
    @usableFromInline var keys: [OperationKey] = []
    @usableFromInline var thunks: [Thunk] = []
    /// An open-addressing hash table over `keys`: each slot holds an index into `keys` plus one (0 is
    /// empty); its size is a power of two at least twice the number of keys. Every request looks its
    /// handler up among a few dozen, so the lookup is a probe or two rather than a scan.
    @usableFromInline var slots: [Int32] = Array(repeating: 0, count: 16)

    @inlinable public init() {}

    /// Where `key` is in `keys`, if it is.
    @inlinable
    func index(of key: OperationKey) -> Int? {
        let mask = slots.count &- 1
        var slot = key.hashSlot & mask
        while true {
            let i = Int(slots[slot])
            if i == 0 { return nil }
            if keys[i &- 1] == key { return i &- 1 }
            slot = (slot &+ 1) & mask
        }
    }

    @usableFromInline
    mutating func insert(_ key: OperationKey, _ thunk: @escaping Thunk) {
        if let i = index(of: key) { thunks[i] = thunk; return }
        keys.append(key)
        thunks.append(thunk)
        if keys.count * 2 > slots.count {
            slots = Array(repeating: 0, count: slots.count * 2)
            for i in keys.indices { place(i) }
        } else {
            place(keys.count - 1)
        }
    }

    @usableFromInline
    mutating func place(_ i: Int) {
        let mask = slots.count &- 1
        var slot = keys[i].hashSlot & mask
        while slots[slot] != 0 { slot = (slot &+ 1) & mask }
        slots[slot] = Int32(i + 1)
    }

    /// The same table with a handler for `operation` (replacing an earlier one).
    @inlinable
    public consuming func on<Operation: DeviceOperation>(_ operation: Operation.Type,
                                                         _ handler: @escaping (Context, Operation) throws -> Operation.Reply) -> Self {
        let thunk: Thunk = { context, request, reply in
            try Self.call(handler, context, &request.assumingMemoryBound(to: Operation.self).pointee,
                          reply.assumingMemoryBound(to: Operation.Reply.self))
        }
        insert(Operation.handlerKey, thunk)
        return self
    }

    /// Runs `handler` on the operation where the caller keeps it and builds the reply in place.
    ///
    /// The operation comes `inout` and this call stays out of line: an `inout` value that the
    /// function never writes can be lent to the handler as it is. Read from a plain pointer, the
    /// operation would be copied first (the handler might write through the pointer), and copying a
    /// generic operation type goes through its runtime value witnesses.
    @inlinable @inline(never)
    static func call<Operation: DeviceOperation>(_ handler: (Context, Operation) throws -> Operation.Reply, _ context: Context,
                                                 _ operation: inout Operation,
                                                 _ reply: UnsafeMutablePointer<Operation.Reply>) throws {
        reply.initialize(to: try handler(context, operation))
    }

    /// Whether a handler for `operation` is registered.
    @inlinable
    public func handles<Operation: DeviceOperation>(_ operation: Operation.Type) -> Bool {
        index(of: Operation.handlerKey) != nil
    }

    /// Runs the handler of `Operation`'s type on `context`.
    ///
    /// The thunk reads the operation where the caller keeps it and builds the reply in this call's
    /// stack space: no heap storage per request.
    @inlinable
    public func perform<Operation: DeviceOperation>(_ operation: Operation, on context: Context) throws -> Operation.Reply {
        guard let i = index(of: Operation.handlerKey) else { throw DevlinkError(.EOPNOTSUPP) }
        return try withUnsafePointer(to: operation) { request in
            try withUnsafeTemporaryAllocation(of: Operation.Reply.self, capacity: 1) { reply in
                let slot = reply.baseAddress.unsafelyUnwrapped
                try thunks[i](context, UnsafeMutableRawPointer(mutating: request), UnsafeMutableRawPointer(slot))
                return slot.move()
            }
        }
    }
}

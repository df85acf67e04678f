/// A parsed run of attributes, in wire order (repeated types are kept). The attributes stay in the
/// bytes they arrived in: the list keeps those bytes once plus where each attribute lies, so parsing
/// a message allocates one small index instead of an array per attribute.
public struct AttributeList: Sendable, Equatable, Sequence, AttributeLookup {
    /// Where one attribute lies, in 12 bytes so the index stays small.
    private struct Entry: Sendable {
        let type: UInt16
        let nestedFlag: Bool
        /// Payload length.
        let length: UInt32
        /// Payload start, counted from the start of `storage`.
        let offset: UInt32
    }

    private let storage: ArraySlice<UInt8>
    private let entries: [Entry]

    /// A list holding these attributes (their payloads are copied into one buffer).
    public init(_ attributes: [Attribute]) {
        var storage: [UInt8] = []
        var entries: [Entry] = []
        for a in attributes {
            entries.append(Entry(type: a.type, nestedFlag: a.nestedFlag, length: UInt32(truncatingIfNeeded: a.bytes.count),
                                 offset: UInt32(truncatingIfNeeded: storage.count)))
            storage.append(contentsOf: a.bytes)
        }
        self.storage = storage[...]
        self.entries = entries
    }

    /// Parses `bytes[start...]` as TLVs (accepted and rejected as `AttributeWalk` says).
    public init(parsing bytes: [UInt8], from start: Int = 0) throws {
        guard start >= 0 else {
            throw NetlinkError.truncated("2-byte integer at offset \(start) of \(bytes.count) bytes")
        }
        try self.init(parsing: bytes[Swift.min(start, bytes.count)...], origin: 0)
    }

    /// Parses a slice in place; error offsets count from index `origin`.
    init(parsing bytes: ArraySlice<UInt8>, origin: Int) throws {
        // Written in place into room for the most there can be (an attribute takes at least 4 bytes).
        // Never capacity 0: that array is the shared empty singleton, and setting its count (to 0)
        // is a write to a global that ThreadSanitizer reports when two threads parse at once.
        entries = bytes.isEmpty ? [] : try [Entry](unsafeUninitializedCapacity: Swift.max(1, bytes.count / 4)) { out, count in
            try bytes.withUnsafeBytes { raw in
                try AttributeWalk.forEach(raw, errorBase: bytes.startIndex - origin) { type, nested, header, length in
                    out.initializeElement(at: count, to: Entry(type: type, nestedFlag: nested, length: UInt32(length),
                                                               offset: UInt32(truncatingIfNeeded: header + 4)))
                    count += 1
                }
            }
        }
        storage = bytes
    }

    /// Payload bounds as indices of `storage`.
    private func bounds(_ e: Entry) -> Range<Int> {
        let start = storage.startIndex + Int(e.offset)
        return start..<(start + Int(e.length))
    }

    private func attribute(_ e: Entry) -> Attribute {
        Attribute(type: e.type, nestedFlag: e.nestedFlag, bytes: storage[bounds(e)])
    }

    /// Every attribute, in wire order.
    public var attributes: [Attribute] { entries.map(attribute) }

    public var count: Int { entries.count }

    public struct Iterator: IteratorProtocol {
        let list: AttributeList
        var position = 0

        public mutating func next() -> Attribute? {
            guard position < list.entries.count else { return nil }
            defer { position += 1 }
            return list.attribute(list.entries[position])
        }
    }

    public func makeIterator() -> Iterator { Iterator(list: self) }

    /// The first attribute of `type`, if any.
    public subscript(type: UInt16) -> Attribute? {
        for e in entries where e.type == type { return attribute(e) }
        return nil
    }

    /// Every attribute of `type` (multi-attrs such as RATE_TC_BWS, INFO_VERSION_*).
    public func all(_ type: UInt16) -> [Attribute] { entries.filter { $0.type == type }.map(attribute) }


    /// Runs `body` with a table from type to first attribute, built in one pass: for decoders that ask
    /// for many types (a port message is asked some twenty), which otherwise search the list each time.
    @inline(__always)   // so the decoder's closure and its result are not passed through generics
    public func withLookup<R>(_ body: (Lookup) throws -> R) rethrows -> R {
        try withUnsafeTemporaryAllocation(of: UInt16.self, capacity: Lookup.tableSize) { table in
            table.initialize(repeating: 0)
            // Backwards, so the first attribute of a type is the one left in the table.
            for i in entries.indices.reversed() where Int(entries[i].type) < Lookup.tableSize {
                table[Int(entries[i].type)] = UInt16(i + 1)
            }
            return try body(Lookup(list: self, first: UnsafeBufferPointer(table)))
        }
    }

    /// See `withLookup`; valid only inside its body.
    public struct Lookup: AttributeLookup {
        /// Types below this are looked up in the table (devlink's go to about 180); others are searched.
        static let tableSize = 256
        let list: AttributeList
        /// Per type, the position of its first attribute plus one; 0 when there is none.
        let first: UnsafeBufferPointer<UInt16>

        private func entry(_ type: UInt16) -> Entry? {
            guard Int(type) < first.count else { return list.entries.first { $0.type == type } }
            let position = Int(first[Int(type)])
            return position == 0 ? nil : list.entries[position - 1]
        }

        public subscript(type: UInt16) -> Attribute? { entry(type).map(list.attribute) }

        public func all(_ type: UInt16) -> [Attribute] { list.all(type) }

        public func withPayload<R>(_ type: UInt16, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
            guard let e = entry(type) else { return nil }
            return try list.storage.withUnsafeBytes { raw in
                try body(UnsafeRawBufferPointer(rebasing: raw[Int(e.offset)..<(Int(e.offset) + Int(e.length))]))
            }
        }
    }

    /// Same attributes in the same order (where their bytes live does not matter).
    public static func == (lhs: AttributeList, rhs: AttributeList) -> Bool {
        lhs.entries.count == rhs.entries.count && zip(lhs, rhs).allSatisfy { $0 == $1 }
    }
}

/// Finding attributes by type: in the list itself or through its lookup table.
public protocol AttributeLookup {
    /// The first attribute of `type`, if any.
    subscript(type: UInt16) -> Attribute? { get }
    /// Every attribute of `type`, in order.
    func all(_ type: UInt16) -> [Attribute]
    /// `body` on the payload of the first attribute of `type` where it lies (nil when there is none):
    /// what `integer` and `string` read, without making an `Attribute`.
    func withPayload<R>(_ type: UInt16, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R?
}

extension AttributeLookup {
    /// A required attribute; `name` makes the error readable.
    public func require(_ type: UInt16, _ name: String) throws -> Attribute {
        guard let a = self[type] else { throw NetlinkError.missingAttribute(name) }
        return a
    }

    public func contains(_ type: UInt16) -> Bool { self[type] != nil }

    public func withPayload<R>(_ type: UInt16, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        try self[type].map { try $0.bytes.withUnsafeBytes(body) }
    }

    /// The first attribute of `type` as an integer (nil when there is none), with `Attribute.u32()`'s errors.
    public func integer<T: FixedWidthInteger>(_ type: UInt16, as: T.Type) throws -> T? {
        try withPayload(type) { try Attribute.integer(T.self, type: type, $0) }
    }

    /// The first attribute of `type` as a string (nil when there is none), as `Attribute.string()` reads it.
    public func string(_ type: UInt16) -> String? { withPayload(type, Attribute.string) }

    public func u8(_ type: UInt16) throws -> UInt8? { try integer(type, as: UInt8.self) }
    public func u16(_ type: UInt16) throws -> UInt16? { try integer(type, as: UInt16.self) }
    public func u32(_ type: UInt16) throws -> UInt32? { try integer(type, as: UInt32.self) }
    public func u64(_ type: UInt16) throws -> UInt64? { try integer(type, as: UInt64.self) }
}

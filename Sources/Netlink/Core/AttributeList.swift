/// A parsed run of attributes, in wire order (repeated types are kept). The attributes stay in the
/// bytes they arrived in: the list keeps those bytes once plus where each attribute lies, so parsing
/// a message allocates one small index instead of an array per attribute.
public struct AttributeList: Sendable, Equatable, Sequence, AttributeLookup {
    private struct Entry: Sendable {
        let type: UInt16
        let nestedFlag: Bool
        /// Payload bounds, as indices of `storage`.
        let start: Int
        let end: Int
    }

    private let storage: ArraySlice<UInt8>
    private let entries: [Entry]

    /// A list holding these attributes (their payloads are copied into one buffer).
    public init(_ attributes: [Attribute]) {
        var storage: [UInt8] = []
        var entries: [Entry] = []
        for a in attributes {
            entries.append(Entry(type: a.type, nestedFlag: a.nestedFlag, start: storage.count, end: storage.count + a.bytes.count))
            storage.append(contentsOf: a.bytes)
        }
        self.storage = storage[...]
        self.entries = entries
    }

    /// Parses `bytes[start...]` as TLVs. Lengths that overrun the buffer or are < 4 are errors;
    /// a final chunk shorter than one header is tolerated only if it is padding (all zero).
    public init(parsing bytes: [UInt8], from start: Int = 0) throws {
        guard start >= 0 else {
            throw NetlinkError.truncated("2-byte integer at offset \(start) of \(bytes.count) bytes")
        }
        try self.init(parsing: bytes[Swift.min(start, bytes.count)...], origin: 0)
    }

    /// Parses a slice in place; error offsets count from index `origin`.
    init(parsing bytes: ArraySlice<UInt8>, origin: Int) throws {
        var entries: [Entry] = []
        // An attribute takes at least 4 bytes; most devlink ones take 8 or more.
        if !bytes.isEmpty { entries.reserveCapacity(bytes.count / 8 + 1) }
        let base = bytes.startIndex
        try bytes.withUnsafeBytes { raw in
            var i = 0
            while i < raw.count {
                let offset = base + i - origin
                let remaining = raw.count - i
                guard remaining >= 4 else {
                    if raw[i...].allSatisfy({ $0 == 0 }) { break }
                    throw NetlinkError.truncated("attribute header at offset \(offset)")
                }
                let length = Int(raw.loadUnaligned(fromByteOffset: i, as: UInt16.self))
                let rawType = raw.loadUnaligned(fromByteOffset: i + 2, as: UInt16.self)
                guard length >= 4 else { throw NetlinkError.malformed("attribute length \(length) at offset \(offset)") }
                guard length <= remaining else {
                    throw NetlinkError.truncated("attribute type \(rawType & AttributeFlag.typeMask) wants \(length) bytes, \(remaining) left")
                }
                entries.append(Entry(type: rawType & AttributeFlag.typeMask, nestedFlag: rawType & AttributeFlag.nested != 0,
                                     start: base + i + 4, end: base + i + length))
                i += Bytes.align4(length)
            }
        }
        self.storage = bytes
        self.entries = entries
    }

    private func attribute(_ e: Entry) -> Attribute {
        Attribute(type: e.type, nestedFlag: e.nestedFlag, bytes: storage[e.start..<e.end])
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

        public subscript(type: UInt16) -> Attribute? {
            guard Int(type) < first.count else { return list[type] }
            let position = Int(first[Int(type)])
            return position == 0 ? nil : list.attribute(list.entries[position - 1])
        }

        public func all(_ type: UInt16) -> [Attribute] { list.all(type) }
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
}

extension AttributeLookup {
    /// A required attribute; `name` makes the error readable.
    public func require(_ type: UInt16, _ name: String) throws -> Attribute {
        guard let a = self[type] else { throw NetlinkError.missingAttribute(name) }
        return a
    }

    public func contains(_ type: UInt16) -> Bool { self[type] != nil }
}

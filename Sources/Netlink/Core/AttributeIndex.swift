/// The attributes of one message looked up where they lie, for a reader that is done with them
/// before the bytes go away (a reply decoded in the receive buffer). Unlike `AttributeList` nothing
/// is allocated: the index is a table on the stack from type to the first attribute of that type,
/// so an index is valid only inside the `with` call that made it.
struct AttributeIndex: AttributeLookup {
    /// Types below this are found through the table (devlink's go to about 180); others are searched.
    static let tableSize = 256
    private let storage: ArraySlice<UInt8>
    /// Per type, the offset of its first attribute's header in `storage` plus one; 0 when there is none.
    private let first: UnsafeBufferPointer<UInt32>

    /// Checks `bytes` as `AttributeList(parsing:origin:)` does (same errors) and runs `body` with its index.
    @inline(__always)
    static func with<R>(_ bytes: ArraySlice<UInt8>, origin: Int, _ body: (AttributeIndex) throws -> R) throws -> R {
        try withUnsafeTemporaryAllocation(of: UInt32.self, capacity: tableSize) { table in
            table.initialize(repeating: 0)
            try bytes.withUnsafeBytes { raw in
                try AttributeWalk.forEach(raw, errorBase: bytes.startIndex - origin) { type, _, header, _ in
                    if Int(type) < tableSize && table[Int(type)] == 0 { table[Int(type)] = UInt32(header + 1) }
                }
            }
            return try body(AttributeIndex(storage: bytes, first: UnsafeBufferPointer(table)))
        }
    }

    /// The attribute whose header is at `header` in `storage` (the walk has checked its bounds).
    private func attribute(at header: Int) -> Attribute {
        storage.withUnsafeBytes { raw in
            let length = Int(raw.loadUnaligned(fromByteOffset: header, as: UInt16.self))
            let rawType = raw.loadUnaligned(fromByteOffset: header + 2, as: UInt16.self)
            let start = storage.startIndex + header + 4
            return Attribute(type: rawType & AttributeFlag.typeMask, nestedFlag: rawType & AttributeFlag.nested != 0,
                             bytes: storage[start..<(start + length - 4)])
        }
    }

    /// Header offsets of every attribute of `type`, in order (a second walk: for the rare repeated types).
    private func headers(of type: UInt16) -> [Int] {
        var found: [Int] = []
        // Already walked once without error, so this walk cannot fail.
        try? storage.withUnsafeBytes { raw in
            try AttributeWalk.forEach(raw, errorBase: 0) { t, _, header, _ in if t == type { found.append(header) } }
        }
        return found
    }

    private func firstHeader(_ type: UInt16) -> Int? {
        guard Int(type) < first.count else { return headers(of: type).first }
        let entry = Int(first[Int(type)])
        return entry == 0 ? nil : entry - 1
    }

    public subscript(type: UInt16) -> Attribute? { firstHeader(type).map(attribute(at:)) }

    public func all(_ type: UInt16) -> [Attribute] {
        if Int(type) < first.count && first[Int(type)] == 0 { return [] }  // none: no second walk
        return headers(of: type).map(attribute(at:))
    }

    public func withPayload<R>(_ type: UInt16, _ body: (UnsafeRawBufferPointer) throws -> R) rethrows -> R? {
        guard let header = firstHeader(type) else { return nil }
        return try storage.withUnsafeBytes { raw in
            let length = Int(raw.loadUnaligned(fromByteOffset: header, as: UInt16.self)) - 4
            return try body(UnsafeRawBufferPointer(rebasing: raw[(header + 4)..<(header + 4 + length)]))
        }
    }
}

/// The entries of a map: keys and values in insertion order in two parallel arrays, and, once the
/// map outgrows a few entries, an open-addressing index (linear probing) from a key's hash to its
/// position. A value type with the arrays' copy-on-write: a map literal's keys (and index) are
/// shared by every map built from it until one of them gains a key, and a `for` loop iterates a
/// snapshot. Small maps (records, options) are searched in order: comparing a few keys, usually
/// by the identity of a literal's string box, is cheaper than hashing.
/// Nothing in the language removes a key; `removeValue(forKey:)` (for embedders) keeps the order of
/// the rest and rebuilds the index.
public struct MapEntries: Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [MapKey]
    /// Same positions as `keys`; assigning through an index keeps the key and its place.
    public internal(set) var values: [Value]
    /// Position + 1 of the entry whose key hashed to each slot (0: empty). Empty while the map has
    /// at most `linearLimit` entries; otherwise a power of two, at least twice `count`.
    private var slots: [Int32]

    static let linearLimit = 8

    public init() {
        keys = []
        values = []
        slots = []
    }

    public init(minimumCapacity: Int) {
        self.init()
        keys.reserveCapacity(minimumCapacity)
        values.reserveCapacity(minimumCapacity)
    }

    public init(dictionaryLiteral elements: (MapKey, Value)...) {
        self.init(uniqueKeysWithValues: elements)
    }

    /// Later duplicates replace the value of the first (its place is kept).
    public init<S: Sequence>(uniqueKeysWithValues elements: S) where S.Element == (MapKey, Value) {
        self.init()
        for (key, value) in elements { self[key] = value }
    }

    /// `keys` must be distinct (a map literal's constant keys, checked at compile time).
    public init(uncheckedUniqueKeys keys: [MapKey], values: [Value]) {
        precondition(keys.count == values.count, "MapEntries: \(keys.count) keys for \(values.count) values")
        self.keys = keys
        self.values = values
        slots = []
        if keys.count > Self.linearLimit { rebuildIndex() }
    }

    /// The same keys (sharing their storage and index) with other values, in the same order.
    func withValues(_ newValues: [Value]) -> MapEntries {
        precondition(newValues.count == keys.count, "MapEntries: \(keys.count) keys for \(newValues.count) values")
        var copy = self
        copy.values = newValues
        return copy
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }
    public var underestimatedCount: Int { keys.count }

    public subscript(key: MapKey) -> Value? {
        @inline(__always)
        get {
            guard let i = index(forKey: key) else { return nil }
            return values[i]
        }
        set {
            guard let value = newValue else {
                removeValue(forKey: key)
                return
            }
            if slots.isEmpty {
                if let i = linearIndex(key) { values[i] = value } else { append(key, value) }
                return
            }
            let (position, slot) = find(key)
            if let position { values[position] = value; return }
            slots[slot] = Int32(truncatingIfNeeded: keys.count + 1)
            keys.append(key)
            values.append(value)
            if keys.count * 2 > slots.count { rebuildIndex() }
        }
    }

    @inline(__always)
    public func index(forKey key: MapKey) -> Int? {
        slots.isEmpty ? linearIndex(key) : find(key).position
    }

    @discardableResult
    public mutating func removeValue(forKey key: MapKey) -> Value? {
        guard let i = index(forKey: key) else { return nil }
        keys.remove(at: i)
        let old = values.remove(at: i)
        if keys.count > Self.linearLimit { rebuildIndex() } else { slots = [] }
        return old
    }

    public struct Iterator: IteratorProtocol {
        let keys: [MapKey]
        let values: [Value]
        var position = 0

        public mutating func next() -> (key: MapKey, value: Value)? {
            guard position < keys.count else { return nil }
            defer { position += 1 }
            return (keys[position], values[position])
        }
    }

    public func makeIterator() -> Iterator { Iterator(keys: keys, values: values) }

    // MARK: the search

    private mutating func append(_ key: MapKey, _ value: Value) {
        keys.append(key)
        values.append(value)
        if keys.count > Self.linearLimit { rebuildIndex() }
    }

    /// A string key is first looked for by identity: a literal's keys and the field names read from
    /// it are the compiler's same boxes.
    private func linearIndex(_ key: MapKey) -> Int? {
        switch key {
        case .int(let n):
            for i in keys.indices { if case .int(let m) = keys[i], m == n { return i } }
            return nil
        case .string(let box):
            for i in keys.indices { if case .string(let other) = keys[i], other === box { return i } }
            let hash = MapKey.textHash(box)
            for i in keys.indices {
                if case .string(let other) = keys[i], MapKey.textHash(other) == hash, StringBox.equal(other, box) { return i }
            }
            return nil
        default:
            return keys.firstIndex(of: key)
        }
    }

    /// The key's position, or nil and the empty slot where it would go.
    private func find(_ key: MapKey) -> (position: Int?, slot: Int) {
        let mask = slots.count &- 1
        var slot = key.tableHash & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return (nil, slot) }
            if Self.same(keys[stored &- 1], key) { return (stored &- 1, slot) }
            slot = (slot &+ 1) & mask
        }
    }

    /// MapKey's ==, with a string's cached hash compared before its text.
    @inline(__always)
    private static func same(_ a: MapKey, _ b: MapKey) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x == y
        case let (.string(x), .string(y)): return x === y || (MapKey.textHash(x) == MapKey.textHash(y) && StringBox.equal(x, y))
        default: return a == b
        }
    }

    private mutating func rebuildIndex() {
        precondition(keys.count < Int(Int32.max) / 2, "map too large")
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var table = [Int32](repeating: 0, count: size)
        let mask = size - 1
        for (position, key) in keys.enumerated() {
            var slot = key.tableHash & mask
            while table[slot] != 0 { slot = (slot &+ 1) & mask }
            table[slot] = Int32(truncatingIfNeeded: position + 1)
        }
        slots = table
    }
}

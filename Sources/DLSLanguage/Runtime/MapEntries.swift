/// The entries of a map: keys and values in insertion order in two parallel arrays, and, once the
/// map outgrows a few entries, an open-addressing index (linear probing) from a key's hash to its
/// position. A value type with the arrays' copy-on-write: a map literal's keys (and index) are
/// shared by every map built from it until one of them gains a key, and a `for` loop iterates a
/// snapshot. Small maps (records, options) are searched in order: comparing a few keys, usually
/// by the identity of a literal's string box, is cheaper than hashing.
/// Int and string keys are looked up without building a MapKey (`index(forInt:)`,
/// `index(forString:)`, `index(forValue:)`): those are the keys scripts use in loops.
/// Nothing in the language removes a key; `removeValue(forKey:)` (for embedders) keeps the order of
/// the rest and rebuilds the index.
public struct MapEntries: Sequence, ExpressibleByDictionaryLiteral {
    public private(set) var keys: [MapKey]
    /// Same positions as `keys`; assigning through an index keeps the key and its place.
    public internal(set) var values: [Value]
    /// Per slot, 0 when empty, else the high half of the key's hash above the entry's position + 1:
    /// a probe rejects most other keys by that half without reading the key. Empty while the map
    /// has at most `linearLimit` entries; otherwise a power of two, at least twice `count`.
    private var slots: [UInt64]

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
            let hash = key.tableHash
            let (position, slot) = probe(hash) { Self.same(keys[$0], key) }
            if let position { values[position] = value; return }
            slots[slot] = Self.slot(hash, keys.count)
            keys.append(key)
            values.append(value)
            if keys.count * 2 > slots.count { rebuildIndex() }
        }
    }

    @inline(__always)
    public func index(forKey key: MapKey) -> Int? {
        switch key {
        case .int(let n): return index(forInt: n)
        case .string(let box): return index(forString: box)
        default:
            if slots.isEmpty { return keys.firstIndex(of: key) }
            return probe(key.tableHash) { keys[$0] == key }.position
        }
    }

    /// The position of the key a script value makes (3.0 finds the key 3); nil when there is none
    /// or the value cannot be a key.
    @inline(__always)
    public func index(forValue value: Value) -> Int? {
        switch value {
        case .int(let n): return index(forInt: n)
        case .string(let box): return index(forString: box)
        default: return MapKey(value).flatMap { index(forKey: $0) }
        }
    }

    @inline(__always)
    public func index(forInt n: Int) -> Int? {
        if slots.isEmpty {
            for i in keys.indices { if case .int(let m) = keys[i], m == n { return i } }
            return nil
        }
        return probe(MapKey.intHash(n)) { if case .int(let m) = keys[$0] { m == n } else { false } }.position
    }

    /// A string key is first looked for by identity: a literal's keys and the field names read from
    /// it are the compiler's same boxes.
    @inline(__always)
    public func index(forString box: StringBox) -> Int? {
        if slots.isEmpty {
            for i in keys.indices { if case .string(let other) = keys[i], other === box { return i } }
            let hash = MapKey.textHash(box)
            for i in keys.indices {
                if case .string(let other) = keys[i], MapKey.sameText(other, box, hash: hash) { return i }
            }
            return nil
        }
        let hash = MapKey.textHash(box)
        return probe(Int(truncatingIfNeeded: hash)) {
            if case .string(let other) = keys[$0] { other === box || MapKey.sameText(other, box, hash: hash) } else { false }
        }.position
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

    private func linearIndex(_ key: MapKey) -> Int? {
        switch key {
        case .int(let n): return index(forInt: n)
        case .string(let box): return index(forString: box)
        default: return keys.firstIndex(of: key)
        }
    }

    @inline(__always)
    private static func slot(_ hash: Int, _ position: Int) -> UInt64 {
        (UInt64(bitPattern: Int64(hash)) & 0xFFFF_FFFF_0000_0000) | UInt64(truncatingIfNeeded: position &+ 1)
    }

    /// The position whose key `matches`, or nil and the empty slot where the key would go. Only
    /// positions whose slot carries the same high half of `hash` are offered to `matches`.
    @inline(__always)
    private func probe(_ hash: Int, _ matches: (Int) -> Bool) -> (position: Int?, slot: Int) {
        slots.withUnsafeBufferPointer { table in
            let mask = table.count &- 1
            let tag = UInt64(bitPattern: Int64(hash)) >> 32
            var slot = hash & mask
            while true {
                let stored = table[slot]
                if stored == 0 { return (nil, slot) }
                if stored >> 32 == tag {
                    let position = Int(truncatingIfNeeded: stored & 0xFFFF_FFFF) &- 1
                    if matches(position) { return (position, slot) }
                }
                slot = (slot &+ 1) & mask
            }
        }
    }

    /// MapKey's ==, with a string's cached hash and bytes compared before String's ==.
    @inline(__always)
    private static func same(_ a: MapKey, _ b: MapKey) -> Bool {
        switch (a, b) {
        case let (.int(x), .int(y)): return x == y
        case let (.string(x), .string(y)): return x === y || MapKey.sameText(x, y, hash: MapKey.textHash(y))
        default: return a == b
        }
    }

    private mutating func rebuildIndex() {
        precondition(keys.count < Int(Int32.max) / 2, "map too large")
        var size = 16
        while size < keys.count * 2 { size <<= 1 }
        var table = [UInt64](repeating: 0, count: size)
        let mask = size - 1
        for (position, key) in keys.enumerated() {
            let hash = key.tableHash
            var slot = hash & mask
            while table[slot] != 0 { slot = (slot &+ 1) & mask }
            table[slot] = Self.slot(hash, position)
        }
        slots = table
    }
}

/// Lookups through the map object. Each reaches the entries `inout`, so they are read in place: a
/// plain read of a class's stored struct copies it, retaining and releasing all three arrays on
/// every access, and these run once per `m[k]`, `m.f` and `m[k] += v`.
extension MapObject {
    @inline(__always)
    func position(of key: Value) -> Int? { Self.position(&entries, key) }

    @inline(__always)
    func position(ofString key: StringBox) -> Int? { Self.position(&entries, key) }

    @inline(__always)
    func value(at position: Int) -> Value { Self.value(&entries, position) }

    @inline(__always)
    private static func position(_ entries: inout MapEntries, _ key: Value) -> Int? { entries.index(forValue: key) }

    @inline(__always)
    private static func position(_ entries: inout MapEntries, _ key: StringBox) -> Int? { entries.index(forString: key) }

    @inline(__always)
    private static func value(_ entries: inout MapEntries, _ position: Int) -> Value { entries.values[position] }
}

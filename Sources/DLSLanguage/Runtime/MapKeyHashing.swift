import Synchronization

/// Int keys (the map a loop counts into, ports by index) and string keys (field names, port names)
/// hash with a multiply–xorshift mix instead of SipHash: hashing was the largest single cost of
/// maps. A per-process random key goes in first, so the buckets keys land in differ from run to run
/// as they do with Hasher (python hashes ints to themselves). A string's hash is kept in its box, so
/// a key used again (a field name read in a loop, the keys of a map literal) is hashed once.
/// MapEntries indexes by `tableHash`; Swift's Set and Dictionary of keys mix in their seed per
/// lookup (`_rawHashValue`). Other keys hash with Hasher.
extension MapKey {
    private static let processKey = UInt64.random(in: .min ... .max)

    public func _rawHashValue(seed: Int) -> Int {
        switch self {
        case .int(let number):
            return Int(bitPattern: UInt(Self.mix(UInt64(bitPattern: Int64(number)) ^ UInt64(bitPattern: Int64(seed)) ^ Self.processKey)))
        case .string(let box):
            return Int(bitPattern: UInt(Self.mix(Self.textHash(box) ^ UInt64(bitPattern: Int64(seed)))))
        default:
            var hasher = Hasher()
            hasher.combine(seed)
            hash(into: &hasher)
            return hasher.finalize()
        }
    }

    /// The hash MapEntries indexes by: no per-table seed (each map's index is its own).
    @inline(__always)
    var tableHash: Int {
        switch self {
        case .int(let number): return Self.intHash(number)
        case .string(let box): return Int(truncatingIfNeeded: Self.textHash(box))
        default: return _rawHashValue(seed: 0)
        }
    }

    @inline(__always)
    static func intHash(_ number: Int) -> Int {
        Int(truncatingIfNeeded: mix(UInt64(bitPattern: Int64(number)) ^ processKey))
    }

    /// Whether `a` has the text of `b`, whose text hash is `hash`. Equal bytes are equal text; other
    /// bytes may still be canonically equivalent, so String's == decides (equal full hashes with
    /// different bytes are that case or a true collision: both rare).
    @inline(__always)
    static func sameText(_ a: StringBox, _ b: StringBox, hash: UInt64) -> Bool {
        guard textHash(a) == hash else { return false }
        return StringBox.equal(a, b)
    }

    public func hash(into hasher: inout Hasher) {
        switch self {
        case .null: hasher.combine(0 as UInt8)
        case .bool(let flag): hasher.combine(1 as UInt8); hasher.combine(flag)
        case .int(let number): hasher.combine(2 as UInt8); hasher.combine(number)
        case .float(let number): hasher.combine(3 as UInt8); hasher.combine(number)
        case .rate(let rate): hasher.combine(4 as UInt8); hasher.combine(rate)
        case .string(let box): hasher.combine(5 as UInt8); hasher.combine(Self.textHash(box))
        }
    }

    /// The text's hash, computed on first use and then read from the box.
    @inline(__always)
    static func textHash(_ box: StringBox) -> UInt64 {
        let cached = box.cachedHash
        return cached != 0 ? cached : computeTextHash(box)
    }

    private static func computeTextHash(_ box: StringBox) -> UInt64 {
        var h: UInt64
        if box.isASCII {
            h = box.withUTF8 { hash($0) }
        } else if var ascii = asciiEquivalent(box.value) {
            // Equal strings must hash alike, and String's == is canonical equivalence: a text whose
            // normal form is ASCII ("\u{212A}" == "K") hashes as that ASCII text.
            h = ascii.withUTF8 { hash($0) }
        } else {
            var hasher = Hasher()
            hasher.combine(box.value)
            h = UInt64(bitPattern: Int64(hasher.finalize()))
        }
        if h == 0 { h = 1 }  // 0 marks "not computed"
        box.storeHash(h)
        return h
    }

    /// The non-ASCII scalars whose canonical decomposition is ASCII (singletons: a decomposition
    /// into more than one scalar has a combining mark, never ASCII). StringKeyHashTests checks the
    /// list against every scalar.
    static let asciiSingletons: [UInt32: UInt8] = [0x037E: UInt8(ascii: ";"), 0x1FEF: UInt8(ascii: "`"), 0x212A: UInt8(ascii: "K")]

    /// The ASCII text canonically equivalent to `text`, or nil when its normal form is not ASCII.
    static func asciiEquivalent(_ text: String) -> String? {
        var bytes: [UInt8] = []
        for scalar in text.unicodeScalars {
            if scalar.isASCII {
                bytes.append(UInt8(scalar.value))
            } else if let b = asciiSingletons[scalar.value] {
                bytes.append(b)
            } else {
                return nil
            }
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// Eight bytes at a time through the mix, the length and the process key first.
    private static func hash(_ bytes: UnsafeBufferPointer<UInt8>) -> UInt64 {
        var h = processKey ^ (UInt64(bytes.count) &* 0x9E37_79B9_7F4A_7C15)
        guard let start = bytes.baseAddress else { return mix(h) }
        let n = bytes.count
        var i = 0
        while i + 8 <= n {
            h = mix(h ^ UnsafeRawPointer(start + i).loadUnaligned(as: UInt64.self))
            i += 8
        }
        if n >= 8 {
            // The last eight bytes again (overlapping what the loop read): one load for the tail.
            if i < n { h = mix(h ^ UnsafeRawPointer(start + (n - 8)).loadUnaligned(as: UInt64.self)) }
        } else {
            var tail: UInt64 = 0
            var shift: UInt64 = 0
            if n - i >= 4 {
                tail = UInt64(UnsafeRawPointer(start + i).loadUnaligned(as: UInt32.self))
                shift = 32
                i += 4
            }
            if n - i >= 2 {
                tail |= UInt64(UnsafeRawPointer(start + i).loadUnaligned(as: UInt16.self)) << shift
                shift += 16
                i += 2
            }
            if i < n { tail |= UInt64(start[i]) << shift }
            h = mix(h ^ tail)
        }
        return h
    }

    /// The finaliser of splitmix64: every input bit reaches the low bits the hash table indexes by.
    private static func mix(_ value: UInt64) -> UInt64 {
        var z = value
        z = (z ^ (z >> 30)) &* 0xbf58476d1ce4e5b9
        z = (z ^ (z >> 27)) &* 0x94d049bb133111eb
        return z ^ (z >> 31)
    }
}

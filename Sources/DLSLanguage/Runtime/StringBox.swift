import Glibc
import Synchronization

/// The payload of a string value: its UTF-8 bytes stored in the box itself (one allocation, no
/// Swift String inside), shared by the map keys made from it. Immutable once shared: only a box that
/// is uniquely referenced is appended to in place (`s += t`). It keeps the text's hash once a map
/// has asked for it, so a key looked up again (a field name, a literal key) is not hashed again.
///
/// Interpolation, join, split, format, len, comparison, hashing and json() work on the bytes; a
/// String is made (`value`) only where a Swift API needs one. The bytes are always valid UTF-8:
/// they come from Strings or are cut from valid text at ASCII boundaries. Whether the text is
/// ASCII, and "plain" (ASCII without "\r", so that bytes are characters), is known from the pieces
/// a box is built from or found once when it is made, so `len` and padding need no scan.
public final class StringBox: ManagedBuffer<StringBox.Header, UInt8>, CustomStringConvertible {
    public struct Header {
        /// The seed-independent hash (see MapKeyHashing); 0 until computed. First, so that the
        /// header's address is its address: it is read and written atomically (relaxed) because two
        /// threads may hash a shared key at once, and both store the same number.
        var hash: UInt64
        var count: Int
        var flags: Flags
    }

    public struct Flags: OptionSet, Sendable {
        public let rawValue: UInt8
        public init(rawValue: UInt8) { self.rawValue = rawValue }
        /// Every byte is ASCII.
        static let ascii = Flags(rawValue: 1)
        /// ASCII and no "\r": every byte is one character.
        static let plain = Flags(rawValue: 2)
        static let both: Flags = [.ascii, .plain]

        /// The flags of `bytes`, found by a scan (eight bytes a time).
        static func of(_ bytes: UnsafeBufferPointer<UInt8>) -> Flags {
            guard ASCIIBytes.all(bytes) else { return [] }
            return ASCIIBytes.plain(bytes) ? .both : .ascii
        }
    }

    /// A box of `capacity` bytes; `fill` writes at most that many and returns how many it wrote.
    /// `flags` must be true of what it writes (nil: found by a scan of the bytes written).
    @inline(__always)
    static func build(capacity: Int, flags: Flags?, _ fill: (UnsafeMutablePointer<UInt8>) throws -> Int) rethrows -> StringBox {
        let box = unsafeDowncast(create(minimumCapacity: capacity) { _ in Header(hash: 0, count: 0, flags: []) }, to: StringBox.self)
        try box.withUnsafeMutablePointers { header, start in
            let count = try fill(start)
            header.pointee.count = count
            header.pointee.flags = flags ?? Flags.of(UnsafeBufferPointer(start: start, count: count))
        }
        return box
    }

    /// A box holding a copy of `bytes` (valid UTF-8).
    @inline(__always)
    static func make(_ bytes: UnsafeBufferPointer<UInt8>, flags: Flags?) -> StringBox {
        build(capacity: bytes.count, flags: flags) { out in
            if let source = bytes.baseAddress { out.update(from: source, count: bytes.count) }
            return bytes.count
        }
    }

    /// A box holding the bytes of `text`.
    public static func make(_ text: String) -> StringBox {
        var text = text
        return text.withUTF8 { make($0, flags: nil) }
    }

    /// Bytes of UTF-8.
    @inline(__always)
    public var count: Int { withUnsafeMutablePointerToHeader { $0.pointee.count } }

    @inline(__always)
    var flags: Flags { withUnsafeMutablePointerToHeader { $0.pointee.flags } }

    @inline(__always)
    var isASCII: Bool { flags.contains(.ascii) }

    @inline(__always)
    var isPlain: Bool { flags.contains(.plain) }

    /// The text's bytes, read in place.
    @inline(__always)
    public func withUTF8<R>(_ body: (UnsafeBufferPointer<UInt8>) throws -> R) rethrows -> R {
        try withUnsafeMutablePointers { header, start in try body(UnsafeBufferPointer(start: start, count: header.pointee.count)) }
    }

    /// The text as a String (made anew on every read: for the paths that need a Swift String).
    public var value: String {
        withUTF8 { bytes in String(unsafeUninitializedCapacity: bytes.count) { out in
            guard let source = bytes.baseAddress, let target = out.baseAddress else { return 0 }
            target.update(from: source, count: bytes.count)
            return bytes.count
        } }
    }

    /// The text itself, so a box interpolated where its string was meant still prints the string.
    public var description: String { value }

    @inline(__always)
    var cachedHash: UInt64 {
        withUnsafeMutablePointerToHeader { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Atomic<UInt64>.self).pointee.load(ordering: .relaxed) }
    }

    @inline(__always)
    func storeHash(_ hash: UInt64) {
        withUnsafeMutablePointerToHeader { UnsafeMutableRawPointer($0).assumingMemoryBound(to: Atomic<UInt64>.self).pointee.store(hash, ordering: .relaxed) }
    }

    /// `box` with `tail` appended: in place when `box` is the only reference and has the room,
    /// else in a new box with room to grow (so that `s += t` in a loop copies the text a few times,
    /// not once per append). The caller has checked the size limit.
    static func append(_ tail: StringBox, to box: inout StringBox) {
        let old = box.count, added = tail.count
        let total = old + added
        let flags = box.flags.intersection(tail.flags)
        if isKnownUniquelyReferenced(&box), box.capacity >= total {
            box.withUnsafeMutablePointers { header, start in
                _ = tail.withUTF8 { t in StringConcatenation.copy(t, to: start + old) }
                header.pointee.count = total
                header.pointee.flags = flags
            }
            box.storeHash(0)
            return
        }
        let source = box
        box = build(capacity: max(total, min(2 * old, Limits.maxStringBytes)), flags: flags) { out in
            let end = source.withUTF8 { StringConcatenation.copy($0, to: out) }
            return tail.withUTF8 { StringConcatenation.copy($0, to: end) } - out
        }
    }

    /// Equality as String's `==` (canonical equivalence): bytes decide when both texts are ASCII.
    static func equal(_ a: StringBox, _ b: StringBox) -> Bool {
        if a === b { return true }
        let same = a.withUTF8 { x in b.withUTF8 { y in x.count == y.count && (x.count == 0 || memcmp(x.baseAddress!, y.baseAddress!, x.count) == 0) } }
        if same { return true }
        if a.isASCII && b.isASCII { return false }
        return a.value == b.value
    }

    /// The positions of `boxes` in ascending order (as `order`). ASCII texts are compared by their
    /// first eight bytes as one number, then by memcmp, without touching the boxes' reference counts.
    static func sortedOrder(_ boxes: [StringBox]) -> [Int] {
        guard boxes.allSatisfy(\.isASCII) else {
            let strings = boxes.map(\.value)
            return strings.indices.sorted { strings[$0] < strings[$1] }
        }
        struct Key {
            var prefix: UInt64
            var bytes: UnsafeBufferPointer<UInt8>
        }
        return withExtendedLifetime(boxes) {
            let keys = boxes.map { box in
                box.withUTF8 { bytes -> Key in
                    var prefix: UInt64 = 0
                    for i in 0..<min(8, bytes.count) { prefix |= UInt64(bytes[i]) << (56 - 8 * UInt64(i)) }
                    return Key(prefix: prefix, bytes: bytes)
                }
            }
            return keys.withUnsafeBufferPointer { k in
                Array(k.indices).sorted { i, j in
                    let x = k[i], y = k[j]
                    if x.prefix != y.prefix { return x.prefix < y.prefix }
                    let n = min(x.bytes.count, y.bytes.count)
                    if n > 0, let a = x.bytes.baseAddress, let b = y.bytes.baseAddress {
                        let c = memcmp(a, b, n)
                        if c != 0 { return c < 0 }
                    }
                    return x.bytes.count < y.bytes.count
                }
            }
        }
    }

    /// -1/0/1 as String's `<` orders (Unicode canonical order): byte order when both are ASCII.
    static func order(_ a: StringBox, _ b: StringBox) -> Int {
        if a === b { return 0 }
        if a.isASCII && b.isASCII {
            return a.withUTF8 { x in b.withUTF8 { y in
                let n = min(x.count, y.count)
                let c = n == 0 ? 0 : memcmp(x.baseAddress!, y.baseAddress!, n)
                if c != 0 { return c < 0 ? -1 : 1 }
                return x.count < y.count ? -1 : (x.count == y.count ? 0 : 1)
            } }
        }
        let x = a.value, y = b.value
        return x < y ? -1 : (x == y ? 0 : 1)
    }
}

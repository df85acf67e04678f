/// Text built as bytes and made a string box once at the end (format, json): appending to an
/// Array or a String went through generic append code for every piece. It starts in memory the
/// caller gives (a stack buffer, so a short text costs no allocation but its box) and moves to the
/// heap when that is full. It tracks what the pieces are (ASCII, plain), so the box needs no scan.
struct ByteWriter: ~Copyable {
    private var start: UnsafeMutablePointer<UInt8>
    private(set) var count = 0
    private var capacity: Int
    private var onHeap = false
    var flags: StringBox.Flags = .both

    init(_ initial: UnsafeMutableBufferPointer<UInt8>) {
        if let base = initial.baseAddress, initial.count > 0 {
            start = base
            capacity = initial.count
        } else {
            capacity = 64
            start = .allocate(capacity: capacity)
            onHeap = true
        }
    }

    deinit { if onHeap { start.deallocate() } }

    /// The bytes written so far.
    var bytes: UnsafeBufferPointer<UInt8> { UnsafeBufferPointer(start: start, count: count) }

    /// Room for `n` more bytes; returns where they go.
    @inline(__always)
    mutating func reserve(_ n: Int) -> UnsafeMutablePointer<UInt8> {
        if count + n > capacity { grow(count + n) }
        return start + count
    }

    private mutating func grow(_ needed: Int) {
        let newCapacity = max(needed, 2 * capacity)
        let bigger = UnsafeMutablePointer<UInt8>.allocate(capacity: newCapacity)
        bigger.update(from: start, count: count)
        if onHeap { start.deallocate() }
        start = bigger
        capacity = newCapacity
        onHeap = true
    }

    /// Bytes that are plain ASCII (template text, punctuation).
    @inline(__always)
    mutating func appendPlain(_ bytes: UnsafeBufferPointer<UInt8>) {
        guard let source = bytes.baseAddress else { return }
        reserve(bytes.count).update(from: source, count: bytes.count)
        count += bytes.count
    }

    @inline(__always)
    mutating func append(_ byte: UInt8) {
        reserve(1).pointee = byte
        count += 1
    }

    /// Bytes of unknown kind.
    mutating func append(_ bytes: UnsafeBufferPointer<UInt8>, flags: StringBox.Flags?) {
        self.flags.formIntersection(flags ?? .of(bytes))
        appendPlain(bytes)
    }

    mutating func append(_ box: StringBox) {
        box.withUTF8 { append($0, flags: box.flags) }
    }

    mutating func append(_ text: String) {
        var text = text
        text.withUTF8 { append($0, flags: nil) }
    }

    mutating func appendDecimal(_ i: Int) {
        let end = StringInterpolation.writeDecimal(i, to: reserve(20))
        count = end - start
    }

    mutating func appendSpaces(_ n: Int) {
        guard n > 0 else { return }
        reserve(n).update(repeating: UInt8(ascii: " "), count: n)
        count += n
    }

    /// The text written, as a box of its exact size.
    func box() -> StringBox { StringBox.make(bytes, flags: flags) }
}

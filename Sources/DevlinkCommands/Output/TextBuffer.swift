import DevlinkModel

/// devlink text being built as UTF-8 bytes in memory it owns. Appending to a String piece by piece
/// (and interpolating every field) cost several times the formatting itself on a 500-port `port show`;
/// so did `Array.append(contentsOf:)` for the short pieces a line is made of.
struct TextBuffer: ~Copyable {
    private var base: UnsafeMutablePointer<UInt8>
    private var count = 0
    private var capacity: Int

    init(capacity: Int = 256) {
        self.capacity = Swift.max(capacity, 16)
        base = .allocate(capacity: self.capacity)
    }

    deinit { base.deallocate() }

    var text: String { String(decoding: UnsafeBufferPointer(start: base, count: count), as: UTF8.self) }

    private mutating func reserve(_ more: Int) {
        guard count + more > capacity else { return }
        let grown = Swift.max(capacity * 2, count + more)
        let new = UnsafeMutablePointer<UInt8>.allocate(capacity: grown)
        new.initialize(from: base, count: count)
        base.deallocate()
        base = new
        capacity = grown
    }

    private mutating func write(_ bytes: UnsafeBufferPointer<UInt8>) {
        reserve(bytes.count)
        if let source = bytes.baseAddress { (base + count).initialize(from: source, count: bytes.count) }
        count += bytes.count
    }

    /// One ASCII byte (separators: cheaper than a one-character String).
    mutating func write(_ byte: UInt8) {
        reserve(1)
        base[count] = byte
        count += 1
    }

    mutating func write(_ s: String) {
        var s = s
        s.withUTF8 { write($0) }
    }

    mutating func write(_ s: StaticString) {
        s.withUTF8Buffer { write($0) }
    }

    /// An unsigned number in decimal.
    mutating func write(_ n: UInt64) {
        var digits = 1, rest = n
        while rest >= 10 { rest /= 10; digits += 1 }
        reserve(digits)
        rest = n
        for i in stride(from: count + digits - 1, through: count, by: -1) {
            base[i] = UInt8(ascii: "0") + UInt8(rest % 10)
            rest /= 10
        }
        count += digits
    }

    mutating func write(_ d: DeviceHandle) {
        write(d.bus)
        write(UInt8(ascii: "/"))
        write(d.name)
    }

    mutating func write(_ p: PortHandle) {
        write(p.device)
        write(UInt8(ascii: "/"))
        write(UInt64(p.index))
    }

    mutating func write(_ r: RateHandle) {
        write(r.device)
        write(UInt8(ascii: "/"))
        switch r.target {
        case .leaf(let index): write(UInt64(index))
        case .node(let name): write(name)
        }
    }
}

/// `"pci/${dev}/${i}\n"` built with one allocation: the values are evaluated into scratch slots on
/// the value stack, measured, and copied as bytes (ints written digit by digit) into a string box
/// of the exact size. Appending piece by piece went through String's generic append path and cost
/// ~2,000 instructions for a three-piece string. The literal text is kept as raw bytes so writing
/// it copies no String (and retains nothing).
final class StringInterpolation {
    enum Piece {
        case text(String)
        case value(EvalBox)
    }

    /// One piece of the result: literal bytes (`value` < 0) or the next value.
    private struct Segment {
        var value: Int
        var offset: Int
        var length: Int
    }

    private let literal: UnsafeMutablePointer<UInt8>
    private let segments: UnsafeMutablePointer<Segment>
    private let segmentCount: Int
    let evals: ContiguousArray<EvalBox>
    private let literalBytes: Int
    /// What the literal text is (ASCII, plain); ints add nothing to it.
    private let literalFlags: StringBox.Flags

    init(_ pieces: [Piece]) {
        var bytes: [UInt8] = []
        var segments: [Segment] = []
        var evals = ContiguousArray<EvalBox>()
        for piece in pieces {
            switch piece {
            case .text(let t):
                segments.append(Segment(value: -1, offset: bytes.count, length: t.utf8.count))
                bytes.append(contentsOf: t.utf8)
            case .value(let box):
                segments.append(Segment(value: evals.count, offset: 0, length: 0))
                evals.append(box)
            }
        }
        literal = .allocate(capacity: max(1, bytes.count))
        literal.initialize(from: bytes, count: bytes.count)
        self.segments = .allocate(capacity: max(1, segments.count))
        self.segments.initialize(from: segments, count: segments.count)
        segmentCount = segments.count
        self.evals = evals
        literalBytes = bytes.count
        literalFlags = bytes.withUnsafeBufferPointer { StringBox.Flags.of($0) }
    }

    deinit {
        literal.deallocate()
        segments.deallocate()
    }

    /// The value closures come in as arguments, the first two passed by the compiled closure that
    /// captures them: calling a closure read out of an array retains its context every time.
    @inline(__always)
    func evaluate(_ interp: Interpreter, _ base: UnsafeMutablePointer<Value>, _ first: Eval, _ second: Eval,
                  at location: SourceLocation) throws -> Value {
        let count = evals.count
        let scratch = try interp.pushFrame(count, at: location)
        defer { interp.popFrame(scratch, count) }
        var total = literalBytes
        var flags = literalFlags
        for j in 0..<count {
            let value = j == 0 ? try first(interp, base) : j == 1 ? try second(interp, base) : try evals[j].eval(interp, base)
            switch value {
            case .string(let s):
                total += s.count
                flags.formIntersection(s.flags)
                (scratch + j).pointee = value
            case .int(let i): total += StringInterpolation.decimalDigits(i); (scratch + j).pointee = value
            default:
                let text = StringBox.make(value.str)
                total += text.count
                flags.formIntersection(text.flags)
                (scratch + j).pointee = .string(text)
            }
        }
        guard total <= Limits.maxStringBytes else { throw Limits.stringTooLong(total, at: location) }
        let text = StringBox.build(capacity: total, flags: flags) { start in
            var out = start
            for k in 0..<segmentCount {
                let segment = segments[k]
                if segment.value < 0 {
                    out.update(from: literal + segment.offset, count: segment.length)
                    out += segment.length
                    continue
                }
                switch scratch[segment.value] {
                case .int(let i): out = StringInterpolation.writeDecimal(i, to: out)
                case .string(let box): out = StringConcatenation.copyUTF8(box, to: out)
                default: break  // made a string above
                }
            }
            return out - start
        }
        return .string(text)
    }

    /// Bytes of `i` in decimal, with the sign. Halving the range by powers of ten (divisions by
    /// constants, which compile to multiplications) instead of one division per digit: every int
    /// interpolated is measured before it is written.
    static func decimalDigits(_ i: Int) -> Int {
        // `| 1` makes 0 count as one digit; it never changes the digit count of an even number.
        var n = i.magnitude | 1
        var digits = 1
        if n >= 10_000_000_000_000_000 { digits += 16; n /= 10_000_000_000_000_000 }
        if n >= 100_000_000 { digits += 8; n /= 100_000_000 }
        if n >= 10_000 { digits += 4; n /= 10_000 }
        if n >= 100 { digits += 2; n /= 100 }
        if n >= 10 { digits += 1 }
        return i < 0 ? digits + 1 : digits
    }

    /// Writes `i` in decimal, two digits per division, and returns the end of what it wrote.
    static func writeDecimal(_ i: Int, to out: UnsafeMutablePointer<UInt8>) -> UnsafeMutablePointer<UInt8> {
        if i < 0 { out.pointee = UInt8(ascii: "-") }
        let end = out + decimalDigits(i)
        let pairs: StaticString = """
            00010203040506070809101112131415161718192021222324252627282930313233343536373839\
            40414243444546474849505152535455565758596061626364656667686970717273747576777879\
            8081828384858687888990919293949596979899
            """
        let table = pairs.utf8Start
        var n = i.magnitude  // UInt: Int.min has a magnitude too
        var p = end
        while n >= 100 {
            let pair = Int(n % 100) &* 2
            n /= 100
            p -= 2
            p[0] = table[pair]
            p[1] = table[pair + 1]
        }
        if n >= 10 {
            let pair = Int(n) &* 2
            p[-2] = table[pair]
            p[-1] = table[pair + 1]
        } else {
            p[-1] = UInt8(ascii: "0") + UInt8(n)
        }
        return end
    }
}

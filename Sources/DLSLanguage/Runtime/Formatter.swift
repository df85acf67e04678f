/// `format("{} has {:>5} ports", dev, n)`: `{}` takes the next argument, `{N}` argument N;
/// after `:` an optional alignment `<` `>` `^`, a width and `.P` precision for floats; `{{`/`}}` are braces.
enum Formatter {
    /// `values` are the call's arguments after the template (read in place, not copied out).
    static func format(_ template: StringBox, _ values: UnsafeBufferPointer<Value>, _ args: Arguments) throws -> StringBox {
        guard template.isASCII else { return StringBox.make(try formatCharacters(template.value, Array(values), args)) }
        // Most results fit the stack buffer: the box is then the only allocation.
        return try withUnsafeTemporaryAllocation(of: UInt8.self, capacity: 512) { stack in
            var out = ByteWriter(stack)
            // The template's bytes are ASCII; they may hold "\r".
            out.flags = template.flags
            try template.withUTF8 { try formatASCII($0, values, args, into: &out) }
            return out.box()
        }
    }

    /// The general path, over characters: a brace followed by a combining mark is one character and
    /// not a brace.
    static func formatCharacters(_ template: String, _ values: [Value], _ args: Arguments) throws -> String {
        var out = ""
        var next = 0
        var used = Set<Int>()
        var chars = Array(template)[...]
        while let c = chars.popFirst() {
            if c == "}" {
                guard chars.first == "}" else { throw args.error("single '}' in format string (write '}}')") }
                chars.removeFirst()
                out.append("}")
                continue
            }
            guard c == "{" else { out.append(c); continue }
            if chars.first == "{" { chars.removeFirst(); out.append("{"); continue }
            var spec = ""
            while let d = chars.popFirst(), d != "}" { spec.append(d) }
            let parts = spec.split(separator: ":", maxSplits: 1, omittingEmptySubsequences: false)
            let indexText = parts.first.map(String.init) ?? ""
            let index: Int
            if indexText.isEmpty {
                index = next
                next += 1
            } else {
                guard let i = Int(indexText), i >= 0 else { throw args.error("bad placeholder '{\(spec)}'") }
                index = i
            }
            guard index < values.count else {
                throw args.error("placeholder {\(spec)} needs argument \(index + 1), only \(values.count) given")
            }
            used.insert(index)
            out += try apply(parts.count > 1 ? String(parts[1]) : "", to: values[index], args)
        }
        try checkAllUsed(template, values, used: values.indices.map { used.contains($0) }, args)
        return out
    }

    /// The same over bytes, for templates that are all ASCII (where bytes are characters): literal
    /// runs are copied whole instead of character by character, and the text is built as bytes.
    static func formatASCII(_ bytes: UnsafeBufferPointer<UInt8>, _ values: UnsafeBufferPointer<Value>, _ args: Arguments,
                            into out: inout ByteWriter) throws {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        func text(_ range: Range<Int>) -> String { String(decoding: UnsafeBufferPointer(rebasing: bytes[range]), as: UTF8.self) }
        var next = 0
        // Which arguments a placeholder took: a bit each (an array only past 64 arguments).
        var usedBits: UInt64 = 0
        var usedMany = values.count > 64 ? [Bool](repeating: false, count: values.count) : []
        var i = 0
        var literal = 0
        while i < bytes.count {
            let c = bytes[i]
            guard c == open || c == close else {
                i += 1
                continue
            }
            out.appendPlain(UnsafeBufferPointer(rebasing: bytes[literal..<i]))
            let after = i + 1
            if c == close {
                guard after < bytes.count, bytes[after] == close else { throw args.error("single '}' in format string (write '}}')") }
                out.append(close)
                i = after + 1
                literal = i
                continue
            }
            if after < bytes.count, bytes[after] == open {
                out.append(open)
                i = after + 1
                literal = i
                continue
            }
            // As the general path: a placeholder without its '}' runs to the end of the template.
            var end = after
            while end < bytes.count, bytes[end] != close { end += 1 }
            i = end < bytes.count ? end + 1 : end
            literal = i
            var colon = after
            while colon < end, bytes[colon] != UInt8(ascii: ":") { colon += 1 }
            let index: Int
            if colon == after {
                index = next
                next += 1
            } else {
                guard let n = Int(text(after..<colon)), n >= 0 else { throw args.error("bad placeholder '{\(text(after..<end))}'") }
                index = n
            }
            guard index < values.count else {
                throw args.error("placeholder {\(text(after..<end))} needs argument \(index + 1), only \(values.count) given")
            }
            if index < 64 { usedBits |= 1 << UInt64(index) } else { usedMany[index] = true }
            let spec = colon < end ? UnsafeBufferPointer(rebasing: bytes[(colon + 1)..<end]) : UnsafeBufferPointer(start: nil, count: 0)
            try applyASCII(spec, to: values[index], into: &out, args)
        }
        out.appendPlain(UnsafeBufferPointer(rebasing: bytes[literal...]))
        let allUsed = values.count == 64 ? usedBits == ~0 : values.count < 64 ? usedBits == (1 << UInt64(values.count)) - 1 : false
        if !allUsed {
            let used = values.indices.map { $0 < 64 ? usedBits & (1 << UInt64($0)) != 0 : usedMany[$0] }
            try checkAllUsed(text(0..<bytes.count), Array(values), used: used, args)
        }
    }

    /// An argument no placeholder takes is a mistake, most often a printf template (issue 17:
    /// `format("%-16s %s", a, b)` printed the template and dropped a and b without a word).
    private static func checkAllUsed(_ template: String, _ values: [Value], used: [Bool], _ args: Arguments) throws {
        guard let unused = used.firstIndex(of: false) else { return }
        let hint = template.contains("%") ? " (placeholders are {} and {:<16}, not %s)" : ""
        let count = used.filter { $0 }.count
        throw args.error("argument \(unused + 2) is not used by the template: \(values.count) argument\(values.count == 1 ? "" : "s") given, \(count) used\(hint)")
    }

    static func apply(_ spec: String, to value: Value, _ args: Arguments) throws -> String {
        var s = Substring(spec)
        var align: Character = "<"
        if case .int = value { align = ">" }
        if case .float = value { align = ">" }
        if let first = s.first, "<>^".contains(first) { align = first; s = s.dropFirst() }
        let widthText = s.prefix { $0.isASCII && $0.isNumber }
        s = s.dropFirst(widthText.count)
        // Digits past Int's range are a width too large, not no width.
        let width = widthText.isEmpty ? 0 : Int(widthText) ?? Int.max
        var text = value.str
        if s.first == "." {
            guard let precision = Int(s.dropFirst()), (0...30).contains(precision) else { throw args.error("bad precision in '{:\(spec)}'") }
            text = try fixed(value, precision, args)
        } else if !s.isEmpty {
            throw args.error("bad format spec '{:\(spec)}'")
        }
        guard width <= 1000 else { throw args.error("width too large") }
        let pad = max(0, width - text.count)
        switch align {
        case ">": return String(repeating: " ", count: pad) + text
        case "^": return String(repeating: " ", count: pad / 2) + text + String(repeating: " ", count: pad - pad / 2)
        default: return text + String(repeating: " ", count: pad)
        }
    }

    /// `apply` over the bytes of an ASCII spec, appending to `out`: the same checks in the same
    /// order, so that both paths give the same text and the same errors. Strings and ints are
    /// written from where they are (no String made of them).
    static func applyASCII(_ spec: UnsafeBufferPointer<UInt8>, to value: Value, into out: inout ByteWriter, _ args: Arguments) throws {
        func specText() -> String { String(decoding: spec, as: UTF8.self) }
        var align = UInt8(ascii: "<")
        if case .int = value { align = UInt8(ascii: ">") }
        if case .float = value { align = UInt8(ascii: ">") }
        var i = 0
        if i < spec.count, spec[i] == UInt8(ascii: "<") || spec[i] == UInt8(ascii: ">") || spec[i] == UInt8(ascii: "^") {
            align = spec[i]
            i += 1
        }
        var width = 0
        while i < spec.count, spec[i] >= UInt8(ascii: "0"), spec[i] <= UInt8(ascii: "9") {
            let (times10, o1) = width.multipliedReportingOverflow(by: 10)
            let (sum, o2) = times10.addingReportingOverflow(Int(spec[i] - UInt8(ascii: "0")))
            width = o1 || o2 ? Int.max : sum
            i += 1
        }
        var piece: Piece
        switch value {
        case .string(let box): piece = .box(box)
        case .int(let n): piece = .int(n)
        default: piece = .text(value.str)
        }
        if i < spec.count, spec[i] == UInt8(ascii: ".") {
            let digits = String(decoding: UnsafeBufferPointer(rebasing: spec[(i + 1)...]), as: UTF8.self)
            guard let precision = Int(digits), (0...30).contains(precision) else { throw args.error("bad precision in '{:\(specText())}'") }
            piece = .text(try fixed(value, precision, args))
        } else if i < spec.count {
            throw args.error("bad format spec '{:\(specText())}'")
        }
        guard width <= 1000 else { throw args.error("width too large") }
        let pad = width == 0 ? 0 : max(0, width - piece.characters)
        switch align {
        case UInt8(ascii: ">"):
            out.appendSpaces(pad)
            piece.write(into: &out)
        case UInt8(ascii: "^"):
            out.appendSpaces(pad / 2)
            piece.write(into: &out)
            out.appendSpaces(pad - pad / 2)
        default:
            piece.write(into: &out)
            out.appendSpaces(pad)
        }
    }

    /// What a placeholder writes.
    private enum Piece {
        case box(StringBox)
        case int(Int)
        case text(String)

        var characters: Int {
            switch self {
            case .box(let box): return CharacterCount.of(box)
            case .int(let n): return StringInterpolation.decimalDigits(n)
            case .text(let text): return CharacterCount.of(text)
            }
        }

        func write(into out: inout ByteWriter) {
            switch self {
            case .box(let box): out.append(box)
            case .int(let n): out.appendDecimal(n)
            case .text(let text): out.append(text)
            }
        }
    }

    /// A number with `precision` digits after the point.
    private static func fixed(_ value: Value, _ precision: Int, _ args: Arguments) throws -> String {
        switch value {
        case .float(let f): return fixed(f, precision)
        case .int(let i): return fixed(Double(i), precision)
        default: throw args.error("precision applies to numbers, got \(value.typeName)")
        }
    }

    /// Fixed-point rendering without Foundation.
    static func fixed(_ x: Double, _ precision: Int) -> String {
        guard x.isFinite else { return Value.formatFloat(x) }
        var scale = 1.0
        for _ in 0..<precision { scale *= 10 }
        let negative = x < 0
        let scaled = (abs(x) * scale).rounded()
        guard scaled < 9e18 else { return "\(x)" }
        let n = Int(scaled)
        let whole = n / Int(scale)
        let fraction = n % Int(scale)
        var text = String(whole)
        if precision > 0 {
            let f = String(fraction)
            text += "." + String(repeating: "0", count: precision - f.count) + f
        }
        return (negative && scaled != 0 ? "-" : "") + text
    }
}

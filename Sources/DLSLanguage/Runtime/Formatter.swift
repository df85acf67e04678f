/// `format("{} has {:>5} ports", dev, n)`: `{}` takes the next argument, `{N}` argument N;
/// after `:` an optional alignment `<` `>` `^`, a width and `.P` precision for floats; `{{`/`}}` are braces.
enum Formatter {
    static func format(_ template: String, _ values: [Value], _ args: Arguments) throws -> String {
        if template.utf8.allSatisfy({ $0 < 0x80 }) { return try formatASCII(template, values, args) }
        return try formatCharacters(template, values, args)
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
                guard let i = Int(indexText) else { throw args.error("bad placeholder '{\(spec)}'") }
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
    /// runs are copied whole instead of character by character.
    static func formatASCII(_ template: String, _ values: [Value], _ args: Arguments) throws -> String {
        let open = UInt8(ascii: "{"), close = UInt8(ascii: "}")
        let bytes = template.utf8
        var out = ""
        out.reserveCapacity(bytes.count)
        var next = 0
        var used = [Bool](repeating: false, count: values.count)
        var i = bytes.startIndex
        var literal = i
        while i < bytes.endIndex {
            let c = bytes[i]
            guard c == open || c == close else {
                i = bytes.index(after: i)
                continue
            }
            out += template[literal..<i]
            let after = bytes.index(after: i)
            if c == close {
                guard after < bytes.endIndex, bytes[after] == close else { throw args.error("single '}' in format string (write '}}')") }
                out.append("}")
                i = bytes.index(after: after)
                literal = i
                continue
            }
            if after < bytes.endIndex, bytes[after] == open {
                out.append("{")
                i = bytes.index(after: after)
                literal = i
                continue
            }
            // As the general path: a placeholder without its '}' runs to the end of the template.
            var end = after
            while end < bytes.endIndex, bytes[end] != close { end = bytes.index(after: end) }
            let spec = template[after..<end]
            i = end < bytes.endIndex ? bytes.index(after: end) : end
            literal = i
            let colon = spec.utf8.firstIndex(of: UInt8(ascii: ":"))
            let indexText = spec[spec.startIndex..<(colon ?? spec.endIndex)]
            let index: Int
            if indexText.isEmpty {
                index = next
                next += 1
            } else {
                guard let n = Int(indexText) else { throw args.error("bad placeholder '{\(spec)}'") }
                index = n
            }
            guard index < values.count else {
                throw args.error("placeholder {\(spec)} needs argument \(index + 1), only \(values.count) given")
            }
            used[index] = true
            out += try apply(colon.map { String(spec[spec.index(after: $0)...]) } ?? "", to: values[index], args)
        }
        out += template[literal..<bytes.endIndex]
        try checkAllUsed(template, values, used: used, args)
        return out
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
        let widthText = s.prefix { $0.isNumber }
        s = s.dropFirst(widthText.count)
        let width = Int(widthText) ?? 0
        var text = value.str
        if s.first == "." {
            guard let precision = Int(s.dropFirst()), precision <= 30 else { throw args.error("bad precision in '{:\(spec)}'") }
            let number: Double
            switch value {
            case .float(let f): number = f
            case .int(let i): number = Double(i)
            default: throw args.error("precision applies to numbers, got \(value.typeName)")
            }
            text = fixed(number, precision)
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

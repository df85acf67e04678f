extension Arguments {
    /// The box of string argument `i` (its bytes, without making a String).
    func stringBox(_ i: Int) throws -> StringBox {
        guard case .string(let box) = self[i] else { throw error("argument \(i + 1) must be string, got \(self[i].typeName)") }
        return box
    }
}

/// Builtins on strings and slices.
extension Builtins {
    static var strings: [NativeFunction] { [
        NativeFunction("starts_with", arity: 2...2) { args in .bool(PlainText.hasPrefix(try args.stringBox(0), try args.stringBox(1))) },
        NativeFunction("ends_with", arity: 2...2) { args in .bool(PlainText.hasSuffix(try args.stringBox(0), try args.stringBox(1))) },
        NativeFunction("upper", arity: 1...1) { args in .string(PlainText.changingCase(try args.stringBox(0), upper: true)) },
        NativeFunction("lower", arity: 1...1) { args in .string(PlainText.changingCase(try args.stringBox(0), upper: false)) },
        NativeFunction("trim", arity: 1...1) { args in .string(PlainText.trim(try args.stringBox(0))) },
        NativeFunction("replace", arity: 3...3) { args in
            let s = try args.string(0), old = try args.string(1), new = try args.stringBox(2)
            guard !old.isEmpty else { throw args.error("the text to replace must not be empty") }
            let pieces = s.split(separator: old, omittingEmptySubsequences: false).map { Value.string(String($0)) }
            guard let joined = StringConcatenation.join(pieces, separator: new) else {
                throw args.error("result is too long (limit \(Limits.maxStringBytes) bytes)")
            }
            return .string(joined)
        },
        NativeFunction("slice", arity: 2...3) { args in
            // slice(x, start[, end]): like Python's x[start:end], negative indexes count from the end.
            func bounds(_ count: Int) throws -> Range<Int> {
                func clamp(_ i: Int) -> Int { min(max(i < 0 ? count + i : i, 0), count) }
                let start = clamp(try args.int(1))
                let end = args.count == 3 ? clamp(try args.int(2)) : count
                return start..<max(start, end)
            }
            switch args[0] {
            case .list(let l):
                return .list(ListObject(Array(l.items[try bounds(l.items.count)])))
            case .string(let box):
                return .string(PlainText.slice(box, try bounds(CharacterCount.of(box))))
            default:
                throw args.error("argument 1 must be a list or string, got \(args[0].typeName)")
            }
        },
        NativeFunction("fields", arity: 1...1) { args in
            switch args[0] {
            case .object(let box): return .list(ListObject(box.object.fieldNames.map { .string($0) }))
            case .map(let m): return .list(ListObject(m.entries.keys.map(\.value)))
            case .error: return .list(ListObject(["message", "errno", "value", "file", "line", "column", "notes"].map { .string($0) }))
            default: throw args.error("\(args[0].typeName) has no fields")
            }
        },
        NativeFunction("round", arity: 1...1) { args in
            switch args[0] {
            case .int: return args[0]
            case .float(let f):
                let r = f.rounded()
                guard r.isFinite, abs(r) < 9.2e18 else { throw args.error("\(f) does not round to an int") }
                return .int(Int(r))
            default: throw args.error("argument must be a number, got \(args[0].typeName)")
            }
        },
    ] }
}

import OrderedCollections

/// Builtins on lists, maps and strings.
extension Builtins {
    static func sequence(_ v: Value, _ args: Arguments) throws -> [Value] {
        switch v {
        case .list(let l): return l.items
        case .map(let m): return m.entries.keys.map(\.value)
        case .string(let box): return PlainText.characterList(box)
        default: throw args.error("expected a list, map or string, got \(v.typeName)")
        }
    }

    static func truth(_ v: Value, _ args: Arguments) throws -> Bool {
        guard case .bool(let b) = v else { throw args.error("the function must return a bool, got \(v.typeName)") }
        return b
    }

    static var collections: [NativeFunction] { [
        NativeFunction("len", arity: 1...1) { args in
            switch args[0] {
            case .list(let l): return .int(l.items.count)
            case .map(let m): return .int(m.entries.count)
            case .string(let box): return .int(CharacterCount.of(box))
            default: throw args.error("len of \(args[0].typeName) is undefined (lists, maps and strings have a length)")
            }
        },
        NativeFunction("range", arity: 1...3) { args in
            let a = args.count == 1 ? 0 : try args.int(0)
            let b = args.count == 1 ? try args.int(0) : try args.int(1)
            let step = args.count == 3 ? try args.int(2) : 1
            guard step != 0 else { throw args.error("step must not be 0") }
            // Counted before building: a stride's underestimatedCount is 0, so it cannot guard the size.
            guard let count = rangeCount(from: a, to: b, by: step), count <= Limits.maxListItems else {
                throw args.error("range(\(a), \(b), \(step)) is too large to make a list (limit \(Limits.maxListItems) items)")
            }
            return .list(ListObject(stride(from: a, to: b, by: step).map { .int($0) }))
        },
        NativeFunction("keys", arity: 1...1) { args in
            guard case .map(let m) = args[0] else { throw args.error("argument must be a map, got \(args[0].typeName)") }
            return .list(ListObject(m.entries.keys.map(\.value)))
        },
        NativeFunction("values", arity: 1...1) { args in
            guard case .map(let m) = args[0] else { throw args.error("argument must be a map, got \(args[0].typeName)") }
            return .list(ListObject(Array(m.entries.values)))
        },
        NativeFunction("append", arity: 2...Int.max, intrinsic: .append) { args in
            let list = try args.list(0)
            guard list.items.count + args.count - 1 <= Limits.maxListItems else {
                throw args.error("list of \(list.items.count + args.count - 1) items is too long (limit \(Limits.maxListItems) items)")
            }
            for i in 1..<args.count { list.items.append(args.take(i)) }
            // The list itself, so that `xs = append(xs, v)` (a habit from Go) keeps xs (issue 17: nil).
            return .list(list)
        },
        NativeFunction("pop", arity: 1...1) { args in
            let list = try args.list(0)
            guard let last = list.items.popLast() else { throw args.error("pop from an empty list") }
            return last
        },
        NativeFunction("contains", arity: 2...2) { args in
            switch args[0] {
            case .list(let l): return .bool(l.items.contains { Operators.equal($0, args[1]) })
            case .map(let m): return .bool(m.position(of: args[1]) != nil)
            case .string(let box):
                guard case .string(let t) = args[1] else { throw args.error("a string can only contain a string") }
                return .bool(PlainText.contains(box, t))
            default: throw args.error("first argument must be a list, map or string, got \(args[0].typeName)")
            }
        },
        NativeFunction("get", arity: 2...3) { args in
            switch args[0] {
            case .map(let m):
                guard let i = m.position(of: args[1]) else { return args[2] }
                return m.value(at: i)
            case .list(let l):
                guard case .int(let i) = args[1], i >= -l.items.count, i < l.items.count else { return args[2] }
                return l.items[i < 0 ? l.items.count + i : i]
            case .object(let box):
                guard let name = args[1].stringValue else { return args[2] }
                return box.object.field(name) ?? args[2]
            default: throw args.error("first argument must be a map, list or object, got \(args[0].typeName)")
            }
        },
        NativeFunction("filter", arity: 2...2) { args in
            var out: [Value] = []
            try args.callEach(args[1], try sequence(args[0], args)) { item, keep in
                if try truth(keep, args) { out.append(item) }
            }
            return .list(ListObject(out))
        },
        NativeFunction("map", arity: 2...2) { args in
            .list(ListObject(try args.results(args[1], try sequence(args[0], args))))
        },
        NativeFunction("sort", arity: 1...2) { args in
            var items = try sequence(args[0], args)
            var keys = items
            if args.count == 2 { keys = try args.results(args[1], items) }
            let order = try sortOrder(keys, args)
            items = order.map { items[$0] }
            return .list(ListObject(items))
        },
        NativeFunction("reverse", arity: 1...1) { args in .list(ListObject(try sequence(args[0], args).reversed())) },
        NativeFunction("join", arity: 1...2) { args in
            let list = try args.list(0)
            let separator = args.count == 2 ? try args.stringBox(1) : nil
            // Strings are joined as they are; only other values are turned into text first.
            let allStrings = list.items.allSatisfy { if case .string = $0 { true } else { false } }
            let joined = allStrings
                ? StringConcatenation.join(list.items, separator: separator)
                : StringConcatenation.join(list.items.map { Value.string($0.str) }, separator: separator)
            guard let joined else {
                throw args.error("result is too long (limit \(Limits.maxStringBytes) bytes)")
            }
            return .string(joined)
        },
        NativeFunction("split", arity: 1...2) { args in
            let box = try args.stringBox(0)
            if args.count == 1 {
                if let parts = ASCIISplit.splitAtBlanks(box) { return .list(ListObject(parts)) }
                return .list(ListObject(box.value.split(whereSeparator: { $0 == " " || $0 == "\t" || $0 == "\n" }).map { .string(String($0)) }))
            }
            let separatorBox = try args.stringBox(1)
            guard separatorBox.count > 0 else { throw args.error("separator must not be empty") }
            if let parts = ASCIISplit.split(box, separator: separatorBox) { return .list(ListObject(parts)) }
            return .list(ListObject(box.value.split(separator: separatorBox.value, omittingEmptySubsequences: false).map { .string(String($0)) }))
        },
        NativeFunction("min", arity: 1...Int.max) { args in try extreme(args, wantLess: true) },
        NativeFunction("max", arity: 1...Int.max) { args in try extreme(args, wantLess: false) },
    ] }

    /// The positions of `keys` in ascending order. Keys that are all ints or all strings are compared
    /// as such, without going through `Operators.ordering` per comparison; the order is the same
    /// (the same sort over the same relation).
    static func sortOrder(_ keys: [Value], _ args: Arguments) throws -> [Int] {
        if let ints = homogeneous(keys, { if case .int(let x) = $0 { x } else { nil } }) {
            return positionsInOrder(ints)
        }
        if let strings = homogeneous(keys, { if case .string(let x) = $0 { x } else { nil } }) {
            return StringBox.sortedOrder(strings)
        }
        for k in keys where Operators.ordering(k, keys[0]) == nil {
            throw args.error("cannot sort: values of type \(k.typeName) and \(keys[0].typeName) have no common order")
        }
        return keys.indices.sorted { (Operators.ordering(keys[$0], keys[$1]) ?? 0) < 0 }
    }

    /// Sorts (key, position) pairs, so that a comparison reads both keys beside each other instead
    /// of through the positions. The sort is stable: equal keys keep their positions' order.
    private static func positionsInOrder<T: Comparable>(_ keys: [T]) -> [Int] {
        var pairs = keys.enumerated().map { (key: $0.element, position: $0.offset) }
        pairs.sort { $0.key < $1.key }
        return pairs.map(\.position)
    }

    /// Every value's payload, or nil as soon as one value is of another kind.
    private static func homogeneous<T>(_ values: [Value], _ payload: (Value) -> T?) -> [T]? {
        var out: [T] = []
        out.reserveCapacity(values.count)
        for v in values {
            guard let x = payload(v) else { return nil }
            out.append(x)
        }
        return out
    }

    static func extreme(_ args: Arguments, wantLess: Bool) throws -> Value {
        let items = args.count == 1 ? try sequence(args[0], args) : args.all
        guard var best = items.first else { throw args.error("no values given") }
        for item in items.dropFirst() {
            guard let order = Operators.ordering(item, best) else {
                throw args.error("cannot compare \(item.typeName) with \(best.typeName)")
            }
            if wantLess ? order < 0 : order > 0 { best = item }
        }
        return best
    }
}

/// How many values `stride(from:to:by:)` yields, or nil when the count does not fit in an Int.
func rangeCount(from a: Int, to b: Int, by step: Int) -> Int? {
    guard step > 0 ? a < b : a > b else { return 0 }
    let (span, overflow) = step > 0 ? b.subtractingReportingOverflow(a) : a.subtractingReportingOverflow(b)
    guard !overflow else { return nil }
    let magnitude = step.magnitude
    return Int((UInt(span) - 1) / magnitude + 1)
}

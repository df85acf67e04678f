import Glibc
import Synchronization

/// Arithmetic, comparison and equality. Integers are 64-bit and overflow is an error.
enum Operators {
    static func typeError(_ op: BinaryOperator, _ a: Value, _ b: Value, at location: SourceLocation,
                          leftWhat: String?, rightWhat: String?) -> RuntimeError {
        var message = "cannot \(op.verb) \(a.typeName) and \(b.typeName)"
        if op.verb == "compare" { message = "cannot compare \(a.typeName) \(op.rawValue) \(b.typeName)" }
        let names = [leftWhat.map { "left: \($0)" }, rightWhat.map { "right: \($0)" }].compactMap { $0 }
        if !names.isEmpty { message += " (\(names.joined(separator: ", ")))" }
        if op == .add, case .string = a { message += "; convert with str() or use \"${...}\"" }
        return RuntimeError(message, at: location)
    }

    static func overflow(_ op: BinaryOperator, _ x: Int, _ y: Int, at location: SourceLocation) -> RuntimeError {
        RuntimeError("integer overflow: \(x) \(op.rawValue) \(y) does not fit in 64 bits", at: location)
    }

    static func binary(_ op: BinaryOperator, _ a: Value, _ b: Value, at location: SourceLocation,
                       leftWhat: String? = nil, rightWhat: String? = nil) throws -> Value {
        switch op {
        case .equal: return .bool(equal(a, b))
        case .notEqual: return .bool(!equal(a, b))
        case .less, .lessEqual, .greater, .greaterEqual:
            return .bool(try compare(op, a, b, at: location, leftWhat: leftWhat, rightWhat: rightWhat))
        default: break
        }
        switch (a, b) {
        case let (.int(x), .int(y)):
            return try integer(op, x, y, at: location)
        case let (.float(x), .float(y)):
            return try float(op, x, y, at: location)
        case let (.int(x), .float(y)):
            return try float(op, Double(x), y, at: location)
        case let (.float(x), .int(y)):
            return try float(op, x, Double(y), at: location)
        case let (.string(xb), .string(yb)) where op == .add:
            guard let joined = StringConcatenation.concatenate(xb, yb) else { throw Limits.stringTooLong(xb.count + yb.count, at: location) }
            return .string(joined)
        case let (.string(xb), .int(n)) where op == .multiply:
            let x = xb.value
            guard n >= 0 else { throw RuntimeError("string repetition count \(n) is negative", at: location) }
            // An overflowing product is too large too (its wrapped value could look small).
            let (bytes, overflow) = x.utf8.count.multipliedReportingOverflow(by: n)
            guard !overflow, bytes <= Limits.maxStringBytes else {
                throw RuntimeError("string of \(x.utf8.count) bytes repeated \(n) times is too long (limit \(Limits.maxStringBytes) bytes)", at: location)
            }
            return .string(String(repeating: x, count: n))
        case let (.list(x), .list(y)) where op == .add:
            let count = x.items.count + y.items.count
            guard count <= Limits.maxListItems else { throw Limits.listTooLong(count, at: location) }
            return .list(ListObject(x.items + y.items))
        case let (.rate(x), .rate(y)):
            switch op {
            case .add:
                let (sum, o) = x.bytesPerSecond.addingReportingOverflow(y.bytesPerSecond)
                if o { throw RuntimeError("rate overflow", at: location) }
                return .rate(Rate(bytesPerSecond: sum))
            case .subtract:
                guard x.bytesPerSecond >= y.bytesPerSecond else {
                    throw RuntimeError("rate subtraction below zero: \(x.formatted()) - \(y.formatted())", at: location)
                }
                return .rate(Rate(bytesPerSecond: x.bytesPerSecond - y.bytesPerSecond))
            case .divide:
                guard y.bytesPerSecond != 0 else { throw RuntimeError("division by a zero rate", at: location) }
                return .float(Double(x.bytesPerSecond) / Double(y.bytesPerSecond))
            default: break
            }
        case let (.rate(r), .int(n)), let (.int(n), .rate(r)):
            if op == .multiply { return try scale(r, Double(n), exact: n, at: location) }
            if op == .divide, case .rate = a {
                guard n > 0 else { throw RuntimeError("rate divided by \(n)", at: location) }
                return .rate(Rate(bytesPerSecond: r.bytesPerSecond / UInt64(n)))
            }
        case let (.rate(r), .float(f)), let (.float(f), .rate(r)):
            if op == .multiply { return try scale(r, f, exact: nil, at: location) }
            if op == .divide, case .rate = a {
                guard f > 0 else { throw RuntimeError("rate divided by \(f)", at: location) }
                return try scale(r, 1 / f, exact: nil, at: location)
            }
        case let (.object(box), .int(n)) where op == .add || op == .subtract:
            guard let o = box.object as? any OffsettableHostObject else { break }
            guard op == .add || n != Int.min else { throw RuntimeError("integer overflow: -(\(n))", at: location) }
            do {
                return try o.offset(by: op == .add ? n : -n)
            } catch let failure as CommandFailure {
                throw RuntimeError(failure.message, at: location)
            }
        default:
            break
        }
        throw typeError(op, a, b, at: location, leftWhat: leftWhat, rightWhat: rightWhat)
    }

    static func scale(_ r: Rate, _ factor: Double, exact: Int?, at location: SourceLocation) throws -> Value {
        if let n = exact, n >= 0 {
            let (product, o) = r.bytesPerSecond.multipliedReportingOverflow(by: UInt64(n))
            if o { throw RuntimeError("rate overflow", at: location) }
            return .rate(Rate(bytesPerSecond: product))
        }
        let bytes = Double(r.bytesPerSecond) * factor
        guard bytes.isFinite, bytes >= 0, bytes < 18_446_744_073_709_551_616.0 else {
            throw RuntimeError("rate out of range after scaling by \(factor)", at: location)
        }
        return .rate(Rate(bytesPerSecond: UInt64(bytes)))
    }

    static func integer(_ op: BinaryOperator, _ x: Int, _ y: Int, at location: SourceLocation) throws -> Value {
        let result: (partialValue: Int, overflow: Bool)
        switch op {
        case .add: result = x.addingReportingOverflow(y)
        case .subtract: result = x.subtractingReportingOverflow(y)
        case .multiply: result = x.multipliedReportingOverflow(by: y)
        case .divide:
            guard y != 0 else { throw RuntimeError("division by zero", at: location) }
            result = x.dividedReportingOverflow(by: y)
        case .remainder:
            guard y != 0 else { throw RuntimeError("remainder by zero", at: location) }
            result = x.remainderReportingOverflow(dividingBy: y)
        default:
            throw RuntimeError("unsupported operator \(op.rawValue)", at: location)
        }
        if result.overflow { throw overflow(op, x, y, at: location) }
        return .int(result.partialValue)
    }

    static func float(_ op: BinaryOperator, _ x: Double, _ y: Double, at location: SourceLocation) throws -> Value {
        switch op {
        case .add: return .float(x + y)
        case .subtract: return .float(x - y)
        case .multiply: return .float(x * y)
        case .divide:
            guard y != 0 else { throw RuntimeError("division by zero", at: location) }
            return .float(x / y)
        case .remainder:
            guard y != 0 else { throw RuntimeError("remainder by zero", at: location) }
            return .float(fmod(x, y))
        default:
            throw RuntimeError("unsupported operator \(op.rawValue)", at: location)
        }
    }

    static func compare(_ op: BinaryOperator, _ a: Value, _ b: Value, at location: SourceLocation,
                        leftWhat: String? = nil, rightWhat: String? = nil) throws -> Bool {
        switch op {
        case .equal: return equal(a, b)
        case .notEqual: return !equal(a, b)
        default: break
        }
        guard let order = ordering(a, b) else {
            throw typeError(op, a, b, at: location, leftWhat: leftWhat, rightWhat: rightWhat)
        }
        switch op {
        case .less: return order < 0
        case .lessEqual: return order <= 0
        case .greater: return order > 0
        default: return order >= 0
        }
    }

    /// -1/0/1 for values that have an order (numbers, strings, rates), nil otherwise.
    static func ordering(_ a: Value, _ b: Value) -> Int? {
        func sign<T: Comparable>(_ x: T, _ y: T) -> Int { x < y ? -1 : (x == y ? 0 : 1) }
        switch (a, b) {
        case let (.int(x), .int(y)): return sign(x, y)
        case let (.float(x), .float(y)): return x.isNaN || y.isNaN ? nil : sign(x, y)
        case let (.int(x), .float(y)): return y.isNaN ? nil : sign(Double(x), y)
        case let (.float(x), .int(y)): return x.isNaN ? nil : sign(x, Double(y))
        case let (.string(x), .string(y)): return StringBox.order(x, y)
        case let (.rate(x), .rate(y)): return sign(x, y)
        default: return nil
        }
    }

    /// Structural equality. Lists and maps are compared with an explicit work list, not recursion,
    /// so a deep chain cannot overflow the stack; a pair of containers already being compared counts
    /// as equal, so values that contain themselves compare without looping.
    static func equal(_ a: Value, _ b: Value) -> Bool {
        // Scalars need neither the work list nor the set of pairs (both allocate).
        switch (a, b) {
        case (.list, .list), (.map, .map): break
        default: return scalarEqual(a, b)
        }
        var pending: [(Value, Value)] = [(a, b)]
        var seen = Set<ContainerPair>()
        while let (x, y) = pending.popLast() {
            switch (x, y) {
            case let (.list(l), .list(r)):
                guard l !== r, seen.insert(ContainerPair(l, r)).inserted else { continue }
                guard l.items.count == r.items.count else { return false }
                pending.append(contentsOf: zip(l.items, r.items))
            case let (.map(l), .map(r)):
                guard l !== r, seen.insert(ContainerPair(l, r)).inserted else { continue }
                guard l.entries.count == r.entries.count else { return false }
                for (k, v) in l.entries {
                    guard let w = r.entries[k] else { return false }
                    pending.append((v, w))
                }
            default:
                guard scalarEqual(x, y) else { return false }
            }
        }
        return true
    }

    /// Two containers compared against each other (identity of both).
    private struct ContainerPair: Hashable {
        let left: ObjectIdentifier
        let right: ObjectIdentifier
        init(_ l: AnyObject, _ r: AnyObject) { left = ObjectIdentifier(l); right = ObjectIdentifier(r) }
    }

    /// Equality of everything but lists and maps (which `equal` walks itself).
    private static func scalarEqual(_ a: Value, _ b: Value) -> Bool {
        switch (a, b) {
        case (.null, .null): return true
        case let (.bool(x), .bool(y)): return x == y
        case let (.int(x), .int(y)): return x == y
        case let (.float(x), .float(y)): return x == y
        case let (.int(x), .float(y)), let (.float(y), .int(x)): return Double(x) == y
        case let (.rate(x), .rate(y)): return x == y
        case let (.string(x), .string(y)): return StringBox.equal(x, y)
        case let (.function(x), .function(y)): return x === y
        case let (.native(x), .native(y)): return x === y
        case let (.object(x), .object(y)): return x.object.isEqual(to: y.object)
        case let (.error(x), .error(y)): return x === y
        default: return false
        }
    }

    static func unary(_ op: UnaryOperator, _ v: Value, at location: SourceLocation, what: String?) throws -> Value {
        switch (op, v) {
        case (.negate, .int(let x)):
            guard x != Int.min else { throw RuntimeError("integer overflow: -(\(x))", at: location) }
            return .int(-x)
        case (.negate, .float(let x)): return .float(-x)
        case (.not, .bool(let b)): return .bool(!b)
        default:
            let name = op == .negate ? "negate" : "apply '!' to"
            throw RuntimeError("cannot \(name) \(v.typeName)\(what.map { " (\($0))" } ?? "")", at: location)
        }
    }

    static func rangeList(_ low: Value, _ high: Value, inclusive: Bool, at location: SourceLocation) throws -> Value {
        guard case .int(let a) = low, case .int(let b) = high else {
            throw RuntimeError("range bounds must be int, got \(low.typeName) and \(high.typeName)", at: location)
        }
        let end = inclusive ? b : b - 1
        guard a <= end else { return .list(ListObject()) }
        let (count, o) = end.subtractingReportingOverflow(a)
        guard !o, count < Limits.maxListItems else {
            throw RuntimeError("range \(a)..\(b) is too large to make a list (limit \(Limits.maxListItems) items)", at: location)
        }
        return .list(ListObject((a...end).map { .int($0) }))
    }
}

/// Size limits that turn runaway scripts into errors instead of exhausting memory. Embedders (and
/// the fuzz targets) may lower them before running scripts; they apply to every interpreter.
public enum Limits {
    /// Most items one list may hold.
    public static var maxListItems: Int {
        get { listItems.load(ordering: .relaxed) }
        set { listItems.store(newValue, ordering: .relaxed) }
    }
    /// Most bytes (UTF-8) one string may hold.
    public static var maxStringBytes: Int {
        get { stringBytes.load(ordering: .relaxed) }
        set { stringBytes.store(newValue, ordering: .relaxed) }
    }

    /// Largest file `read_file` and `import` read.
    public static var maxFileBytes: Int {
        get { fileBytes.load(ordering: .relaxed) }
        set { fileBytes.store(newValue, ordering: .relaxed) }
    }

    private static let listItems = Atomic<Int>(50_000_000)
    private static let fileBytes = Atomic<Int>(64 << 20)
    private static let stringBytes = Atomic<Int>(1 << 30)

    static func stringTooLong(_ bytes: Int, at location: SourceLocation?) -> RuntimeError {
        RuntimeError("string of \(bytes) bytes is too long (limit \(maxStringBytes) bytes)", at: location)
    }

    static func listTooLong(_ items: Int, at location: SourceLocation?) -> RuntimeError {
        RuntimeError("list of \(items) items is too long (limit \(maxListItems) items)", at: location)
    }
}

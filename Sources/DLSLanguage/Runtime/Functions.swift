/// A compiled function body and what a call needs to set up its frame.
final class FunctionProto {
    let name: String
    let parameters: [String]
    let location: SourceLocation
    /// Frame size: slot 0 holds the callee, parameters follow, then locals.
    @exclusivity(unchecked) var slotCount: Int = 1
    var body: Exec = { _, _ in .next }
    /// Where each captured variable comes from in the enclosing frame.
    @exclusivity(unchecked) var captures: [CaptureSource] = []

    init(name: String, parameters: [String], location: SourceLocation) {
        self.name = name
        self.parameters = parameters
        self.location = location
    }
}

enum CaptureSource {
    case local(Int)
    case capture(Int)
}

/// A user function value: its code plus the variables it closed over.
public final class FunctionObject {
    let proto: FunctionProto
    let captures: [Cell]
    // Copied from the proto so a call reads them without touching (and retaining) the proto.
    let body: Exec
    let slotCount: Int
    let arity: Int
    let hasCaptures: Bool

    init(proto: FunctionProto, captures: [Cell]) {
        self.proto = proto
        self.captures = captures
        self.body = proto.body
        self.slotCount = proto.slotCount
        self.arity = proto.parameters.count
        self.hasCaptures = !captures.isEmpty
    }

    public var name: String { proto.name }
    public var parameters: [String] { proto.parameters }
}

/// A function written in Swift (builtins, host queries such as `ports()`).
public final class NativeFunction {
    public let name: String
    /// Accepted number of positional arguments.
    public let arity: ClosedRange<Int>
    /// Accepted named arguments (`ports(dev, flavour: "pcisf")`).
    public let labels: Set<String>
    /// `name(ARGS): what it does`, for `:help name` (see `Builtins.help`).
    public var help: String?
    let body: (inout Arguments) throws -> Value
    /// Set on builtins whose common case the interpreter runs inline (see Interpreter.callNative).
    let intrinsic: Intrinsic?

    enum Intrinsic {
        /// `append(list, value)`
        case append
    }

    public convenience init(_ name: String, arity: ClosedRange<Int>, labels: Set<String> = [],
                            _ body: @escaping (inout Arguments) throws -> Value) {
        self.init(name, arity: arity, labels: labels, intrinsic: nil, body)
    }

    init(_ name: String, arity: ClosedRange<Int>, labels: Set<String> = [], intrinsic: Intrinsic?,
         _ body: @escaping (inout Arguments) throws -> Value) {
        self.name = name
        self.arity = arity
        self.labels = labels
        self.intrinsic = intrinsic
        self.body = body
    }
}

/// The arguments of a native call, read in place from the interpreter's stack.
public struct Arguments {
    // Not retained: the arguments never outlive the call, and the interpreter may carry a side
    // table (weak references) that makes every retain of it take the slow path.
    public unowned(unsafe) let interpreter: Interpreter
    let base: UnsafeMutablePointer<Value>
    public let count: Int
    /// Labelled arguments; nil (not an empty dictionary) when there are none, which is nearly always.
    let namedStorage: [String: Value]?
    public var named: [String: Value] { namedStorage ?? [:] }
    public let location: SourceLocation
    /// Not retained either (the caller holds it for the call); its name is read only for errors.
    unowned(unsafe) let function: NativeFunction
    public var functionName: String { function.name }

    public subscript(_ i: Int) -> Value { i < count ? base[i] : .null }

    /// Moves argument `i` out (leaving nil), saving a retain/release when the callee keeps it.
    public func take(_ i: Int) -> Value {
        guard i < count else { return .null }
        let value = (base + i).move()
        (base + i).initialize(to: .null)
        return value
    }

    public var all: [Value] { (0..<count).map { base[$0] } }

    /// An error pointing at the call, prefixed with the function's name.
    public func error(_ message: String) -> RuntimeError {
        RuntimeError("\(functionName)(): \(message)", at: location)
    }

    public func int(_ i: Int, _ what: String = "argument") throws -> Int {
        guard case .int(let v) = self[i] else { throw error("\(what) \(i + 1) must be int, got \(self[i].typeName)") }
        return v
    }

    public func string(_ i: Int, _ what: String = "argument") throws -> String {
        guard case .string(let v) = self[i] else { throw error("\(what) \(i + 1) must be string, got \(self[i].typeName)") }
        return v.value
    }

    public func list(_ i: Int) throws -> ListObject {
        guard case .list(let v) = self[i] else { throw error("argument \(i + 1) must be list, got \(self[i].typeName)") }
        return v
    }

    /// Calls a dls function value given as an argument (for `map`, `filter`, `sort`).
    public func call(_ function: Value, _ arguments: [Value]) throws -> Value {
        try interpreter.call(function, arguments, at: location)
    }

    /// Calls a dls function value once per item (see `Interpreter.callEach`).
    func callEach(_ function: Value, _ items: [Value], _ each: (Value, Value) throws -> Void) throws {
        try interpreter.callEach(function, items, at: location, each)
    }

    /// The function's result for each item, in order.
    func results(_ function: Value, _ items: [Value]) throws -> [Value] {
        var out: [Value] = []
        out.reserveCapacity(items.count)
        try interpreter.callEach(function, items, at: location) { _, result in out.append(result) }
        return out
    }

    /// The same with one argument, without an argument array.
    public func call(_ function: Value, one argument: Value) throws -> Value {
        try interpreter.call(function, one: argument, at: location)
    }
}

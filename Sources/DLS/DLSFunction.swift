import DLSLanguage

/// A dls function or builtin handed to Swift (a callback a script passed to a native function, or
/// a global read with `DLSEngine.global`). Call it with `DLSEngine.call(_:_:)` on the engine it
/// came from, or `DLSCall.call(_:_:)` inside a native function.
public final class DLSFunction: @unchecked Sendable, Equatable, CustomStringConvertible {
    // @unchecked: it only carries the script value; it is used on the engine's thread, by the engine.
    let value: Value

    init(_ value: Value) { self.value = value }

    /// The function's name (`<anonymous>` for closures without one).
    public var name: String {
        switch value {
        case .function(let f): return f.name
        case .native(let n): return n.name
        default: return "?"
        }
    }

    /// `<fn name>` or `<builtin name>`, as scripts print it.
    public var description: String { value.str }

    /// The same function object.
    public static func == (a: DLSFunction, b: DLSFunction) -> Bool {
        switch (a.value, b.value) {
        case (.function(let x), .function(let y)): return x === y
        case (.native(let x), .native(let y)): return x === y
        default: return false
        }
    }
}

/// Keeps the script object a `DLSObject` was read from (objects are immutable snapshots).
final class HostObjectBox: @unchecked Sendable {
    let object: any HostObject
    init(_ object: any HostObject) { self.object = object }
}

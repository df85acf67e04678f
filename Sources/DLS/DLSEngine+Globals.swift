import DLSLanguage

/// Global variables: what a script defined, what the host sets before a run.
extension DLSEngine {
    /// Names of the defined globals, builtins included, in definition order.
    public var globalNames: [String] { interpreter.globalNames }

    /// What a builtin function does (`read_file(PATH): the file's text ...`), or nil when `name` is
    /// not a function with a help text.
    public func functionHelp(_ name: String) -> String? {
        guard case .native(let function)? = interpreter.global(name) else { return nil }
        return function.help
    }

    /// Every builtin with a help text, one line each, by name (`:help builtins`).
    public var functionHelpIndex: String {
        globalNames.sorted().compactMap(functionHelp).joined(separator: "\n")
    }

    /// A global's value, or nil when it is not defined.
    public func global(_ name: String) -> DLSValue? {
        interpreter.global(name).map(bridge.swiftValue)
    }

    /// Defines or replaces a global (`args`, a configuration map, ...). Lists and maps are copied in.
    public func setGlobal(_ name: String, _ value: DLSValue) {
        interpreter.setGlobal(name, bridge.scriptValue(value))
    }

    /// Defines or replaces a global from a Swift value (`engine.setGlobal("count", 4)`).
    public func setGlobal<T: DLSValueConvertible>(_ name: String, _ value: T) {
        setGlobal(name, value.dlsValue)
    }

    /// Sets `args`, the list of strings a script sees as its command-line arguments.
    public func setArguments(_ arguments: [String]) {
        setGlobal("args", arguments.dlsValue)
    }

    /// A global's value as the REPL echoes it (`"text"` quoted, lists in brackets, objects in their
    /// devlink form), without converting it; nil when it is not defined.
    public func describeGlobal(_ name: String) -> String? {
        guard var value = interpreter.global(name) else { return nil }
        if case .cell(let c) = value { value = c.value }
        return value.repr
    }

    /// Field names of the value a path of names reaches (`["sf", "function"]` → `hw_addr`, `state`,
    /// ...): object fields, string keys of maps, an error's fields. Runs no script code (for Tab
    /// completion).
    public func fieldNames(of path: [String]) -> [String] {
        guard let first = path.first, var value = interpreter.global(first) else { return [] }
        for name in path.dropFirst() {
            guard let next = DLSEngine.field(of: value, name) else { return [] }
            value = next
        }
        switch DLSEngine.unboxed(value) {
        case .object(let o): return o.object.fieldNames
        case .map(let m): return m.entries.keys.compactMap { $0.stringValue }
        case .error: return ["message", "errno", "value", "location"]
        default: return []
        }
    }

    private static func field(of value: Value, _ name: String) -> Value? {
        switch unboxed(value) {
        case .object(let o): return o.object.field(name)
        case .map(let m): return m.entries[.string(name)]
        case .error(let e) where name == "value": return e.value
        default: return nil
        }
    }

    private static func unboxed(_ value: Value) -> Value {
        if case .cell(let c) = value { return c.value }
        return value
    }
}

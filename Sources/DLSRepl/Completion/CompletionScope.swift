/// What the interpreter tells the completion engine: the names in scope and the fields of values.
public protocol CompletionScope: AnyObject {
    /// Global variables and functions (builtins included).
    func globalNames() -> [ScopeName]
    /// Field names of the value reached by a path: `["sf", "function"]` → `["hw_addr", "state", ...]`.
    /// Empty when the path names nothing or a value without fields. Must not run user code.
    func fieldNames(of path: [String]) -> [String]
}

public struct ScopeName: Equatable, Hashable, Sendable {
    public enum Kind: Sendable { case variable, function }
    public var name: String
    public var kind: Kind

    public init(_ name: String, _ kind: Kind) {
        self.name = name
        self.kind = kind
    }
}

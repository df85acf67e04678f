import CLibEdit

/// Where the REPL writes: results to `out`, errors to `err`. Standard streams by default; tests
/// capture. Standard output goes through the same `FILE*` as libedit so their order holds.
public struct ReplOutput: Sendable {
    public var out: @Sendable (String) -> Void
    public var err: @Sendable (String) -> Void

    public init(out: @escaping @Sendable (String) -> Void, err: @escaping @Sendable (String) -> Void) {
        self.out = out
        self.err = err
    }

    public static let standard = ReplOutput(out: { shim_out($0) }, err: { shim_err($0) })

    func line(_ s: String) { out(s.hasSuffix("\n") ? s : s + "\n") }
    func error(_ s: String) { err(s.hasSuffix("\n") ? s : s + "\n") }
}

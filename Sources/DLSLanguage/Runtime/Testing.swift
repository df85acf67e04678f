/// A `test "name" { }` block collected while a file ran.
public struct RegisteredTest {
    public let name: String
    /// The test body as a function of no arguments.
    public let function: Value
    public let location: SourceLocation
}

/// What a command host offers for `transaction { }`: nestable all-or-nothing groups of changes.
public protocol TransactionSupport: AnyObject {
    /// Starts a transaction (possibly inside another) and returns its token.
    func beginTransaction() throws -> Int
    /// Keeps the changes made since `beginTransaction` returned `token`.
    func commitTransaction(_ token: Int) throws
    /// Undoes every change made since `beginTransaction` returned `token`, newest first.
    /// Returns a description of each step that could not be undone (empty when all were).
    func rollbackTransaction(_ token: Int) -> [String]
}

extension Interpreter {
    /// Runs the registered `setup` blocks, then one test. Call on a large stack (see `LargeStack`).
    public func runTest(_ test: RegisteredTest) throws(ScriptFailure) {
        do {
            for setup in setups { _ = try call(setup, [], at: test.location) }
            _ = try call(test.function, [], at: test.location)
        } catch let error as RuntimeError {
            throw .runtime(error)
        } catch {
            throw .runtime(RuntimeError("\(error)", at: test.location))
        }
    }

    /// The `topology "..."` a source declares at its top level, found without running it.
    public static func declaredTopology(in source: String, commandWords: Set<String> = []) -> String? {
        let (program, _) = Parser.parse(source, file: "<scan>", commandWords: commandWords)
        for statement in program.statements {
            if case .topology(let file) = statement.kind { return file }
        }
        return nil
    }
}

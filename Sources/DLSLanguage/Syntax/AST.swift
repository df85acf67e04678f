/// The syntax tree produced by the Parser and consumed by the Compiler.
public struct Expr: Sendable {
    public var kind: ExprKind
    public var location: SourceLocation
}

public enum BinaryOperator: String, Sendable {
    case add = "+", subtract = "-", multiply = "*", divide = "/", remainder = "%"
    case equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="

    var verb: String {
        switch self {
        case .add: return "add"
        case .subtract: return "subtract"
        case .multiply: return "multiply"
        case .divide: return "divide"
        case .remainder: return "take the remainder of"
        default: return "compare"
        }
    }
}

public enum UnaryOperator: String, Sendable { case negate = "-", not = "!" }

public struct CallArgument: Sendable {
    public var label: String?
    public var value: Expr
}

public enum InterpolationPart: Sendable {
    case text(String)
    case expr(Expr)
}

public indirect enum ExprKind: Sendable {
    case nilLiteral
    case bool(Bool)
    case int(Int)
    case float(Double)
    case rate(UInt64)
    case string(String)
    case interpolated([InterpolationPart])
    case variable(String)
    case list([Expr])
    case map([(key: Expr, value: Expr)])
    case unary(UnaryOperator, Expr)
    case binary(BinaryOperator, Expr, Expr)
    case and(Expr, Expr)
    case or(Expr, Expr)
    case range(Expr, Expr, inclusive: Bool)
    case call(Expr, [CallArgument])
    case index(Expr, Expr)
    case field(Expr, String)
    case function(FunctionDecl)
    case command(CommandCall)
}

public struct FunctionDecl: Sendable {
    public var name: String?
    public var parameters: [String]
    public var body: Block
    public var location: SourceLocation
}

public struct Block: Sendable {
    public var statements: [Stmt]
    public var location: SourceLocation
}

/// A command line: shell-like words handed to the CommandHost.
public struct CommandCall: Sendable {
    public var words: [CommandWord]
    public var location: SourceLocation
}

public struct CommandWord: Sendable {
    public var parts: [WordPart]
    public var location: SourceLocation
}

public enum WordPart: Sendable {
    case text(String)
    case expr(Expr)
}

public struct Stmt: Sendable {
    public var kind: StmtKind
    public var location: SourceLocation
}

public indirect enum StmtKind: Sendable {
    case expression(Expr)
    /// A command line on its own: its result is displayed the way the host formats it.
    case command(CommandCall)
    case `let`(String, Expr?)
    case assign(target: Expr, op: BinaryOperator?, value: Expr)
    case function(FunctionDecl)
    case `if`([(condition: Expr, body: Block)], elseBody: Block?)
    case `while`(Expr, Block)
    case `for`([String], Expr, Block)
    case `return`(Expr?)
    case `break`
    case `continue`
    case `try`(Block, catchName: String?, Block)
    case `throw`(Expr)
    case assert(Expr, Expr?)
    case block(Block)
    /// `test "name" { }`: registered when run, executed by a test runner (`dls test`).
    case test(String, Block)
    /// `setup { }`: runs before each test of the file.
    case setup(Block)
    /// `topology "file.json"`: the device topology the file's tests run on.
    case topology(String)
    /// `expect_error EEXIST { }` / `expect_error "substring" { }`: the block must fail that way.
    case expectError(ErrorExpectation, Block)
    /// `transaction { }`: all of the block's device changes, or none.
    case transaction(Block)
    /// `import "lib/common.dls" as common`: the module's top-level names under `common.`.
    case `import`(ImportDecl)
}

public struct ImportDecl: Sendable {
    /// The path as written (relative to the importing file).
    public var path: String
    public var name: String
    /// Where the path string is, for errors about the file.
    public var pathLocation: SourceLocation
}

public enum ErrorExpectation: Sendable, Equatable {
    case errno(String)
    case messageContaining(String)
}

/// A parsed source file or REPL input.
public struct Program: Sendable {
    public var statements: [Stmt]
    public var source: SourceText
}

/// Lexical tokens of the expression language. Command lines are scanned separately, as words.
public enum Keyword: String, Sendable, CaseIterable {
    case `let`, fn, `if`, `else`, `while`, `for`, `in`, `return`, `break`, `continue`
    case `true`, `false`, `nil`, `try`, `catch`, `throw`, assert
}

public enum Symbol: String, Sendable, CaseIterable {
    case lparen = "(", rparen = ")", lbracket = "[", rbracket = "]", lbrace = "{", rbrace = "}"
    case comma = ",", dot = ".", colon = ":", semicolon = ";"
    case assign = "=", equal = "==", notEqual = "!=", less = "<", lessEqual = "<=", greater = ">", greaterEqual = ">="
    case plus = "+", minus = "-", star = "*", slash = "/", percent = "%", bang = "!"
    case and = "&&", or = "||", range = "..", rangeExclusive = "..<"
    case plusAssign = "+=", minusAssign = "-=", starAssign = "*=", slashAssign = "/=", percentAssign = "%="
}

/// One piece of a double-quoted string: literal text or an embedded `${expr}` (source + where it starts).
public enum StringPiece: Sendable, Equatable {
    case text(String)
    case code(String, SourceLocation)
}

public enum TokenKind: Sendable, Equatable {
    case identifier(String)
    case keyword(Keyword)
    case int(Int)
    case float(Double)
    case rate(UInt64, String)
    case string([StringPiece])
    case symbol(Symbol)
    case newline
    case eof
    case error(String)
}

public struct Token: Sendable {
    public var kind: TokenKind
    public var location: SourceLocation
    /// Byte offsets of the token in the source (start inclusive, end exclusive).
    public var start: Int
    public var end: Int
}

extension TokenKind {
    /// How the token reads in an error message: `'}'`, `identifier 'x'`, `end of input`.
    var quoted: String {
        switch self {
        case .identifier(let n): return "identifier '\(n)'"
        case .keyword(let k): return "'\(k.rawValue)'"
        case .int(let v): return "number \(v)"
        case .float(let v): return "number \(v)"
        case .rate(_, let text): return "rate \(text)"
        case .string: return "string"
        case .symbol(let s): return "'\(s.rawValue)'"
        case .newline: return "end of line"
        case .eof: return "end of input"
        case .error(let m): return m
        }
    }
}

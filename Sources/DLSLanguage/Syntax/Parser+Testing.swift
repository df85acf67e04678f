/// Statements for test scenarios and transactions. Their words are contextual, not reserved:
/// `test`, `setup`, `topology`, `transaction` and `expect_error` stay usable as names.
extension Parser {
    /// Plain text of a string token without interpolation, or nil.
    func plainString(_ kind: TokenKind) -> String? {
        guard case .string(let pieces) = kind, pieces.count == 1, case .text(let text) = pieces[0] else { return nil }
        return text
    }

    mutating func parseTestingStatement() throws -> StmtKind? {
        guard case .identifier(let word) = current.kind else { return nil }
        let next = peekKindAfterCurrent()
        let line = current.location.line
        switch word {
        case "test":
            guard case .string = next else { return nil }
            advance()
            guard let name = plainString(current.kind) else { throw error("a test name must be a plain string (no ${...})") }
            advance()
            return .test(name, try parseBlock("test", line: line))
        case "setup" where next == .symbol(.lbrace):
            advance()
            return .setup(try parseBlock("setup", line: line))
        case "transaction" where next == .symbol(.lbrace):
            advance()
            return .transaction(try parseBlock("transaction", line: line))
        case "topology":
            guard case .string = next else { return nil }
            advance()
            guard let file = plainString(current.kind) else { throw error("the topology must be a plain string (no ${...})") }
            advance()
            return .topology(file)
        case "expect_error":
            guard case .identifier = next else {
                guard case .string = next else { return nil }
                advance()
                guard let text = plainString(current.kind) else { throw error("expect_error takes a plain string (no ${...})") }
                advance()
                return .expectError(.messageContaining(text), try parseBlock("expect_error", line: line))
            }
            advance()
            guard case .identifier(let name) = current.kind else { return nil }
            advance()
            return .expectError(.errno(name), try parseBlock("expect_error", line: line))
        default:
            return nil
        }
    }
}

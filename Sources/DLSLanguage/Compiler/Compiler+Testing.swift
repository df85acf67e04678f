/// `test`, `setup`, `topology`, `expect_error` and `transaction`.
extension Compiler {
    func compileTestingStatement(_ stmt: Stmt) -> Exec {
        let exec = compileTestingStatementBody(stmt)
        switch stmt.kind {
        case .test, .setup, .topology:
            // In a module: compiled for its errors, not registered (an imported file's tests are its own).
            return isModule ? { _, _ in .next } : exec
        default:
            return exec
        }
    }

    private func compileTestingStatementBody(_ stmt: Stmt) -> Exec {
        let location = stmt.location
        switch stmt.kind {
        case .test(let name, let body):
            guard requireTopLevel("test", at: location) else { return { _, _ in .next } }
            let make = compileFunction(FunctionDecl(name: "test \"\(name)\"", parameters: [], body: body, location: location))
            return { interp, base in
                interp.tests.append(RegisteredTest(name: name, function: try make(interp, base), location: location))
                return .next
            }
        case .setup(let body):
            guard requireTopLevel("setup", at: location) else { return { _, _ in .next } }
            let make = compileFunction(FunctionDecl(name: "setup", parameters: [], body: body, location: location))
            return { interp, base in
                interp.setups.append(try make(interp, base))
                return .next
            }
        case .topology(let file):
            guard requireTopLevel("topology", at: location) else { return { _, _ in .next } }
            return { interp, _ in
                interp.topologyFile = file
                return .next
            }
        case .expectError(let expectation, let block):
            return compileExpectError(expectation, block, at: location)
        case .transaction(let block):
            return compileTransaction(block, at: location)
        default:
            return { _, _ in .next }
        }
    }

    private func requireTopLevel(_ what: String, at location: SourceLocation) -> Bool {
        guard context.declaresGlobals else {
            report("'\(what)' belongs at the top level of a file", at: location)
            return false
        }
        return true
    }

    private func compileExpectError(_ expectation: ErrorExpectation, _ block: Block, at location: SourceLocation) -> Exec {
        let body = compileBlock(block)
        let wanted: String
        switch expectation {
        case .errno(let name): wanted = "error \(name)"
        case .messageContaining(let text): wanted = "an error containing \(Value.quote(text))"
        }
        return { interp, base in
            do {
                _ = try body(interp, base)
            } catch let error as RuntimeError where error.kind == .error {
                let matches: Bool
                switch expectation {
                case .errno(let name): matches = error.errno == name
                case .messageContaining(let text): matches = error.message.contains(text) || error.notes.contains { $0.contains(text) }
                }
                if matches { return .next }
                let got = (error.errno.map { "\($0): " } ?? "") + error.message
                throw RuntimeError("expected \(wanted), got \(got)", at: location,
                                   notes: error.location.map { ["(raised at \($0))"] } ?? [])
            }
            throw RuntimeError("expected \(wanted), but the block succeeded", at: location)
        }
    }

    private func compileTransaction(_ block: Block, at location: SourceLocation) -> Exec {
        let body = compileBlock(block)
        return { interp, base in
            guard let transactions = interp.host as? TransactionSupport else {
                throw RuntimeError("'transaction' needs a device session (no command host supports transactions)", at: location)
            }
            let token: Int
            do {
                token = try transactions.beginTransaction()
            } catch {
                throw RuntimeError("cannot start a transaction: \(error)", at: location)
            }
            do {
                let flow = try body(interp, base)
                try transactions.commitTransaction(token)
                return flow
            } catch var error as RuntimeError {
                let failures = transactions.rollbackTransaction(token)
                error.notes.append(failures.isEmpty ? "transaction rolled back: no changes were kept"
                                                    : "transaction rolled back, but \(failures.count) step\(failures.count == 1 ? "" : "s") could not be undone:")
                error.notes += failures.map { "  \($0)" }
                throw error
            }
        }
    }
}

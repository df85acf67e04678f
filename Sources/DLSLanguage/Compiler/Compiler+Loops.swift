/// `for x in ...` over ranges (without building a list), lists, maps and strings.
extension Compiler {
    func compileFor(_ names: [String], _ iterable: Expr, _ block: Block, at location: SourceLocation) -> Exec {
        // A literal range is iterated directly, without building a list.
        if case .range(let lowExpr, let highExpr, let inclusive) = iterable.kind, names.count == 1 {
            let low = compileExpression(lowExpr), high = compileExpression(highExpr)
            return inScope {
                let slot = context.newSlot(names[0])
                let body = compileLoopBody(block)
                return rangeLoop(slot: slot, low, high, inclusive, body, at: location, iterableAt: iterable.location)
            }
        }
        let source = compileExpression(iterable)
        return inScope {
            let slots = names.map { context.newSlot($0) }
            let body = compileLoopBody(block)
            return collectionLoop(slots: slots, source, body, at: location, iterableAt: iterable.location)
        }
    }

    private func compileLoopBody(_ block: Block) -> Exec {
        context.loopDepth += 1
        defer { context.loopDepth -= 1 }
        return compileStatements(block.statements, topLevel: false)
    }

    private func rangeLoop(slot: Int, _ low: @escaping Eval, _ high: @escaping Eval, _ inclusive: Bool,
                           _ body: @escaping Exec, at location: SourceLocation, iterableAt: SourceLocation) -> Exec {
        { interp, base in
            guard case .int(let a) = try low(interp, base), case .int(let b) = try high(interp, base) else {
                throw RuntimeError("range bounds must be int", at: iterableAt)
            }
            let end = inclusive ? b : b - 1
            guard a <= end else { return .next }
            var i = a
            while true {
                try interp.tick(location)
                base[slot] = .int(i)
                switch try body(interp, base) {
                case .breakLoop: return .next
                case .returned(let v): return .returned(v)
                default: break
                }
                if i == end { return .next }
                i += 1
            }
        }
    }

    private func collectionLoop(slots: [Int], _ source: @escaping Eval, _ body: @escaping Exec,
                                at location: SourceLocation, iterableAt: SourceLocation) -> Exec {
        { interp, base in
            func step(_ first: Value, _ second: Value?) throws -> Flow? {
                try interp.tick(location)
                if slots.count == 2 {
                    base[slots[0]] = first
                    base[slots[1]] = second ?? .null
                } else {
                    base[slots[0]] = second ?? first
                }
                switch try body(interp, base) {
                case .breakLoop: return .next
                case .returned(let v): return .returned(v)
                default: return nil
                }
            }
            let collection = try source(interp, base)
            switch collection {
            case .list(let list):
                // Iterates a snapshot: appending inside the loop does not extend it.
                for (i, item) in list.items.enumerated() {
                    if let flow = try step(.int(i), item) { return flow }
                }
            case .map(let map):
                for (key, value) in map.entries {
                    if slots.count == 2 {
                        if let flow = try step(key.value, value) { return flow }
                    } else if let flow = try step(key.value, nil) { return flow }
                }
            case .string(let s) where s.isPlain:
                for i in 0..<s.count {
                    if let flow = try step(.int(i), .string(PlainText.character(s, at: i))) { return flow }
                }
            case .string(let s):
                for (i, ch) in s.value.enumerated() {
                    if let flow = try step(.int(i), .string(String(ch))) { return flow }
                }
            default:
                throw RuntimeError("cannot iterate over \(collection.typeName) (for works on ranges, lists, maps and strings)", at: iterableAt)
            }
            return .next
        }
    }
}

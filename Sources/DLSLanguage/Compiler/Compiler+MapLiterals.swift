extension Compiler {
    /// A map literal whose keys are distinct constants (`{"sfnum": i, "name": n}`, the record shape
    /// scripts build by the thousand): the keys are made once, at compile time, and every map built
    /// shares their storage; only the values are evaluated and stored per map. Nil when a key is
    /// computed or repeated (then the general path evaluates keys in order and the last one wins).
    func compileConstantKeyMap(_ entries: [(key: Expr, value: Expr)]) -> Eval? {
        var keys: [MapKey] = []
        keys.reserveCapacity(entries.count)
        for entry in entries {
            let key: MapKey
            switch entry.key.kind {
            case .string(let text): key = .string(constantString(text))
            case .int(let number): key = .int(number)
            case .bool(let flag): key = .bool(flag)
            default: return nil
            }
            if keys.contains(key) { return nil }
            keys.append(key)
        }
        let shape = MapEntries(uncheckedUniqueKeys: keys, values: Array(repeating: .null, count: keys.count))
        let evals = entries.map { EvalBox(compileExpression($0.value)) }
        return { interp, base in
            var values: [Value] = []
            values.reserveCapacity(evals.count)
            for e in evals { values.append(try e.eval(interp, base)) }
            return .map(MapObject(shape.withValues(values)))
        }
    }
}

/// `x[i]`, `x.f` and their assignments on lists, maps, strings, errors and host objects.
enum Access {
    static func suffix(_ what: String?) -> String { what.map { " (\($0))" } ?? "" }

    static func listIndex(_ list: ListObject, _ key: Value, at location: SourceLocation, what: String?) throws -> Int {
        guard case .int(let i) = key else {
            throw RuntimeError("list index must be int, got \(key.typeName)\(suffix(what))", at: location)
        }
        let index = i < 0 ? list.items.count + i : i
        guard index >= 0 && index < list.items.count else {
            throw RuntimeError("index \(i) out of range: the list has \(list.items.count) item\(list.items.count == 1 ? "" : "s")\(suffix(what))", at: location)
        }
        return index
    }

    static func mapKey(_ key: Value, at location: SourceLocation) throws -> MapKey {
        guard let k = MapKey(key) else {
            throw RuntimeError("\(key.typeName) cannot be a map key", at: location)
        }
        return k
    }

    static func index(_ container: Value, _ key: Value, at location: SourceLocation, what: String?) throws -> Value {
        switch container {
        case .list(let list):
            return list.items[try listIndex(list, key, at: location, what: what)]
        case .map(let map):
            guard let i = map.position(of: key) else {
                _ = try mapKey(key, at: location)
                throw RuntimeError("map has no key \(key.repr)\(suffix(what)); use get(m, key, default) or contains(m, key)", at: location)
            }
            return map.value(at: i)
        case .string(let box):
            guard case .int(let i) = key else {
                throw RuntimeError("string index must be int, got \(key.typeName)", at: location)
            }
            let count = CharacterCount.of(box)
            let index = i < 0 ? count + i : i
            guard index >= 0 && index < count else {
                throw RuntimeError("index \(i) out of range: the string has \(count) characters\(suffix(what))", at: location)
            }
            return .string(PlainText.character(box, at: index))
        case .object(let box):
            let o = box.object
            guard let name = key.stringValue, let v = o.field(name) else {
                throw RuntimeError("\(o.typeName) has no field \(key.repr)\(suffix(what))", at: location)
            }
            return v
        default:
            throw RuntimeError("cannot index \(container.typeName)\(suffix(what))", at: location)
        }
    }

    static func setIndex(_ container: Value, _ key: Value, _ value: Value, at location: SourceLocation, what: String?) throws {
        switch container {
        case .list(let list):
            list.items[try listIndex(list, key, at: location, what: what)] = value
        case .map(let map):
            map.entries[try mapKey(key, at: location)] = value
        case .string:
            throw RuntimeError("strings cannot be changed in place\(suffix(what))", at: location)
        default:
            throw RuntimeError("cannot assign to an element of \(container.typeName)\(suffix(what))", at: location)
        }
    }

    /// `x[k] op= v`. On a map the key is found once and its value replaced in place (the values
    /// are copied only while a loop iterates them).
    static func updateIndex(_ container: Value, _ key: Value, _ op: BinaryOperator, _ operand: Value, at location: SourceLocation, what: String?) throws {
        if case .map(let map) = container, let i = map.position(of: key) {
            let old = map.value(at: i)
            if case .int(let x) = old, case .int(let y) = operand, let result = Compiler.intOperation(op, x, y) {
                map.entries.values[i] = .int(result)
                return
            }
            map.entries.values[i] = try Operators.binary(op, old, operand, at: location)
            return
        }
        let value = try Operators.binary(op, try index(container, key, at: location, what: what), operand, at: location)
        try setIndex(container, key, value, at: location, what: what)
    }

    /// `name` comes boxed from the compiler: the same box for every run of the access, so its hash
    /// is computed once.
    static func field(_ object: Value, _ fieldName: StringBox, at location: SourceLocation, what: String?) throws -> Value {
        if case .map(let map) = object, let i = map.position(ofString: fieldName) { return map.value(at: i) }
        var name: String { fieldName.value }
        switch object {
        case .map:
            throw RuntimeError("map has no key \"\(name)\"\(suffix(what))", at: location)
        case .object(let box):
            let o = box.object
            guard let v = o.field(name) else {
                throw RuntimeError("\(o.typeName) has no field '\(name)'\(suffix(what)); fields: \(o.fieldNames.joined(separator: ", "))", at: location)
            }
            return v
        case .error(let e):
            switch name {
            case "message": return .string(e.message)
            case "errno": return e.errno.map { .string($0) } ?? .null
            case "value": return e.value ?? .null
            case "file": return e.location.map { .string($0.file) } ?? .null
            case "line": return e.location.map { .int($0.line) } ?? .null
            case "column": return e.location.map { .int($0.column) } ?? .null
            case "notes": return .list(ListObject(e.notes.map { .string($0) }))
            default:
                throw RuntimeError("error has no field '\(name)'; fields: message, errno, value, file, line, column, notes", at: location)
            }
        case .null:
            throw RuntimeError("cannot read field '\(name)' of nil\(suffix(what))", at: location)
        default:
            throw RuntimeError("\(object.typeName) has no fields (reading '\(name)'\(what.map { " of \($0)" } ?? ""))", at: location)
        }
    }

    static func setField(_ object: Value, _ fieldName: StringBox, _ value: Value, at location: SourceLocation, what: String?) throws {
        var name: String { fieldName.value }
        switch object {
        case .map(let map):
            map.entries[.string(fieldName)] = value
        case .object(let box):
            if let module = box.object as? ModuleObject {
                throw RuntimeError("module \(module.path) is read-only: assign its names from inside it (call one of its functions)", at: location)
            }
            throw RuntimeError("fields of a \(box.object.typeName) are read-only; change it with a command\(suffix(what))", at: location)
        default:
            throw RuntimeError("cannot set field '\(name)' on \(object.typeName)\(suffix(what))", at: location)
        }
    }
}

import DLSLanguage

/// dls values for printed attributes, shared by the host objects.
enum FieldValues {
    static func value(_ field: Field) -> Value {
        switch field.value {
        case .string(let s): return .string(s)
        case .uint(let n): return n <= UInt64(Int.max) ? .int(Int(n)) : .float(Double(n))
        case .bool(let b): return .bool(b)
        case .rate(let r): return .rate(Rate(bytesPerSecond: r))
        case .object(let inner): return map(inner)
        }
    }

    /// A JSON-ready map: rates as byte counts, like devlink's JSON.
    static func map(_ fields: [Field]) -> Value {
        let m = MapObject()
        for f in fields {
            if case .rate(let r) = f.value {
                m.entries[.string(f.key)] = r <= UInt64(Int.max) ? .int(Int(r)) : .float(Double(r))
            } else {
                m.entries[.string(f.key)] = value(f)
            }
        }
        return .map(m)
    }

    /// The object's handle, then what devlink prints of it.
    static func map(handle: String, _ fields: [Field]) -> Value {
        map([Field("handle", .string(handle))] + fields)
    }
}

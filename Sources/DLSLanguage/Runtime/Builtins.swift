import Glibc
import OrderedCollections

/// The builtin functions every script has. Hosts add their own with `Interpreter.define`.
enum Builtins {
    static func install(in interpreter: Interpreter) {
        for f in core + collections + conversions + strings + system {
            f.help = help[f.name]
            interpreter.define(f)
        }
    }

    static var core: [NativeFunction] { [
        NativeFunction("print", arity: 0...Int.max) { args in
            let text = args.all.map(\.str).joined(separator: " ")
            args.interpreter.output.write(text + "\n")
            return .null
        },
        NativeFunction("type", arity: 1...1) { args in .string(args[0].typeName) },
        NativeFunction("json", arity: 1...2) { args in
            var indent: Int?
            switch args[1] {
            case .null, .bool(false): indent = nil
            case .bool(true): indent = 2
            case .int(let n) where n >= 0 && n <= 16: indent = n
            default: throw args.error("second argument is the indent: true or a number 0...16")
            }
            return .string(try JSONWriter.box(args[0], indent: indent))
        },
        NativeFunction("format", arity: 1...Int.max) { args in
            .string(try Formatter.format(try args.stringBox(0), UnsafeBufferPointer(start: args.base + 1, count: args.count - 1), args))
        },
        NativeFunction("sleep", arity: 1...1) { args in
            let seconds = try args.sleepSeconds(0)
            // Sleep in short slices so Ctrl-C / interrupt() stops it promptly.
            var remaining = seconds
            while remaining > 0 {
                try args.interpreter.checkInterrupt(at: args.location)
                let slice = min(remaining, 0.05)
                var ts = timespec(tv_sec: Int(slice), tv_nsec: Int((slice - Double(Int(slice))) * 1e9))
                nanosleep(&ts, nil)
                remaining -= slice
            }
            try args.interpreter.checkInterrupt(at: args.location)
            return .null
        },
        NativeFunction("error", arity: 1...2) { args in
            let message = args[0].str
            var errno: String?
            if let e = args[1].stringValue { errno = e }
            return .error(ErrorObject(message: message, errno: errno, location: args.location))
        },
    ] }

    static var conversions: [NativeFunction] { [
        NativeFunction("str", arity: 1...1) { args in .string(args[0].str) },
        NativeFunction("repr", arity: 1...1) { args in .string(args[0].repr) },
        NativeFunction("int", arity: 1...1) { args in
            switch args[0] {
            case .int: return args[0]
            case .float(let f):
                guard f.isFinite, f > -9.3e18, f < 9.3e18 else { throw args.error("\(f) does not fit in an int") }
                return .int(Int(f))
            case .bool(let b): return .int(b ? 1 : 0)
            case .rate(let r):
                guard r.bytesPerSecond <= UInt64(Int.max) else { throw args.error("rate too large for an int") }
                return .int(Int(r.bytesPerSecond))
            case .string(let box):
                if let v = PlainText.integer(box) { return .int(v) }
                let s = box.value
                let t = s.trimmingSpaces()
                if let v = Int(t) { return .int(v) }
                if t.hasPrefix("0x"), let v = Int(t.dropFirst(2), radix: 16) { return .int(v) }
                throw args.error("\(Value.quote(s)) is not an integer")
            default: throw args.error("cannot convert \(args[0].typeName) to int")
            }
        },
        NativeFunction("float", arity: 1...1) { args in
            switch args[0] {
            case .float: return args[0]
            case .int(let i): return .float(Double(i))
            case .rate(let r): return .float(Double(r.bytesPerSecond))
            case .string(let box):
                let s = box.value
                guard let v = Double(s.trimmingSpaces()) else { throw args.error("\(Value.quote(s)) is not a number") }
                return .float(v)
            default: throw args.error("cannot convert \(args[0].typeName) to float")
            }
        },
        NativeFunction("rate", arity: 1...1) { args in
            switch args[0] {
            case .rate: return args[0]
            case .int(let i) where i >= 0: return .rate(Rate(bytesPerSecond: UInt64(i)))
            case .string(let box):
                let s = box.value
                guard let r = Rate.parse(s) else {
                    throw args.error("Invalid rate value: \(Value.quote(s)) (expected a number and a unit, e.g. 10gbit, 100mbps, 1.5Gbit)")
                }
                return .rate(r)
            default: throw args.error("cannot convert \(args[0].typeName) to a rate (give bytes/s as int, or text like \"10gbit\")")
            }
        },
        NativeFunction("abs", arity: 1...1) { args in
            switch args[0] {
            case .int(let i):
                guard i != Int.min else { throw args.error("integer overflow") }
                return .int(Swift.abs(i))
            case .float(let f): return .float(Swift.abs(f))
            default: throw args.error("argument must be a number, got \(args[0].typeName)")
            }
        },
    ] }
}

extension String {
    func trimmingSpaces() -> String {
        var s = Substring(self)
        while let c = s.first, c.isWhitespace { s = s.dropFirst() }
        while let c = s.last, c.isWhitespace { s = s.dropLast() }
        return String(s)
    }
}

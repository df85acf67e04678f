import Glibc

/// Builtins that reach outside the script: the environment, files, JSON text and the exit status.
extension Builtins {
    static var system: [NativeFunction] { [
        NativeFunction("env", arity: 1...2) { args in
            let name = try args.string(0)
            guard !name.isEmpty, !name.contains("=") else { throw args.error("\(Value.quote(name)) is not a variable name") }
            guard let raw = getenv(name) else { return args[1] }
            guard let value = String(validatingCString: raw) else {
                throw args.error("environment variable \(name) is not UTF-8 text")
            }
            return .string(value)
        },
        NativeFunction("read_file", arity: 1...1) { args in
            let path = try args.string(0)
            do throws(TextFile.Failure) {
                return .string(try TextFile.read(path))
            } catch {
                throw args.error("cannot read \(Value.quote(path)): \(error.reason)")
            }
        },
        NativeFunction("write_file", arity: 2...2) { args in
            let path = try args.string(0)
            guard let text = args[1].stringValue else {
                throw args.error("the text must be a string, got \(args[1].typeName) (json(value) makes one from data)")
            }
            do throws(TextFile.Failure) {
                try TextFile.write(text, to: path)
            } catch {
                throw args.error("cannot write \(Value.quote(path)): \(error.reason)")
            }
            return .null
        },
        NativeFunction("json_parse", arity: 1...1) { args in
            let text = try args.string(0)
            do throws(JSONReader.Failure) {
                return try JSONReader.parse(text)
            } catch {
                throw args.error("not valid JSON at \(error.description)")
            }
        },
        NativeFunction("exit", arity: 0...1) { args in
            let status = args.count == 0 ? 0 : try args.int(0)
            guard (0...255).contains(status) else { throw args.error("the status must be 0...255, got \(status)") }
            args.interpreter.output.flush()
            throw RuntimeError("exit(\(status)) called", at: args.location, kind: .exit(Int32(status)))
        },
    ] }
}

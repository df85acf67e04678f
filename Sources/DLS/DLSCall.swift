import DLSLanguage

/// One call of a native function from a script: its arguments as Swift values, where it was called,
/// and a way to call back into the script.
public struct DLSCall {
    /// The function's name.
    public let name: String
    /// Positional arguments.
    public let arguments: [DLSValue]
    /// Named arguments (`ports(dev, flavour: "pcisf")`), only the labels the function declared.
    public let named: [String: DLSValue]
    /// Where the script called it.
    public let location: DLSLocation
    /// The engine's output sink.
    public let output: DLSOutput
    let invoke: (Value, [DLSValue]) throws -> DLSValue

    /// The positional argument at `index`, or `.null` when there are fewer.
    public subscript(index: Int) -> DLSValue {
        arguments.indices.contains(index) ? arguments[index] : .null
    }

    /// The positional argument at `index` as a Swift value; throws `name(): argument 2 must be Int,
    /// got string` when it has another type.
    public func argument<T: DLSValueConvertible>(_ index: Int, as type: T.Type = T.self) throws(DLSError) -> T {
        guard let value = T(dlsValue: self[index]) else {
            throw DLSError("\(name)(): argument \(index + 1) must be \(T.self), got \(self[index].typeName)")
        }
        return value
    }

    /// Calls a dls function the script passed in (a callback), on the running script's stack.
    @discardableResult
    public func call(_ function: DLSValue, _ arguments: [DLSValue] = []) throws(DLSError) -> DLSValue {
        guard case .function(let f) = function else {
            throw DLSError("\(name)(): cannot call \(function.typeName)")
        }
        do {
            return try invoke(f.value, arguments)
        } catch let error as DLSError {
            throw error
        } catch {
            throw DLSError("\(error)")
        }
    }
}

extension DLSEngine {
    /// Defines a global function written in Swift. `arity` is the accepted number of positional
    /// arguments, `labels` the accepted named ones; the interpreter checks both before calling.
    /// Throw a `DLSError` to fail the call like a failed command (the script can `catch` it, and
    /// `errno` shows up in `e.errno`); any other error becomes a message `name(): <error>`.
    public func define(_ name: String, arity: ClosedRange<Int>, labels: Set<String> = [],
                       _ body: @escaping (DLSCall) throws -> DLSValue) {
        let output = self.output
        let function = NativeFunction(name, arity: arity, labels: labels) { [weak self] arguments in
            guard let self else { throw DLSError("\(name)(): its engine is gone") }
            let bridge = self.bridge
            let location = arguments.location
            let args = arguments
            let call = DLSCall(
                name: name, arguments: arguments.all.map(bridge.swiftValue),
                named: arguments.named.mapValues(bridge.swiftValue), location: location,
                output: output,
                invoke: { function, values in
                    do {
                        return bridge.swiftValue(try args.call(function, values.map(bridge.scriptValue)))
                    } catch let error as RuntimeError {
                        throw DLSEngine.error(.runtime(error), rendered: error.rendered(sources: self.interpreter.sources),
                                              bridge: bridge, interpreter: self.interpreter)
                    }
                })
            do {
                return bridge.scriptValue(try body(call))
            } catch {
                throw DLSEngine.runtimeError(error, at: location, bridge: bridge)
            }
        }
        interpreter.define(function)
    }

    /// Defines a global function taking exactly `arity` positional arguments.
    public func define(_ name: String, arity: Int, labels: Set<String> = [],
                       _ body: @escaping (DLSCall) throws -> DLSValue) {
        define(name, arity: arity...arity, labels: labels, body)
    }
}

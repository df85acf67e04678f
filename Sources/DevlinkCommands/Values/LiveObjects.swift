import DevlinkModel
import DLSLanguage

/// Objects that stay true (issue 17: after `port function set $sf state active`, `sf.function.state`
/// still said "inactive"). A port, rate, bond or eswitch object returned by a command or a query
/// (`port show`, `port add`, `port(h)`, `rates()`, `lag show`, `bond(name)`, `dev eswitch show`,
/// `eswitch(dev)`) reads the device again on field access when anything may have
/// changed since its last read: after every command line and whenever time passed for the device
/// (`sleep`, `wait`, `settle`). Between those, reads come from the cache, so a loop over fields costs
/// nothing. `snapshot(x)` freezes a copy; notifications (`monitor`) carry the object as it was.
/// An object whose port or rate is gone keeps its last known fields.
public final class LiveState {
    let session: () -> DeviceSession
    /// Moves on whenever the device's state may have changed; a cached read from before is stale.
    /// Read once per object a command returns, and never held across a call: no dynamic
    /// exclusivity check.
    @exclusivity(unchecked) public private(set) var generation: UInt64 = 1

    init(session: @escaping () -> DeviceSession) { self.session = session }

    /// Something may have changed: the next field access of a live object reads the device again.
    public func invalidate() { generation &+= 1 }
}

public enum LiveObjects {
    static func functions(_ runner: CommandRunner) -> [NativeFunction] {
        [
            NativeFunction("snapshot", arity: 1...1) { args in freeze(args[0]) },
        ]
    }

    /// A frozen copy: device objects (`ObjectValue`) stop following the device; lists and maps are copied
    /// with their items frozen; anything else is already a value.
    public static func freeze(_ value: Value) -> Value {
        switch value {
        case .object(let box):
            guard let object = box.object as? any FreezableValue else { return value }
            return .object(object.frozen())
        case .list(let list): return .list(ListObject(list.items.map(freeze)))
        case .map(let map):
            let copy = MapObject()
            for (k, v) in map.entries { copy.entries[k] = freeze(v) }
            return .map(copy)
        default: return value
        }
    }
}

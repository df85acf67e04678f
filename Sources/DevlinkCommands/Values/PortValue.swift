import DevlinkModel
import DLSLanguage

/// A port as scripts see it: `sf.index`, `sf.handle`, `sf.netdev`, `sf.flavour`, `sf.function.hw_addr`.
/// A snapshot taken when the command ran; query again (`port(sf.handle)`) for fresh state.
public final class PortValue: HostObject {
    /// The port as the device has it now (a live object re-reads it; see LiveObjects.swift).
    public var port: Port {
        let handle = cell.value.handle
        return cell.current { try $0.port(handle) }
    }
    private var cell: LiveCell<Port>
    let formatter: TextFormatter

    /// `live`: follow the device (objects from commands and queries); nil: a fixed value.
    public init(_ port: Port, formatter: TextFormatter = TextFormatter(), live: LiveState? = nil) {
        cell = LiveCell(port, live: live)
        self.formatter = formatter
    }

    public var typeName: String { "port" }

    static let names = ["handle", "device", "index", "type", "des_type", "netdev", "ifindex", "ibdev", "flavour",
                        "controller", "pfnum", "vfnum", "sfnum", "external", "port", "split_group", "splittable",
                        "lanes", "function"]

    public var fieldNames: [String] { PortValue.names }

    public func field(_ name: String) -> Value? {
        let port = self.port
        switch name {
        case "handle": return .string(port.handle.description)
        case "device": return .string(port.device.description)
        case "index": return .int(Int(port.index))
        case "ifindex": return port.ifindex.map { .int(Int($0)) } ?? .null
        case "function": return port.function.map { .object(FunctionValue($0)) } ?? .null
        default:
            guard PortValue.names.contains(name) else { return nil }
            return Fields.port(port).first { $0.key == name }.map(FieldValues.value) ?? .null
        }
    }

    public var displayText: String { formatter.port(port) }

    public var jsonValue: Value {
        let port = self.port
        let m = MapObject()
        m.entries[.string("handle")] = .string(port.handle.description)
        if case .map(let fields) = FieldValues.map(Fields.port(port)) {
            for (k, v) in fields.entries { m.entries[k] = v }
        }
        return .map(m)
    }

    public func isEqual(to other: any HostObject) -> Bool { (other as? PortValue)?.port == port }
}

/// A port's function: `hw_addr`, `state`, `opstate`, `roce`, ... (caps read "enable"/"disable").
public final class FunctionValue: HostObject {
    public let function: PortFunction

    public init(_ function: PortFunction) { self.function = function }

    public var typeName: String { "function" }

    static let names = ["hw_addr", "state", "opstate", "roce", "migratable", "ipsec_crypto", "ipsec_packet",
                        "max_io_eqs", "nested_devlink"]

    public var fieldNames: [String] { FunctionValue.names }

    public func field(_ name: String) -> Value? {
        if name == "nested_devlink" { return function.nestedDevlink.map { .string($0.description) } ?? .null }
        guard FunctionValue.names.contains(name) else { return nil }
        return Fields.function(function).first { $0.key == name }.map(FieldValues.value) ?? .null
    }

    public var displayText: String {
        Fields.function(function).map { "\($0.key) \($0.text(iec: false))" }.joined(separator: " ")
    }

    public var jsonValue: Value { FieldValues.map(Fields.function(function)) }

    public func isEqual(to other: any HostObject) -> Bool { (other as? FunctionValue)?.function == function }
}

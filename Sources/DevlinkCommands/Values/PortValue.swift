import DevlinkModel
import DLSLanguage

/// A port as scripts see it: `sf.index`, `sf.handle`, `sf.netdev`, `sf.flavour`, `sf.function.hw_addr`.
/// Live (LiveObjects.swift): `sf.function.state` follows a later `port function set`.
public typealias PortValue = ObjectValue<PortSchema>

public enum PortSchema: ObjectSchema {
    public static let typeName = "port"

    public static let fields: [ScriptField<Port>] = [
        ScriptField("handle") { .string($0.handle.description) },
        ScriptField("device") { .string($0.device.description) },
        ScriptField("index") { .int(Int($0.index)) },
        .printed("type", Fields.port), .printed("des_type", Fields.port), .printed("netdev", Fields.port),
        ScriptField("ifindex") { port in port.ifindex.map { .int(Int($0)) } ?? .null },
    ] + ["ibdev", "flavour", "controller", "pfnum", "vfnum", "sfnum", "external", "port", "split_group", "splittable",
         "lanes"].map { .printed($0, Fields.port) } + [
        ScriptField("function") { port in port.function.map { .object(FunctionValue($0)) } ?? .null },
    ]

    public static func reread(_ port: Port, from session: DeviceSession) throws -> Port { try session.port(port.handle) }
    public static func text(_ port: Port, _ formatter: TextFormatter) -> String { formatter.port(port) }
    public static func json(_ port: Port) -> Value { FieldValues.map(handle: port.handle.description, Fields.port(port)) }
}

/// A port's function: `hw_addr`, `state`, `opstate`, `roce`, ... (caps read "enable"/"disable").
public typealias FunctionValue = ObjectValue<FunctionSchema>

public enum FunctionSchema: ObjectSchema {
    public static let typeName = "function"

    public static let fields: [ScriptField<PortFunction>] =
        ["hw_addr", "state", "opstate", "roce", "migratable", "ipsec_crypto", "ipsec_packet", "max_io_eqs"].map {
            .printed($0, Fields.function)
        } + [ScriptField("nested_devlink") { function in function.nestedDevlink.map { .string($0.description) } ?? .null }]

    public static func text(_ function: PortFunction, _ formatter: TextFormatter) -> String {
        Fields.function(function).map { "\($0.key) \($0.text(iec: false))" }.joined(separator: " ")
    }

    public static func json(_ function: PortFunction) -> Value { FieldValues.map(Fields.function(function)) }
}

import DevlinkModel
import DLSLanguage

/// A devlink instance: `d.handle`, `d.bus`, `d.name`. Prints as `dev show` does.
public typealias DeviceValue = ObjectValue<DeviceSchema>

public enum DeviceSchema: ObjectSchema {
    public static let typeName = "device"

    public static let fields: [ScriptField<DeviceHandle>] = [
        ScriptField("handle") { .string($0.description) },
        ScriptField("bus") { .string($0.bus) },
        ScriptField("name") { .string($0.name) },
    ]

    public static func text(_ device: DeviceHandle, _ formatter: TextFormatter) -> String { device.description }
    public static func json(_ device: DeviceHandle) -> Value { .string(device.description) }
}

/// `dev eswitch show`: `e.mode`, `e.inline_mode`, `e.encap_mode` (nil when the driver has none).
/// Live like a port object (LiveObjects.swift): `e.mode` follows a later `dev eswitch set`.
public typealias EswitchValue = ObjectValue<EswitchSchema>

/// An eswitch with the device it belongs to.
public struct DeviceEswitch: Equatable, Sendable {
    public var device: DeviceHandle
    public var eswitch: Eswitch
}

extension ObjectValue where Schema == EswitchSchema {
    /// `live`: follow the device (objects from commands and queries); nil: a fixed value.
    public convenience init(_ device: DeviceHandle, _ eswitch: Eswitch, live: LiveState? = nil) {
        self.init(DeviceEswitch(device: device, eswitch: eswitch), live: live)
    }
}

public enum EswitchSchema: ObjectSchema {
    public static let typeName = "eswitch"

    public static let fields: [ScriptField<DeviceEswitch>] = [
        ScriptField("handle") { .string($0.device.description) },
        ScriptField("mode") { e in e.eswitch.mode.map { .string($0.name) } ?? .null },
        ScriptField("inline_mode") { e in e.eswitch.inlineMode.map { .string($0.name) } ?? .null },
        ScriptField("encap_mode") { e in e.eswitch.encapMode.map { .string($0.name) } ?? .null },
    ]

    public static func reread(_ e: DeviceEswitch, from session: DeviceSession) throws -> DeviceEswitch {
        DeviceEswitch(device: e.device, eswitch: try session.eswitch(e.device))
    }

    public static func text(_ e: DeviceEswitch, _ formatter: TextFormatter) -> String { formatter.eswitch(e.device, e.eswitch) }
    public static func json(_ e: DeviceEswitch) -> Value { FieldValues.map(Fields.eswitch(e.eswitch)) }
}

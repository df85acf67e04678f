import DevlinkModel
import DLSLanguage

/// A devlink instance: `d.handle`, `d.bus`, `d.name`. Prints as `dev show` does.
public final class DeviceValue: HostObject {
    public let device: DeviceHandle

    public init(_ device: DeviceHandle) { self.device = device }

    public var typeName: String { "device" }
    public var fieldNames: [String] { ["handle", "bus", "name"] }

    public func field(_ name: String) -> Value? {
        switch name {
        case "handle": return .string(device.description)
        case "bus": return .string(device.bus)
        case "name": return .string(device.name)
        default: return nil
        }
    }

    public var displayText: String { device.description }
    public var jsonValue: Value { .string(device.description) }
    public func isEqual(to other: any HostObject) -> Bool { (other as? DeviceValue)?.device == device }
}

/// `dev eswitch show`: `e.mode`, `e.inline_mode`, `e.encap_mode` (nil when the driver has none).
/// Live like a port object (LiveObjects.swift): `e.mode` follows a later `dev eswitch set`.
public final class EswitchValue: HostObject {
    public let device: DeviceHandle
    /// The eswitch as the device has it now (a live object re-reads it).
    public var eswitch: Eswitch {
        let device = self.device
        return cell.current { try $0.eswitch(device) }
    }
    private var cell: LiveCell<Eswitch>

    /// `live`: follow the device (objects from commands and queries); nil: a fixed value.
    public init(_ device: DeviceHandle, _ eswitch: Eswitch, live: LiveState? = nil) {
        self.device = device
        cell = LiveCell(eswitch, live: live)
    }

    public var typeName: String { "eswitch" }
    public var fieldNames: [String] { ["handle", "mode", "inline_mode", "encap_mode"] }

    public func field(_ name: String) -> Value? {
        let eswitch = self.eswitch
        switch name {
        case "handle": return .string(device.description)
        case "mode": return eswitch.mode.map { .string($0.name) } ?? .null
        case "inline_mode": return eswitch.inlineMode.map { .string($0.name) } ?? .null
        case "encap_mode": return eswitch.encapMode.map { .string($0.name) } ?? .null
        default: return nil
        }
    }

    public var displayText: String { TextFormatter().eswitch(device, eswitch) }
    public var jsonValue: Value { FieldValues.map(Fields.eswitch(eswitch)) }
    public func isEqual(to other: any HostObject) -> Bool {
        guard let o = other as? EswitchValue else { return false }
        return o.device == device && o.eswitch == eswitch
    }
}

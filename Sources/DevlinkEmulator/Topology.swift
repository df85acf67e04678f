import DevlinkModel
import FoundationEssentials
import Glibc

/// The emulator's starting point: devices with their driver profile, PFs, physical ports and limits.
/// Format documented in docs/topology.md; decoded from JSON with snake_case keys.
public struct Topology: Codable, Equatable, Sendable {
    public var devices: [DeviceSpec]
    /// Netdev naming: `udev` (predictable names like `enp6s0f0np0`) or `eth` (`eth0`, `eth1`, ... in
    /// creation order, lowest free number first, as the kernel names them without udev renaming).
    public var netdevNaming: NetdevNaming?
    /// The kernel the devices run (`"6.15"`); default 6.12. Version-gated rules follow it.
    public var kernelVersion: KernelVersion?
    /// Failures armed from the start (FaultSpec), for scenarios that test what a refusal leaves.
    public var faults: [FaultSpec]?

    public init(devices: [DeviceSpec], netdevNaming: NetdevNaming? = nil, kernelVersion: KernelVersion? = nil,
                faults: [FaultSpec]? = nil) {
        self.devices = devices
        self.netdevNaming = netdevNaming
        self.kernelVersion = kernelVersion
        self.faults = faults
    }
}

public enum NetdevNaming: String, Codable, Sendable, CaseIterable {
    case udev, eth

    public init(from decoder: any Decoder) throws {
        self = try decodeChoice(from: decoder, what: "netdev naming")
    }
}

/// Which driver's behaviour and messages a device reproduces.
public enum DriverProfile: String, Codable, Sendable, CaseIterable {
    case mlx5, netdevsim

    /// Module name prefixed to driver extack messages by NL_SET_ERR_MSG_MOD.
    var module: String { self == .mlx5 ? "mlx5_core" : "netdevsim" }

    public init(from decoder: any Decoder) throws {
        self = try decodeChoice(from: decoder, what: "profile")
    }
}

/// One of a fixed set of words, with an error that lists them (Foundation's says only
/// "Cannot initialize X from invalid String value y").
private func decodeChoice<T: RawRepresentable & CaseIterable>(from decoder: any Decoder, what: String) throws -> T
where T.RawValue == String {
    let container = try decoder.singleValueContainer()
    let text = try container.decode(String.self)
    guard let value = T(rawValue: text) else {
        let choices = T.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: " or ")
        throw DecodingError.dataCorruptedError(in: container, debugDescription: "unknown \(what) \"\(text)\" (expected \(choices))")
    }
    return value
}

/// One devlink instance.
public struct DeviceSpec: Codable, Equatable, Sendable {
    /// `bus/name`, e.g. `pci/0000:06:00.0` or `netdevsim/netdevsim1`.
    public var handle: String
    public var profile: DriverProfile
    /// The PF number (PCI function); default: parsed from a PCI name, else 0.
    public var pfnum: UInt16?
    /// mlx5 vhca_id, the upper 16 bits of every port index (default: pfnum).
    public var vhcaId: UInt16?
    /// Physical ports; default: one (mlx5) or two (netdevsim).
    public var physicalPorts: [PhysicalPortSpec]?
    /// Maximum VFs (`sriov_totalvfs`); default 8 for mlx5, 4 for netdevsim.
    public var maxVfs: UInt32?
    /// Initial `sriov_numvfs`; default 0.
    public var numVfs: UInt32?
    /// Initial eswitch mode; default legacy.
    public var eswitchMode: String?
    /// mlx5: SF support and table size (default true, 256).
    public var sfSupported: Bool?
    public var maxSfs: UInt32?
    /// mlx5: this PF is an embedded CPU PF (SmartNIC) managing external host controllers.
    public var ecpf: Bool?
    /// mlx5 ECPF: external controller numbers, each with a host PF port (default [1] when ecpf).
    public var externalControllers: [UInt32]?
    /// mlx5: maximum link speed for rate checks, Mbit/s (default 100000).
    public var linkSpeedMbps: UInt64?
    /// mlx5 HCA capabilities by name (e.g. `num_lag_ports`, `lag_master`, `migration`, `ipsec_offload`,
    /// `vhca_resource_manager`, `wqe_inline_mode`); unspecified ones take the profile default.
    public var caps: [String: UInt64]?
    public var serialNumber: String?
    public var firmwareVersion: String?

    public init(handle: String, profile: DriverProfile, pfnum: UInt16? = nil, vhcaId: UInt16? = nil,
                physicalPorts: [PhysicalPortSpec]? = nil, maxVfs: UInt32? = nil, numVfs: UInt32? = nil,
                eswitchMode: String? = nil, sfSupported: Bool? = nil, maxSfs: UInt32? = nil, ecpf: Bool? = nil,
                externalControllers: [UInt32]? = nil, linkSpeedMbps: UInt64? = nil, caps: [String: UInt64]? = nil,
                serialNumber: String? = nil, firmwareVersion: String? = nil) {
        self.handle = handle
        self.profile = profile
        self.pfnum = pfnum
        self.vhcaId = vhcaId
        self.physicalPorts = physicalPorts
        self.maxVfs = maxVfs
        self.numVfs = numVfs
        self.eswitchMode = eswitchMode
        self.sfSupported = sfSupported
        self.maxSfs = maxSfs
        self.ecpf = ecpf
        self.externalControllers = externalControllers
        self.linkSpeedMbps = linkSpeedMbps
        self.caps = caps
        self.serialNumber = serialNumber
        self.firmwareVersion = firmwareVersion
    }
}

/// A physical (uplink) port.
public struct PhysicalPortSpec: Codable, Equatable, Sendable {
    /// Port index; default: mlx5 uplink index (vhca_id<<16 | 0xffff), netdevsim 0, 1, ...
    public var index: UInt32?
    /// Port number shown as `port N`; default: pfnum (mlx5) or index+1 (netdevsim).
    public var portNumber: UInt32?
    /// Netdev name; default from the naming scheme.
    public var netdev: String?
    public var lanes: UInt32?
    /// A splittable port can be split into 2..lanes ports (power of two); the emulator then behaves
    /// like a split-capable driver for this port.
    public var splittable: Bool?

    public init(index: UInt32? = nil, portNumber: UInt32? = nil, netdev: String? = nil, lanes: UInt32? = nil,
                splittable: Bool? = nil) {
        self.index = index
        self.portNumber = portNumber
        self.netdev = netdev
        self.lanes = lanes
        self.splittable = splittable
    }
}

/// A topology file or value that cannot be used, with the path of the offending field.
public struct TopologyError: Error, Equatable, Sendable, CustomStringConvertible {
    public var message: String
    public init(_ message: String) { self.message = message }
    public var description: String { "topology: \(message)" }
}

extension Topology {
    /// Decodes a topology from JSON, turning decoder errors into messages that name the field.
    public static func decode(json data: Data) throws(TopologyError) -> Topology {
        // Syntax (and nesting depth) first: Foundation's decoder recurses once per nesting level,
        // and a file of a few thousand `[` overflowed the stack (found by the topology fuzzer).
        if let failure = JSONSyntaxCheck.firstError(in: Array(data)) {
            throw TopologyError("not valid JSON at line \(failure.line), column \(failure.column): \(failure.message)")
        }
        let decoder = JSONDecoder()
        decoder.keyDecodingStrategy = .convertFromSnakeCase
        do {
            return try decoder.decode(Topology.self, from: data)
        } catch let error as DecodingError {
            if case .dataCorrupted(let context) = error, context.codingPath.isEmpty {
                throw TopologyError(Topology.describeUnreadable(data))
            }
            throw TopologyError(Topology.describe(error))
        } catch {
            throw TopologyError("not valid JSON: \(error)")
        }
    }

    /// Loads a topology file; every error names the file.
    public static func load(path: String) throws(TopologyError) -> Topology {
        guard let data = FileManager.default.contents(atPath: path) else {
            let reason = FileManager.default.fileExists(atPath: path) ? "cannot read the file" : "no such file"
            throw TopologyError("\(path): \(reason)")
        }
        do {
            return try decode(json: data)
        } catch {
            throw TopologyError("\(path): \(error.message)")
        }
    }

    /// The decoder says only "not valid JSON", both for a syntax error and for a number that does
    /// not fit its field; the syntax check tells them apart and places a syntax error.
    private static func describeUnreadable(_ data: Data) -> String {
        guard let failure = JSONSyntaxCheck.firstError(in: Array(data)) else {
            return "a number does not fit its field (counts and indexes are whole numbers from 0 up, within the field's size)"
        }
        return "not valid JSON at line \(failure.line), column \(failure.column): \(failure.message)"
    }

    /// A built-in topology by name (`mlx5`, `netdevsim`, optionally `@VERSION`: `mlx5@6.15`) or nil.
    public static func builtin(named word: String) -> Topology? {
        let (name, version) = splitVersion(word)
        let topology: Topology
        switch name {
        case "mlx5": topology = .mlx5
        case "netdevsim": topology = .netdevsim
        default: return nil
        }
        return try? topology.at(version: version)
    }

    /// The file's spelling of a key the decoder converted to camelCase.
    private static func snakeCase(_ key: String) -> String {
        var out = ""
        for character in key {
            if character.isUppercase {
                out += "_" + character.lowercased()
            } else {
                out.append(character)
            }
        }
        return out
    }

    private static func describe(_ error: DecodingError) -> String {
        func path(_ codingPath: [any CodingKey]) -> String {
            let text = codingPath.map { key in
                key.intValue.map { "[\($0)]" } ?? ".\(snakeCase(key.stringValue))"
            }.joined()
            return text.isEmpty ? "top level" : String(text.drop(while: { $0 == "." }))
        }
        switch error {
        case .keyNotFound(let key, let context):
            let parent = path(context.codingPath)
            return "missing field \"\(snakeCase(key.stringValue))\" in \(parent)"
        case .typeMismatch(let type, let context):
            return "\(path(context.codingPath)): expected \(type) (\(context.debugDescription))"
        case .valueNotFound(let type, let context):
            return "\(path(context.codingPath)): expected \(type) but found null"
        case .dataCorrupted(let context):
            return "\(path(context.codingPath)): \(context.debugDescription)"
        @unknown default:
            return "\(error)"
        }
    }
}


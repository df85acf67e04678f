import DevlinkModel

/// A desired-state document (docs/desired-state.md): what `dls snapshot` prints and `plan`/`apply` read.
/// Every field is optional: what a document does not mention is left alone, unless its scope prunes.
public struct DesiredDocument: Equatable, Sendable {
    /// `"prune": true` at the top: every collection the document names (ports, rates, bonds) loses
    /// the members it does not list, and unlisted rate attributes go back to their defaults.
    public var prune = false
    public var devices: [DeviceDocument] = []
    /// nil: bonds are not managed by this document.
    public var bonds: [BondDocument]?

    public init(prune: Bool = false, devices: [DeviceDocument] = [], bonds: [BondDocument]? = nil) {
        self.prune = prune
        self.devices = devices
        self.bonds = bonds
    }

    public func device(_ handle: DeviceHandle) -> DeviceDocument? { devices.first { $0.handle == handle } }
}

public struct DeviceDocument: Equatable, Sendable {
    public var handle: DeviceHandle
    /// This device's own `prune` (nil: the document's).
    public var prune: Bool?
    public var eswitch: EswitchDocument?
    /// `sriov.numvfs`.
    public var numVFs: UInt32?
    public var params: [ParamDocument]?
    public var ports: [PortDocument]?
    public var rates: [RateDocument]?

    public init(handle: DeviceHandle, prune: Bool? = nil, eswitch: EswitchDocument? = nil, numVFs: UInt32? = nil,
                params: [ParamDocument]? = nil, ports: [PortDocument]? = nil, rates: [RateDocument]? = nil) {
        self.handle = handle
        self.prune = prune
        self.eswitch = eswitch
        self.numVFs = numVFs
        self.params = params
        self.ports = ports
        self.rates = rates
    }

    public func port(_ key: PortKey) -> PortDocument? { ports?.first { $0.key == key } }
}

public struct EswitchDocument: Equatable, Sendable {
    public var mode: EswitchMode?
    public var inlineMode: EswitchInlineMode?
    public var encapMode: EswitchEncapMode?

    public init(mode: EswitchMode? = nil, inlineMode: EswitchInlineMode? = nil, encapMode: EswitchEncapMode? = nil) {
        self.mode = mode
        self.inlineMode = inlineMode
        self.encapMode = encapMode
    }
}

/// A parameter's value in one configuration mode. The value is kept as written (bool, number or
/// string) and converted to the parameter's type when the plan reads the device.
public struct ParamDocument: Equatable, Sendable {
    public enum Scalar: Equatable, Sendable {
        case bool(Bool), number(UInt64), string(String)
    }

    public var name: String
    public var cmode: ParamCMode
    public var value: Scalar

    public init(name: String, cmode: ParamCMode, value: Scalar) {
        self.name = name
        self.cmode = cmode
        self.value = value
    }
}

/// A port by what the user chose, not by the index the driver picks: `vf/N` or `sf/SFNUM`.
public enum PortKey: Hashable, Comparable, Sendable, CustomStringConvertible {
    case vf(UInt32)
    case sf(UInt32)

    /// `vf/0`, `sf/88`; nil for anything else.
    public init?(parsing text: String) {
        // ASCII text (every real key) is read byte by byte; anything else takes the Character path
        // below, whose grapheme rules decide (e.g. "/" followed by a combining mark is no separator).
        let ascii: PortKey?? = text.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return .none }
            guard bytes.count >= 4, bytes[1] == 0x66, bytes[2] == 0x2F else { return .some(nil) }   // "?f/"
            var number: UInt32 = 0
            for byte in bytes[3...] {
                guard byte >= 0x30, byte <= 0x39 else { return .some(nil) }
                let (times10, overflow1) = number.multipliedReportingOverflow(by: 10)
                let (sum, overflow2) = times10.addingReportingOverflow(UInt32(byte - 0x30))
                guard !overflow1, !overflow2 else { return .some(nil) }
                number = sum
            }
            switch bytes[0] {
            case 0x76: return .some(.vf(number))   // "v"
            case 0x73: return .some(.sf(number))   // "s"
            default: return .some(nil)
            }
        }
        if let ascii {
            guard let ascii else { return nil }
            self = ascii
            return
        }
        let parts = text.split(separator: "/", omittingEmptySubsequences: false)
        guard parts.count == 2, let number = UInt32(parts[1]), parts[1].allSatisfy({ $0.isASCII && $0.isNumber })
        else { return nil }
        switch parts[0] {
        case "vf": self = .vf(number)
        case "sf": self = .sf(number)
        default: return nil
        }
    }

    public var description: String {
        switch self {
        case .vf(let n): "vf/\(n)"
        case .sf(let n): "sf/\(n)"
        }
    }

    public var isSF: Bool { if case .sf = self { true } else { false } }
}

public struct PortDocument: Equatable, Sendable {
    public var key: PortKey
    /// SFs: the `port add` attributes (fixed once the port exists).
    public var flavour: PortFlavour?
    public var pfnum: UInt16?
    public var sfnum: UInt32?
    public var controller: UInt32?
    public var function: FunctionDocument?
    /// An SF's own devlink instance (`auxiliary/mlx5_core.sf.N`, the port function's nested devlink):
    /// its params, written `"device": {"params": {...}}` under the SF's port. They exist only while
    /// the SF is active and attached.
    public var deviceParams: [ParamDocument]?

    public init(key: PortKey, flavour: PortFlavour? = nil, pfnum: UInt16? = nil, sfnum: UInt32? = nil,
                controller: UInt32? = nil, function: FunctionDocument? = nil, deviceParams: [ParamDocument]? = nil) {
        self.key = key
        self.flavour = flavour
        self.pfnum = pfnum
        self.sfnum = sfnum
        self.controller = controller
        self.function = function
        self.deviceParams = deviceParams
    }
}

/// The port function attributes a user sets (`opstate` is the driver's, so it is not here): the same
/// attributes one `port function set` carries.
public typealias FunctionDocument = PortFunctionChanges

/// A rate object: a port's leaf (keyed like the port) or a node (keyed by its name).
public enum RateKey: Hashable, Sendable, CustomStringConvertible {
    case leaf(PortKey)
    case node(String)

    public init(parsing text: String) {
        if let port = PortKey(parsing: text) { self = .leaf(port) } else { self = .node(text) }
    }

    public var description: String {
        switch self {
        case .leaf(let port): port.description
        case .node(let name): name
        }
    }

    public var nodeName: String? { if case .node(let name) = self { name } else { nil } }
}

public struct RateDocument: Equatable, Sendable {
    public var key: RateKey
    /// Bytes per second, as devlink counts them.
    public var txShare: UInt64?
    public var txMax: UInt64?
    public var txPriority: UInt32?
    public var txWeight: UInt32?
    /// A node name; "" (written `null`) means no parent.
    public var parent: String?
    /// The 8 traffic-class shares of `tc-bw`.
    public var tcBandwidths: [UInt32]?

    public init(key: RateKey, txShare: UInt64? = nil, txMax: UInt64? = nil, txPriority: UInt32? = nil,
                txWeight: UInt32? = nil, parent: String? = nil, tcBandwidths: [UInt32]? = nil) {
        self.key = key
        self.txShare = txShare
        self.txMax = txMax
        self.txPriority = txPriority
        self.txWeight = txWeight
        self.parent = parent
        self.tcBandwidths = tcBandwidths
    }
}

public struct BondDocument: Equatable, Sendable {
    public var name: String
    /// The options a document manages: mode, miimon, updelay, downdelay, xmit_hash_policy, lacp_rate
    /// and min_links (the others stay nil), as one `lag add`/`lag set` request.
    public var config: BondConfig
    /// The complete slave list, in enslave order (nil: slaves are left alone).
    public var slaves: [String]?

    public init(name: String, config: BondConfig = BondConfig(), slaves: [String]? = nil) {
        self.name = name
        self.config = config
        self.slaves = slaves
    }
}

extension String {
    /// `body` on the text's UTF-8 where it lies (a small string's on the stack): the byte-wise readers
    /// of keys and names, without the index checks of `utf8`.
    func withUTF8Bytes<Result>(_ body: (UnsafeBufferPointer<UInt8>) -> Result) -> Result {
        var text = self
        return text.withUTF8(body)
    }
}

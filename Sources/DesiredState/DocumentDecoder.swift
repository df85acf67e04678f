import DevlinkModel
import RateUnits

/// A document that cannot be used, with the JSON path of the offending value
/// (`$.devices["pci/0000:06:00.0"].rates.tenant1.tx_share`). Found before anything is sent.
public struct DocumentError: Error, Equatable, Sendable, CustomStringConvertible {
    public var path: String
    public var message: String
    public init(path: String, message: String) {
        self.path = path
        self.message = message
    }
    public var description: String { "\(path): \(message)" }
}

/// JSON tree → `DesiredDocument`, refusing unknown keys, wrong types, an sfnum used twice, a rate
/// parent loop and tx_share above tx_max.
public enum DocumentDecoder {
    public static func decode(_ text: String) throws(DocumentError) -> DesiredDocument {
        let tree: JSONTree
        do {
            tree = try JSONTreeParser.parse(text)
        } catch {
            throw DocumentError(path: "$", message: "not JSON: \(error)")
        }
        ExitKeeper.keep(tree)
        return try decode(tree)
    }

    public static func decode(_ tree: JSONTree) throws(DocumentError) -> DesiredDocument {
        let root = Node(tree, "$")
        var document = DesiredDocument()
        for (key, value) in try root.members(["devices", "bonds", "prune"]) {
            switch key {
            case "prune": document.prune = try value.bool()
            case "devices":
                for (handle, device) in try value.members(nil) {
                    document.devices.append(try decodeDevice(handle, device))
                }
            default:
                document.bonds = try value.members(nil).map { name, bond throws(DocumentError) in try decodeBond(name, bond) }
            }
        }
        return document
    }

    // MARK: devices

    private static func decodeDevice(_ text: String, _ node: Node) throws(DocumentError) -> DeviceDocument {
        let handle: DeviceHandle
        do {
            handle = try DeviceHandle(parsing: text)
        } catch {
            throw node.error("\"\(text)\" is not a device handle: \(error.reason)")
        }
        var device = DeviceDocument(handle: handle)
        for (key, value) in try node.members(["prune", "eswitch", "sriov", "params", "ports", "rates"]) {
            switch key {
            case "prune": device.prune = try value.bool()
            case "eswitch": device.eswitch = try decodeEswitch(value)
            case "sriov":
                for (_, numvfs) in try value.members(["numvfs"]) { device.numVFs = try numvfs.u32() }
            case "params":
                device.params = try value.members(nil).map { name, param throws(DocumentError) in try decodeParam(name, param) }
            case "ports":
                var ports: [PortDocument] = []
                for (name, port) in try value.members(nil) { ports.append(try decodePort(name, port)) }
                device.ports = ports
            default:
                device.rates = try decodeRates(value, ports: device.ports ?? [])
            }
        }
        return device
    }

    private static func decodeEswitch(_ node: Node) throws(DocumentError) -> EswitchDocument {
        var eswitch = EswitchDocument()
        try node.decode(&eswitch, DocumentSchema.eswitch, keys: DocumentSchema.eswitchKeys)
        return eswitch
    }

    private static func decodeParam(_ name: String, _ node: Node) throws(DocumentError) -> ParamDocument {
        var cmode: ParamCMode?
        var value: ParamDocument.Scalar?
        for (key, member) in try node.members(["cmode", "value"]) {
            if key == "cmode" {
                cmode = try member.named(ParamCMode.self)
            } else {
                switch member.tree {
                case .bool(let flag): value = .bool(flag)
                case .int(let number) where number >= 0: value = .number(UInt64(number))
                case .string(let text): value = .string(text)
                default: throw member.error("expected a boolean, a non-negative integer or a string, got \(member.tree.kindName)")
                }
            }
        }
        guard let cmode else { throw node.error("a param needs \"cmode\" (runtime, driverinit or permanent)") }
        guard let value else { throw node.error("a param needs \"value\"") }
        return ParamDocument(name: name, cmode: cmode, value: value)
    }

    // MARK: ports

    private static func decodePort(_ text: String, _ node: Node) throws(DocumentError) -> PortDocument {
        guard let key = PortKey(parsing: text) else {
            throw node.error("\"\(text)\" is not a port key (vf/N for a VF, sf/SFNUM for an SF)")
        }
        var port = PortDocument(key: key)
        let allowed = key.isSF ? DocumentSchema.sfPortKeys : DocumentSchema.vfPortKeys
        for (name, value) in try node.members(allowed) {
            switch name {
            case "flavour":
                let flavour = try value.named(PortFlavour.self)
                guard flavour == .pcisf else { throw value.error("an sf/ port has flavour pcisf, not \(flavour.name)") }
                port.flavour = flavour
            case "pfnum": port.pfnum = try value.u16()
            case "sfnum":
                let sfnum = try value.u32()
                guard case .sf(let keyed) = key, keyed == sfnum else {
                    throw value.error("sfnum \(sfnum) does not match the key \(key) (an SF is keyed sf/SFNUM)")
                }
                port.sfnum = sfnum
            case "controller": port.controller = try value.u32()
            case "device":
                for (_, params) in try value.members(["params"]) {
                    port.deviceParams = try params.members(nil).map { name, param throws(DocumentError) in try decodeParam(name, param) }
                }
            default: port.function = try decodeFunction(value)
            }
        }
        return port
    }

    private static func decodeFunction(_ node: Node) throws(DocumentError) -> FunctionDocument {
        var function = FunctionDocument()
        try node.decode(&function, DocumentSchema.function, keys: DocumentSchema.functionKeys) { _, _, value throws(DocumentError) in
            throw value.error("opstate is reported by the driver and cannot be set (use state)")
        }
        return function
    }

    // MARK: rates

    private static func decodeRates(_ node: Node, ports: [PortDocument]) throws(DocumentError) -> [RateDocument] {
        var rates: [RateDocument] = []
        for (text, value) in try node.members(nil) {
            rates.append(try decodeRate(text, value))
        }
        try checkParents(rates, node)
        return rates
    }

    private static func decodeRate(_ text: String, _ node: Node) throws(DocumentError) -> RateDocument {
        let key = RateKey(parsing: text)
        if case .node(let name) = key, !isValidNodeName(name) {
            throw node.error("\"\(text)\" is neither a port key (vf/N, sf/SFNUM) nor a node name (not all digits, no \"/\")")
        }
        var rate = RateDocument(key: key)
        try node.decode(&rate, DocumentSchema.rate, keys: DocumentSchema.rateKeys) { _, _, value throws(DocumentError) in
            let type = try value.named(RateType.self)
            let expected: RateType = key.nodeName == nil ? .leaf : .node
            guard type == expected else {
                throw value.error(expected == .leaf ? "\(text) is a port's leaf, not a node"
                                                    : "\(text) is a node (leaves are keyed vf/N or sf/SFNUM)")
            }
        }
        if let share = rate.txShare, let max = rate.txMax, max != 0, share > max {
            throw node.error("tx_share \(RateValue.text(bytesPerSecond: share)) is above tx_max \(RateValue.text(bytesPerSecond: max))")
        }
        return rate
    }

    /// devlink's node names: not empty, not all digits (that would be a leaf's port index), no "/".
    static func isValidNodeName(_ name: String) -> Bool {
        // Bytes decide for ASCII names; others keep the Character rules (a "/" joined to a combining
        // mark is no "/").
        let ascii: Bool? = name.withUTF8Bytes { bytes in
            guard bytes.allSatisfy({ $0 < 0x80 }) else { return nil }
            return !bytes.isEmpty && !bytes.contains(0x2F) && !bytes.allSatisfy({ $0 >= 0x30 && $0 <= 0x39 })
        }
        if let ascii { return ascii }
        return !name.isEmpty && !name.contains("/") && !name.allSatisfy({ $0.isASCII && $0.isNumber })
    }

    /// A node may not be its own ancestor (the kernel would refuse the last link with "Rate node loop").
    private static func checkParents(_ rates: [RateDocument], _ node: Node) throws(DocumentError) {
        var parents: [String: String] = [:]
        for rate in rates {
            if let name = rate.key.nodeName, let parent = rate.parent, !parent.isEmpty { parents[name] = parent }
        }
        for rate in rates {
            guard let start = rate.key.nodeName else { continue }
            var seen = [start]
            var current = parents[start]
            while let next = current {
                if next == start {
                    throw node.child(start).child("parent").error(
                        "parent loop: \((seen + [start]).joined(separator: " → "))")
                }
                guard !seen.contains(next) else { break }   // a loop further up, reported from its own nodes
                seen.append(next)
                current = parents[next]
            }
        }
    }

    // MARK: bonds

    private static func decodeBond(_ name: String, _ node: Node) throws(DocumentError) -> BondDocument {
        guard !name.isEmpty, name.utf8.count < 16, !name.contains("/"), !name.contains(" ") else {
            throw node.error("\"\(name)\" is not an interface name (1 to 15 characters, no \"/\" or blank)")
        }
        var bond = BondDocument(name: name)
        try node.decode(&bond, DocumentSchema.bond, keys: DocumentSchema.bondKeys) { bond, _, value throws(DocumentError) in
            guard case .array(let items) = value.tree else { throw value.error("expected an array of interface names") }
            var slaves: [String] = []
            for (index, item) in items.enumerated() {
                let slave = try Node(item, value.path + "[\(index)]").string()
                guard !slaves.contains(slave) else { throw value.error("slave \(slave) listed twice") }
                slaves.append(slave)
            }
            bond.slaves = slaves
        }
        return bond
    }
}

/// A value with its JSON path, and typed reads that fail with that path. The path is spelled out
/// only for an error: a document of a thousand SFs has thousands of members.
struct Node {
    var tree: JSONTree
    /// The parent object's place (nil for the root) and this value's key in it (the root's key is
    /// its whole path). A place is made only for an object whose members are read, not per value.
    private let parent: Location?
    private let key: String

    /// A member's place: its parent's and its key (a class, so children share their parent's).
    final class Location {
        let parent: Location?
        let key: String

        init(parent: Location?, key: String) {
            self.parent = parent
            self.key = key
        }

        /// The root's key is the whole path.
        var path: String { parent.map { Node.path($0.path, key) } ?? key }
    }

    init(_ tree: JSONTree, _ path: String) {
        self.tree = tree
        parent = nil
        key = path
    }

    init(_ tree: JSONTree, in parent: Location, key: String) {
        self.tree = tree
        self.parent = parent
        self.key = key
    }

    var path: String { parent.map { Node.path($0.path, key) } ?? key }

    private var location: Location { Location(parent: parent, key: key) }

    func error(_ message: String) -> DocumentError { DocumentError(path: path, message: message) }

    func child(_ key: String) -> Node { Node(.null, in: location, key: key) }

    /// `.name` for plain words, `["pci/0000:06:00.0"]` for anything else.
    static func path(_ base: String, _ key: String) -> String {
        let plain = !key.isEmpty && key.utf8.allSatisfy { ($0 >= 0x61 && $0 <= 0x7A) || ($0 >= 0x41 && $0 <= 0x5A) || ($0 >= 0x30 && $0 <= 0x39) || $0 == 0x5F || $0 == 0x2D }
            && !(key.utf8.first.map { $0 >= 0x30 && $0 <= 0x39 } ?? false)
        if plain { return base + "." + key }
        return base + "[\"" + key.replacingOccurrences("\\", "\\\\").replacingOccurrences("\"", "\\\"") + "\"]"
    }

    /// The object's members in order; `allowed` nil accepts any name. A name given twice is an error.
    func members(_ allowed: [String]?) throws(DocumentError) -> [(String, Node)] {
        let (members, here) = try checkedMembers(allowed)
        return members.map { ($0.key, Node($0.value, in: here, key: $0.key)) }
    }

    /// The object's members, each name allowed (`allowed` nil accepts any) and given once, checked in
    /// member order, and the place their nodes hang from.
    func checkedMembers(_ allowed: [String]?) throws(DocumentError) -> ([JSONTree.Member], Location) {
        guard case .object(let members) = tree else { throw error("expected an object, got \(tree.kindName)") }
        // Small objects (most of a document) look for a name given twice among the earlier members:
        // cheaper than hashing every name. String == is the same equivalence as Set's.
        let hashed = members.count > 16
        var seen: Set<String> = []
        let here = location
        for (index, member) in members.enumerated() {
            if let allowed, !allowed.contains(member.key) {
                throw Node(member.value, in: here, key: member.key)
                    .error("unknown key \"\(member.key)\" (expected \(allowed.joined(separator: ", ")))")
            }
            let fresh = hashed ? seen.insert(member.key).inserted : !members[..<index].contains { $0.key == member.key }
            guard fresh else {
                let node = Node(member.value, in: here, key: member.key)
                if case .sf(let sfnum) = PortKey(parsing: member.key) {
                    throw node.error("sfnum \(sfnum) used twice")
                }
                throw node.error("\"\(member.key)\" given twice")
            }
        }
        return (members, here)
    }

    func bool() throws(DocumentError) -> Bool {
        guard case .bool(let value) = tree else { throw error("expected true or false, got \(tree.kindName)") }
        return value
    }

    func string() throws(DocumentError) -> String {
        guard case .string(let value) = tree else { throw error("expected a string, got \(tree.kindName)") }
        return value
    }

    func integer(max: UInt64) throws(DocumentError) -> UInt64 {
        guard case .int(let value) = tree else { throw error("expected an integer, got \(tree.kindName)") }
        guard value >= 0, UInt64(value) <= max else { throw error("\(value) is out of range 0...\(max)") }
        return UInt64(value)
    }

    func u16() throws(DocumentError) -> UInt16 { UInt16(try integer(max: UInt64(UInt16.max))) }
    func u32() throws(DocumentError) -> UInt32 { UInt32(try integer(max: UInt64(UInt32.max))) }

    /// devlink's spelling of an enum value (`switchdev`, `802.3ad`).
    func named<T: DevlinkNamed>(_ type: T.Type) throws(DocumentError) -> T {
        let word = try string()
        guard let value = T(name: word) else {
            throw error("\"\(word)\" is not one of \(T.names.filter { !$0.hasPrefix("<") }.joined(separator: ", "))")
        }
        return value
    }

    /// A rate as devlink writes it (`"10Gbit"`, `"100mbit"`), or a rate value from a script.
    func rate() throws(DocumentError) -> UInt64 {
        switch tree {
        case .rate(let bytes): return bytes
        case .string(let text):
            guard let bytes = RateValue.bytesPerSecond(parsing: text) else {
                throw error("\"\(text)\" is not a rate (a number and a unit, e.g. \"10Gbit\" or \"100mbit\")")
            }
            return bytes
        case .int:
            throw error("a rate needs its unit, as a string (e.g. \"10Gbit\"); a bare number would be ambiguous")
        default:
            throw error("expected a rate such as \"10Gbit\", got \(tree.kindName)")
        }
    }
}

extension String {
    /// Foundation-free replacement (this module does not import Foundation).
    func replacingOccurrences(_ target: String, _ replacement: String) -> String {
        // A one-byte ASCII target that no byte matches cannot be in the text (the common case, cheap).
        if target.utf8.count == 1, let byte = target.utf8.first, byte < 0x80, !utf8.contains(byte) { return self }
        guard contains(target) else { return self }
        return split(separator: target, omittingEmptySubsequences: false).joined(separator: replacement)
    }
}

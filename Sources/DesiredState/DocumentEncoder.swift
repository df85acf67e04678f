import DevlinkModel
import RateUnits
import TextEscaping

/// `DesiredDocument` → JSON text with a stable key order: devices by handle; in a device eswitch,
/// sriov, params (by name), ports (VFs by number, then SFs by sfnum), rates (nodes by name, then
/// leaves in port order); attributes in devlink's order; rates as devlink prints them (`10Gbit`).
public enum DocumentEncoder {
    public static func encode(_ document: DesiredDocument) -> String {
        JSONTreePrinter.print(tree(document)) + "\n"
    }

    public static func tree(_ document: DesiredDocument) -> JSONTree {
        var root: [JSONTree.Member] = []
        if document.prune { root.append(.init("prune", .bool(true))) }
        let devices = document.devices.sorted { $0.handle < $1.handle }
        root.append(.init("devices", .object(devices.map { .init($0.handle.description, tree($0)) })))
        if let bonds = document.bonds {
            root.append(.init("bonds", .object(bonds.sorted { $0.name < $1.name }.map { .init($0.name, tree($0)) })))
        }
        return .object(root)
    }

    static func tree(_ device: DeviceDocument) -> JSONTree {
        var members: [JSONTree.Member] = []
        if let prune = device.prune { members.append(.init("prune", .bool(prune))) }
        if let eswitch = device.eswitch { members.append(.init("eswitch", .object(DocumentSchema.eswitch.members(eswitch)))) }
        if let numVFs = device.numVFs { members.append(.init("sriov", .object([.init("numvfs", .int(Int64(numVFs)))]))) }
        if let params = device.params { members.append(.init("params", tree(params))) }
        if let ports = device.ports {
            members.append(.init("ports", .object(ports.sorted { $0.key < $1.key }.map { .init($0.key.description, tree($0)) })))
        }
        if let rates = device.rates {
            members.append(.init("rates", .object(sortedRates(rates).map { .init($0.key.description, tree($0)) })))
        }
        return .object(members)
    }

    /// Nodes by name, then leaves by port key.
    static func sortedRates(_ rates: [RateDocument]) -> [RateDocument] {
        rates.sorted { a, b in
            switch (a.key, b.key) {
            case (.node(let x), .node(let y)): x < y
            case (.node, .leaf): true
            case (.leaf, .node): false
            case (.leaf(let x), .leaf(let y)): x < y
            }
        }
    }

    static func tree(_ port: PortDocument) -> JSONTree {
        var members: [JSONTree.Member] = []
        if let flavour = port.flavour { members.append(.init("flavour", .string(flavour.name))) }
        if let controller = port.controller { members.append(.init("controller", .int(Int64(controller)))) }
        if let pfnum = port.pfnum { members.append(.init("pfnum", .int(Int64(pfnum)))) }
        if let sfnum = port.sfnum { members.append(.init("sfnum", .int(Int64(sfnum)))) }
        if let function = port.function { members.append(.init("function", .object(DocumentSchema.function.members(function)))) }
        if let params = port.deviceParams {
            members.append(.init("device", .object([.init("params", tree(params))])))
        }
        return .object(members)
    }

    /// Params by name, each `{"cmode", "value"}`.
    static func tree(_ params: [ParamDocument]) -> JSONTree {
        .object(params.sorted { $0.name < $1.name }.map { param in
            let value: JSONTree
            switch param.value {
            case .bool(let flag): value = .bool(flag)
            case .number(let number): value = .int(Int64(clamping: number))
            case .string(let text): value = .string(text)
            }
            return .init(param.name, .object([.init("cmode", .string(param.cmode.name)), .init("value", value)]))
        })
    }

    static func tree(_ rate: RateDocument) -> JSONTree {
        var members: [JSONTree.Member] = []
        if rate.key.nodeName != nil { members.append(.init("type", .string("node"))) }
        members += DocumentSchema.rate.members(rate)
        return .object(members)
    }

    static func tree(_ bond: BondDocument) -> JSONTree {
        var members = DocumentSchema.bond.members(bond)
        if let slaves = bond.slaves { members.append(.init("slaves", .array(slaves.map { .string($0) }))) }
        return .object(members)
    }
}

/// JSON text of a tree: two-space indentation, arrays of scalars on one line.
public enum JSONTreePrinter {
    public static func print(_ tree: JSONTree, indent: String = "") -> String {
        var out = ""
        write(tree, indent: indent, into: &out)
        return out
    }

    /// One line, no blanks (for `--json` reports read by programs).
    public static func compact(_ tree: JSONTree) -> String {
        switch tree {
        case .array(let items): return "[" + items.map(compact).joined(separator: ",") + "]"
        case .object(let members):
            return "{" + members.map { quote($0.key) + ":" + compact($0.value) }.joined(separator: ",") + "}"
        default:
            var out = ""
            write(tree, indent: "", into: &out)
            return out
        }
    }

    private static func write(_ tree: JSONTree, indent: String, into out: inout String) {
        switch tree {
        case .null: out += "null"
        case .bool(let flag): out += flag ? "true" : "false"
        case .int(let number): out += String(number)
        case .double(let number): out += "\(number)"
        case .string(let text): out += quote(text)
        case .rate(let bytes): out += quote(RateValue.text(bytesPerSecond: bytes))
        case .array(let items):
            if items.allSatisfy({ if case .array = $0 { false } else if case .object = $0 { false } else { true } }) {
                out += "["
                for (i, item) in items.enumerated() {
                    if i > 0 { out += ", " }
                    write(item, indent: indent, into: &out)
                }
                out += "]"
                return
            }
            out += "[\n"
            for (i, item) in items.enumerated() {
                out += indent + "  "
                write(item, indent: indent + "  ", into: &out)
                out += i + 1 < items.count ? ",\n" : "\n"
            }
            out += indent + "]"
        case .object(let members):
            guard !members.isEmpty else { out += "{}"; return }
            out += "{\n"
            for (i, member) in members.enumerated() {
                out += indent + "  " + quote(member.key) + ": "
                write(member.value, indent: indent + "  ", into: &out)
                out += i + 1 < members.count ? ",\n" : "\n"
            }
            out += indent + "}"
        }
    }

    static func quote(_ text: String) -> String { JSONQuoting.strict.quote(text) }
}

import DevlinkModel
import RateUnits

/// The attributes of each document object, listed once: the decoder, the encoder, the carry-over of
/// a legacy window and the port planner all read these tables, so an attribute added here has every
/// face at once. Each table is in the order the encoder writes (devlink's), which is also the order
/// an "unknown key" message lists.
enum DocumentSchema {
    static let eswitch: [DocumentAttribute<EswitchDocument>] = [
        .init("mode", { $0.mode }, { $0.mode = $1 }, .named),
        .init("inline-mode", { $0.inlineMode }, { $0.inlineMode = $1 }, .named),
        .init("encap-mode", { $0.encapMode }, { $0.encapMode = $1 }, .encapMode),
    ]

    static let function: [DocumentAttribute<FunctionDocument>] = [
        .init("hw_addr", { $0.hwAddr }, { $0.hwAddr = $1 }, .mac),
        .init("state", { $0.state }, { $0.state = $1 }, .named),
        .init("roce", { $0.roce }, { $0.roce = $1 }, .flag),
        .init("migratable", { $0.migratable }, { $0.migratable = $1 }, .flag),
        .init("ipsec_crypto", { $0.ipsecCrypto }, { $0.ipsecCrypto = $1 }, .flag),
        .init("ipsec_packet", { $0.ipsecPacket }, { $0.ipsecPacket = $1 }, .flag),
        .init("max_io_eqs", { $0.maxIOEQs }, { $0.maxIOEQs = $1 }, .u32),
    ]

    static let rate: [DocumentAttribute<RateDocument>] = [
        .init("tx_share", { $0.txShare }, { $0.txShare = $1 }, .rate),
        .init("tx_max", { $0.txMax }, { $0.txMax = $1 }, .rate),
        .init("tx_priority", { $0.txPriority }, { $0.txPriority = $1 }, .u32),
        .init("tx_weight", { $0.txWeight }, { $0.txWeight = $1 }, .u32),
        .init("parent", { $0.parent }, { $0.parent = $1 }, .parent),
        .init("tc_bw", { $0.tcBandwidths }, { $0.tcBandwidths = $1 }, .shares),
    ]

    static let bond: [DocumentAttribute<BondDocument>] = [
        .init("mode", { $0.config.mode }, { $0.config.mode = $1 }, .named),
        .init("miimon", { $0.config.miimon }, { $0.config.miimon = $1 }, .u32),
        .init("updelay", { $0.config.updelay }, { $0.config.updelay = $1 }, .u32),
        .init("downdelay", { $0.config.downdelay }, { $0.config.downdelay = $1 }, .u32),
        .init("xmit_hash_policy", { $0.config.xmitHashPolicy }, { $0.config.xmitHashPolicy = $1 }, .named),
        .init("lacp_rate", { $0.config.lacpRate }, { $0.config.lacpRate = $1 }, .named),
        .init("min_links", { $0.config.minLinks }, { $0.config.minLinks = $1 }, .u32),
    ]

    /// Every key each object takes, in the order an "unknown key" message lists them (made once: a
    /// document has an object per rate and per port).
    static let eswitchKeys = eswitch.map(\.key)
    static let functionKeys = function.map(\.key) + ["opstate"]
    static let rateKeys = ["type"] + rate.map(\.key)
    static let bondKeys = bond.map(\.key) + ["slaves"]
    static let sfPortKeys = ["flavour", "pfnum", "sfnum", "controller", "function", "device"]
    static let vfPortKeys = ["function"]
}

/// One optional attribute of a document object: its JSON key and what each reader of the tables
/// does with it.
struct DocumentAttribute<Object>: Sendable {
    let key: String
    /// The JSON member's value; nil when the attribute is not set.
    let encode: @Sendable (Object) -> JSONTree?
    let decode: @Sendable (inout Object, Node) throws(DocumentError) -> Void
    /// Sets the attribute from `old` where the object leaves it unset.
    let fill: @Sendable (inout Object, Object) -> Void
    /// Copies the wanted value into `changes` when it differs from `old`'s (nil: the object is new),
    /// and answers the new and old values as devlink words (old nil: it had none).
    let change: @Sendable (_ wanted: Object, _ old: Object?, _ changes: inout Object) -> (new: String, old: String?)?

    /// `get` and `set` reach the field (closures, not a key path: a key path is built at run time
    /// from its mangled types the first time, and the tables are read at every start).
    init<Value: Equatable & Sendable>(_ key: String, _ get: @escaping @Sendable (Object) -> Value?,
                                      _ set: @escaping @Sendable (inout Object, Value?) -> Void, _ codec: AttributeCodec<Value>) {
        self.key = key
        encode = { get($0).map(codec.tree) }
        decode = { object, node throws(DocumentError) in set(&object, try codec.read(node)) }
        fill = { object, old in
            if get(object) == nil { set(&object, get(old)) }
        }
        change = { wanted, old, changes in
            guard let new = get(wanted), new != old.flatMap(get) else { return nil }
            set(&changes, new)
            return (codec.word(new), old.flatMap(get).map(codec.word))
        }
    }
}

extension Array {
    /// The object's set attributes as JSON members, in table order.
    func members<Object>(_ object: Object) -> [JSONTree.Member] where Element == DocumentAttribute<Object> {
        compactMap { attribute in attribute.encode(object).map { JSONTree.Member(attribute.key, $0) } }
    }

    /// `object` with every attribute it leaves unset taken from `old`.
    func filling<Object>(_ object: Object, from old: Object) -> Object where Element == DocumentAttribute<Object> {
        var out = object
        for attribute in self { attribute.fill(&out, old) }
        return out
    }
}

extension Node {
    /// The members of this object into `object`: the table's attributes, and the other `keys` (every
    /// key the object takes, DocumentSchema's lists) through `other`.
    func decode<Object>(_ object: inout Object, _ attributes: [DocumentAttribute<Object>], keys: [String],
                        other: (inout Object, String, Node) throws(DocumentError) -> Void = { _, _, _ in })
        throws(DocumentError) {
        // Every name is checked before any value is read (an unknown key is reported before a bad
        // value), and the members are read where they lie: an object per rate and per port.
        let (members, here) = try checkedMembers(keys)
        for member in members {
            let value = Node(member.value, in: here, key: member.key)
            if let attribute = attributes.first(where: { $0.key == member.key }) {
                try attribute.decode(&object, value)
            } else {
                try other(&object, member.key, value)
            }
        }
    }
}

/// How one kind of attribute value reads and writes in a document, and how a plan spells it on a
/// devlink command line.
struct AttributeCodec<Value: Equatable & Sendable>: Sendable {
    let tree: @Sendable (Value) -> JSONTree
    let read: @Sendable (Node) throws(DocumentError) -> Value
    let word: @Sendable (Value) -> String
}

extension AttributeCodec where Value == Bool {
    static var flag: Self {
        Self(tree: { .bool($0) }, read: { node throws(DocumentError) in try node.bool() }, word: { $0 ? "enable" : "disable" })
    }
}

extension AttributeCodec where Value == UInt32 {
    static var u32: Self {
        Self(tree: { .int(Int64($0)) }, read: { node throws(DocumentError) in try node.u32() }, word: { String($0) })
    }
}

extension AttributeCodec where Value: DevlinkNamed {
    /// devlink's spelling (`switchdev`, `802.3ad`).
    static var named: Self {
        Self(tree: { .string($0.name) }, read: { node throws(DocumentError) in try node.named(Value.self) }, word: \.name)
    }
}

extension AttributeCodec where Value == EswitchEncapMode {
    /// devlink also reads the old spellings disable/enable (`dev eswitch set ... encap-mode`).
    static var encapMode: Self {
        Self(tree: { .string($0.name) }, read: { node throws(DocumentError) in
            if case .string(let word) = node.tree, word == "disable" || word == "enable" {
                return word == "enable" ? .basic : EswitchEncapMode.none
            }
            return try node.named(EswitchEncapMode.self)
        }, word: \.name)
    }
}

extension AttributeCodec where Value == MACAddress {
    static var mac: Self {
        Self(tree: { .string($0.description) }, read: { node throws(DocumentError) in
            let text = try node.string()
            do throws(HandleParseError) {
                return try MACAddress(parsing: text)
            } catch {
                throw node.error("\"\(text)\" is not a hardware address: \(error.reason)")
            }
        }, word: \.description)
    }
}

extension AttributeCodec where Value == UInt64 {
    /// Bytes per second, written as devlink prints a rate (`"10Gbit"`).
    static var rate: Self {
        Self(tree: { .string(RateValue.text(bytesPerSecond: $0)) }, read: { node throws(DocumentError) in try node.rate() },
             word: rateWord)
    }

    /// A rate as a plan's devlink word: 0 (unset) as `0`, else as devlink prints it.
    static func rateWord(_ bytes: UInt64) -> String { bytes == 0 ? "0" : RateValue.text(bytesPerSecond: bytes) }
}

extension AttributeCodec where Value == String {
    /// A rate's parent node; "" (written `null`) is no parent.
    static var parent: Self {
        Self(tree: { $0.isEmpty ? .null : .string($0) }, read: { node throws(DocumentError) in
            if case .null = node.tree { return "" }
            let parent = try node.string()
            guard DocumentDecoder.isValidNodeName(parent) else { throw node.error("\"\(parent)\" is not a node name") }
            return parent
        }, word: { $0.isEmpty ? "none" : $0 })
    }
}

extension AttributeCodec where Value == [UInt32] {
    /// The traffic-class shares of `tc-bw`, one per class.
    static var shares: Self {
        Self(tree: { .array($0.map { .int(Int64($0)) }) }, read: { node throws(DocumentError) in
            guard case .array(let items) = node.tree, items.count == RateObject.trafficClassCount else {
                throw node.error("expected an array of \(RateObject.trafficClassCount) traffic-class shares")
            }
            return try items.enumerated().map { index, item throws(DocumentError) in
                try Node(item, node.path + "[\(index)]").u32()
            }
        }, word: { $0.enumerated().map { "\($0.offset):\($0.element)" }.joined(separator: " ") })
    }
}

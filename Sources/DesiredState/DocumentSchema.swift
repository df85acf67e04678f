import DevlinkModel
import RateUnits

/// The attributes of each document object, listed once: the decoder, the encoder, the carry-over of
/// a legacy window and the port planner all read these tables, so an attribute added here has every
/// face at once. Each table is in the order the encoder writes (devlink's), which is also the order
/// an "unknown key" message lists.
enum DocumentSchema {
    static let eswitch: [DocumentAttribute<EswitchDocument>] = [
        .init("mode", \.mode, .named), .init("inline-mode", \.inlineMode, .named), .init("encap-mode", \.encapMode, .encapMode),
    ]

    static let function: [DocumentAttribute<FunctionDocument>] = [
        .init("hw_addr", \.hwAddr, .mac), .init("state", \.state, .named), .init("roce", \.roce, .flag),
        .init("migratable", \.migratable, .flag), .init("ipsec_crypto", \.ipsecCrypto, .flag),
        .init("ipsec_packet", \.ipsecPacket, .flag), .init("max_io_eqs", \.maxIOEQs, .u32),
    ]

    static let rate: [DocumentAttribute<RateDocument>] = [
        .init("tx_share", \.txShare, .rate), .init("tx_max", \.txMax, .rate), .init("tx_priority", \.txPriority, .u32),
        .init("tx_weight", \.txWeight, .u32), .init("parent", \.parent, .parent), .init("tc_bw", \.tcBandwidths, .shares),
    ]

    static let bond: [DocumentAttribute<BondDocument>] = [
        .init("mode", \.config.mode, .named), .init("miimon", \.config.miimon, .u32),
        .init("updelay", \.config.updelay, .u32), .init("downdelay", \.config.downdelay, .u32),
        .init("xmit_hash_policy", \.config.xmitHashPolicy, .named), .init("lacp_rate", \.config.lacpRate, .named),
        .init("min_links", \.config.minLinks, .u32),
    ]
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

    init<Value: Equatable & Sendable>(_ key: String, _ field: WritableKeyPath<Object, Value?> & Sendable, _ codec: AttributeCodec<Value>) {
        self.key = key
        encode = { $0[keyPath: field].map(codec.tree) }
        decode = { object, node throws(DocumentError) in object[keyPath: field] = try codec.read(node) }
        fill = { object, old in
            if object[keyPath: field] == nil { object[keyPath: field] = old[keyPath: field] }
        }
        change = { wanted, old, changes in
            guard let new = wanted[keyPath: field], new != old?[keyPath: field] else { return nil }
            changes[keyPath: field] = new
            return (codec.word(new), old?[keyPath: field].map(codec.word))
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
    /// The members of this object into `object`: the table's attributes, and those named in `leading`
    /// or `trailing` (listed before or after the table's in an "unknown key" message) through `other`.
    func decode<Object>(_ object: inout Object, _ attributes: [DocumentAttribute<Object>], leading: [String] = [],
                        trailing: [String] = [],
                        other: (inout Object, String, Node) throws(DocumentError) -> Void = { _, _, _ in })
        throws(DocumentError) {
        for (key, value) in try members(leading + attributes.map(\.key) + trailing) {
            if let attribute = attributes.first(where: { $0.key == key }) {
                try attribute.decode(&object, value)
            } else {
                try other(&object, key, value)
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

import DevlinkModel
import DLSLanguage

/// One printed attribute: devlink prints the same key in text (`key value`) and JSON (`"key":value`).
struct Field: Sendable {
    enum Value: Sendable {
        case string(String)
        case uint(UInt64)
        case bool(Bool)
        /// Bytes per second: text uses devlink's unit formatting, JSON the number.
        case rate(UInt64)
        case object([Field])
    }

    let key: String
    let value: Value

    init(_ key: String, _ value: Value) {
        self.key = key
        self.value = value
    }

    /// The value as devlink's text prints it.
    func text(iec: Bool) -> String {
        switch value {
        case .string(let s): return s
        case .uint(let n): return String(n)
        case .bool(let b): return b ? "true" : "false"
        case .rate(let r): return Rate(bytesPerSecond: r).formatted(iec: iec)
        case .object: return ""
        }
    }
}

/// The attributes devlink prints for each object, in its order (reference §3.7/§3.8).
enum Fields {
    static func port(_ p: Port) -> [Field] {
        var f: [Field] = []
        f.reserveCapacity(16)   // grown one by one it was reallocated four times per port
        port(p) { f.append($0) }
        return f
    }

    /// The fields of `port(_:)` handed over one by one (the text formatter needs no list of them).
    static func port(_ p: Port, _ field: (Field) -> Void) {
        field(Field("type", .string(p.type.name)))
        if let d = p.desiredType, d != p.type { field(Field("des_type", .string(d.name))) }
        if let n = p.netdev { field(Field("netdev", .string(n))) }
        if let n = p.ibdev { field(Field("ibdev", .string(n))) }
        field(Field("flavour", .string(p.flavour.name)))
        if p.flavour.isPCIFunction {
            if let c = p.controller { field(Field("controller", .uint(UInt64(c)))) }
            if let n = p.pfnum { field(Field("pfnum", .uint(UInt64(n)))) }
            if let n = p.vfnum { field(Field("vfnum", .uint(UInt64(n)))) }
            if let n = p.sfnum { field(Field("sfnum", .uint(UInt64(n)))) }
            if let e = p.external { field(Field("external", .bool(e))) }
        }
        if let n = p.portNumber { field(Field("port", .uint(UInt64(n)))) }
        if let g = p.splitGroup { field(Field("split_group", .uint(UInt64(g)))) }
        field(Field("splittable", .bool(p.splittable)))
        if let l = p.lanes { field(Field("lanes", .uint(UInt64(l)))) }
        if let fn = p.function { field(Field("function", .object(function(fn)))) }
    }

    static func function(_ fn: PortFunction) -> [Field] {
        var f: [Field] = []
        f.reserveCapacity(8)
        if let m = fn.hwAddr { f.append(Field("hw_addr", .string(m.description))) }
        if let s = fn.state { f.append(Field("state", .string(s.name))) }
        if let s = fn.opstate { f.append(Field("opstate", .string(s.name))) }
        func cap(_ key: String, _ flag: Bool?) {
            if let flag { f.append(Field(key, .string(flag ? "enable" : "disable"))) }
        }
        cap("roce", fn.roce)
        cap("migratable", fn.migratable)
        cap("ipsec_crypto", fn.ipsecCrypto)
        cap("ipsec_packet", fn.ipsecPacket)
        if let n = fn.maxIOEQs { f.append(Field("max_io_eqs", .uint(UInt64(n)))) }
        // pr_out_nested_handle_obj: an object named by the handle (text prints it as its own block).
        if let d = fn.nestedDevlink { f.append(Field("nested_devlink", .object([Field(d.description, .object([]))]))) }
        return f
    }

    static func rate(_ r: RateObject) -> [Field] {
        var f: [Field] = []
        f.reserveCapacity(8)
        f.append(Field("type", .string(r.type.name)))
        if r.txShare != 0 { f.append(Field("tx_share", .rate(r.txShare))) }
        if r.txMax != 0 { f.append(Field("tx_max", .rate(r.txMax))) }
        if r.txPriority != 0 { f.append(Field("tx_priority", .uint(UInt64(r.txPriority)))) }
        if r.txWeight != 0 { f.append(Field("tx_weight", .uint(UInt64(r.txWeight)))) }
        if let p = r.parent { f.append(Field("parent", .string(p))) }
        for (i, bw) in r.tcBandwidths.enumerated() where bw != 0 {
            f.append(Field("tc_\(i)", .uint(UInt64(bw))))
        }
        return f
    }

    static func eswitch(_ e: Eswitch) -> [Field] {
        var f: [Field] = []
        if let m = e.mode { f.append(Field("mode", .string(m.name))) }
        if let m = e.inlineMode { f.append(Field("inline-mode", .string(m.name))) }
        if let m = e.encapMode { f.append(Field("encap-mode", .string(m.name))) }
        return f
    }
}

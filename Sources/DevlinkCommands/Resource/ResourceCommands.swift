import DevlinkModel
import DLSLanguage

/// `resource show DEV` and `resource set DEV path PATH size SIZE` (iproute2 cmd_resource).
enum ResourceCommands {
    static let usage = [
        "Usage: devlink resource show DEV",
        "       devlink resource set DEV path PATH size SIZE",
    ]

    static var node: CommandNode {
        CommandNode("resource", usage: usage, children: [
            CommandNode("show", command: CommandSpec(path: ["resource", "show"], handle: .device, action: show)),
            CommandNode("set", command: CommandSpec(
                path: ["resource", "set"], handle: .device, options: [
                    OptionSpec("path", .text, required: "Resource path expected."),
                    OptionSpec("size", .u64, required: "Resource size expected."),
                ], action: set)),
        ])
    }

    @Sendable static func show(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device else { return .none }
        do {
            return .object(ObjectResult(try c.session.perform(ListResources(device))))
        } catch let error as DevlinkError where error.errno == .ENODEV {
            // devlink asks for the dpipe tables first; an unknown device fails there, and devlink then
            // prints strerror of its context's error, which nothing set: "error get tables Success".
            // (A device without resources fails at the dump itself, EOPNOTSUPP, with no such line.)
            var failure = ClientError(errno: error.errno)
            failure.lines = FailureReport(error).lines + ["error get tables Success"]
            throw failure
        }
    }

    /// Like devlink: dump the device's resources, resolve the path to an id, then send the size.
    @Sendable static func set(_ c: CommandContext, _ p: ParsedCommand) throws -> CommandResult {
        guard let device = p.device, let path = p.word("path"), let size = p.number("size") else { return .none }
        let all = try c.session.perform(ListResources(device))
        guard let resource = all.resource(atPath: path) else {
            throw ClientError("error parsing resource path Invalid argument", word: p.wordIndex("path"),
                              hint: "resources: " + all.resources.flatMap { paths($0, prefix: "") }.joined(separator: ", "))
        }
        try c.session.perform(SetResourceSize(device, id: resource.id, size: size))
        return .none
    }

    /// `/IPv4`, `/IPv4/fib`, ... for hints.
    static func paths(_ r: Resource, prefix: String) -> [String] {
        let mine = prefix + "/" + r.name
        return [mine] + r.children.flatMap { paths($0, prefix: mine) }
    }
}

/// How devlink prints resources (iproute2 resource_show / resources_show).
enum ResourceFormat {
    /// `DEV:` then each top resource on its own line at indent 2; children under `resources:`, 2 deeper,
    /// and each child 2 deeper again.
    static func text(_ r: DeviceResources) -> String {
        let pending = r.resources.flatMap(\.flattened).contains { $0.size != $0.sizeNew }
        var out = "\(r.device):"
        func show(_ resource: Resource, indent: Int) {
            let pad = String(repeating: " ", count: indent)
            out += "\n" + pad + fields(resource, pending: pending).map { "\($0.key) \($0.text)" }.joined(separator: " ")
            guard !resource.children.isEmpty else { return }
            out += "\n" + pad + "  resources:"
            for child in resource.children { show(child, indent: indent + 4) }
        }
        for resource in r.resources { show(resource, indent: 2) }
        return r.resources.isEmpty ? "" : out + "\n"
    }

    /// `{"resources":{"DEV":[{...,"resources":[...]}]}}`.
    static func json(_ r: DeviceResources, into w: inout IPJSONWriter) {
        let pending = r.resources.flatMap(\.flattened).contains { $0.size != $0.sizeNew }
        func write(_ resource: Resource) {
            w.beginObject()
            for f in fields(resource, pending: pending) {
                w.name(f.key)
                if f.quoted { w.string(f.text) } else { w.raw(f.text) }
            }
            if !resource.children.isEmpty {
                w.name("resources")
                w.beginArray()
                for child in resource.children { write(child) }
                w.endArray()
            }
            w.endObject()
        }
        w.beginObject()
        w.name("resources")
        w.beginObject()
        w.name(r.device.description)
        w.beginArray()
        for resource in r.resources { write(resource) }
        w.endArray()
        w.endObject()
        w.endObject()
    }

    /// One resource's printed attributes in devlink's order: `unlimited` for u64 max (pr_out_u64),
    /// size_min/max/gran only when min and max differ, size_valid only on parents while some size
    /// is pending (ctx->pending_change), as a string even in JSON.
    static func fields(_ r: Resource, pending: Bool) -> [(key: String, text: String, quoted: Bool)] {
        func u64(_ v: UInt64) -> (String, Bool) { v == .max ? ("unlimited", true) : (String(v), false) }
        var f: [(key: String, text: String, quoted: Bool)] = [("name", r.name, true)]
        let size = u64(r.size)
        f.append(("size", size.0, size.1))
        if r.size != r.sizeNew {
            let new = u64(r.sizeNew)
            f.append(("size_new", new.0, new.1))
        }
        // print_uint: the low 32 bits.
        if let occ = r.occupancy { f.append(("occ", String(UInt32(truncatingIfNeeded: occ)), false)) }
        f.append(("unit", r.unit.name, true))
        if r.sizeMin != r.sizeMax {
            f.append(("size_min", String(UInt32(truncatingIfNeeded: r.sizeMin)), false))
            let max = u64(r.sizeMax)
            f.append(("size_max", max.0, max.1))
            f.append(("size_gran", String(UInt32(truncatingIfNeeded: r.sizeGranularity)), false))
        }
        f.append(("dpipe_tables", "none", true))
        if pending && !r.children.isEmpty { f.append(("size_valid", r.sizeValid ? "true" : "false", true)) }
        return f
    }

    /// `{handle, resources: [{name, id, size, size_new, size_valid, size_min, size_max, size_gran, unit, occ, resources}]}`.
    static func value(_ r: DeviceResources) -> Value {
        func one(_ resource: Resource) -> Value {
            let m = MapObject()
            func int(_ v: UInt64) -> Value { v <= UInt64(Int.max) ? .int(Int(v)) : .string("unlimited") }
            m.entries[.string("name")] = .string(resource.name)
            m.entries[.string("id")] = int(resource.id)
            m.entries[.string("size")] = int(resource.size)
            m.entries[.string("size_new")] = int(resource.sizeNew)
            m.entries[.string("size_valid")] = .bool(resource.sizeValid)
            m.entries[.string("size_min")] = int(resource.sizeMin)
            m.entries[.string("size_max")] = int(resource.sizeMax)
            m.entries[.string("size_gran")] = int(resource.sizeGranularity)
            m.entries[.string("unit")] = .string(resource.unit.name)
            m.entries[.string("occ")] = resource.occupancy.map(int) ?? .null
            m.entries[.string("resources")] = .list(ListObject(resource.children.map(one)))
            return .map(m)
        }
        let m = MapObject()
        m.entries[.string("handle")] = .string(r.device.description)
        m.entries[.string("resources")] = .list(ListObject(r.resources.map(one)))
        return .map(m)
    }
}

extension DeviceResources: FormattedObject {
    func text(_ formatter: TextFormatter) -> String { ResourceFormat.text(self) }
    func json(into w: inout IPJSONWriter) { ResourceFormat.json(self, into: &w) }
    func value(_ formatter: TextFormatter) -> Value { ResourceFormat.value(self) }
}

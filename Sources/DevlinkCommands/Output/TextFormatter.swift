import DevlinkModel

/// devlink's text output (reference §3.7), byte for byte. Indent step is two spaces.
public struct TextFormatter: Sendable {
    /// `-i`: IEC units (`Kibit`) for rates.
    public var iec: Bool
    /// ANSI colour in dls's own tables (`qos simulate`); devlink's output never has any.
    public var color: Bool

    public init(iec: Bool = false, color: Bool = false) {
        self.iec = iec
        self.color = color
    }

    /// The full text of a result, every line ending in a newline.
    public func format(_ result: CommandResult) -> String {
        switch result {
        case .none, .usage: return ""
        case .devices(let devices, _): return devices.map { "\($0)\n" }.joined()
        case .ports(let ports, _): return lines(ports, bytesEach: 192) { port($0, into: &$1) }
        case .rates(let rates, _): return lines(rates, bytesEach: 96) { rate($0, into: &$1) }
        case .eswitch(let device, let e): return eswitch(device, e) + "\n"
        case .info(let infos, _): return infos.map(info).joined()
        case .params(let params, _): return self.params(params)
        case .lag(let r): return LagText.format(r)
        case .events(let events): return events.map { MonitorFormat.text($0, self) }.joined()
        case .rateSimulation(let s, _): return RateSimulationText(iec: iec, color: color).simulation(s)
        case .rateFindings(let device, let findings): return RateSimulationText(iec: iec, color: color).findings(device, findings)
        case .object(let o): return o.content.text(self)
        }
    }

    /// One port without the final newline; the `function:` block follows on its own lines.
    public func port(_ p: Port) -> String { text { port(p, into: &$0) } }

    func port(_ p: Port, into out: inout TextBuffer) {
        out.write(p.handle)
        out.write(UInt8(ascii: ":"))
        var function: [Field] = []
        Fields.port(p) { field in
            if case .object(let inner) = field.value {
                function = inner
            } else {
                out.write(UInt8(ascii: " "))
                write(field, into: &out)
            }
        }
        if p.function != nil {
            out.write("\n  function:\n    " as StaticString)
            for (i, field) in function.enumerated() {
                if case .object = field.value { continue }
                if !(i == 0 && field.key == "hw_addr") { out.write(UInt8(ascii: " ")) }
                write(field, into: &out)
            }
            // iproute2's pr_out_nested_handle_obj: an indented block under the function's line.
            if let nested = p.function?.nestedDevlink {
                out.write("\n      nested_devlink:\n        " as StaticString)
                out.write(nested.description)
            }
        }
    }

    public func rate(_ r: RateObject) -> String { text { rate(r, into: &$0) } }

    func rate(_ r: RateObject, into out: inout TextBuffer) {
        out.write(r.handle)
        out.write(UInt8(ascii: ":"))
        for field in Fields.rate(r) {
            out.write(UInt8(ascii: " "))
            if Keyword.matches("tc_", field.key) {   // "tc_" begins the key: a byte test, keys are ASCII
                out.write(field.key)
                out.write(" bw " as StaticString)
                value(field, into: &out)
            } else {
                write(field, into: &out)
            }
        }
    }

    /// One line per item, each ending in a newline, all in one buffer.
    private func lines<T>(_ items: [T], bytesEach: Int, _ write: (T, inout TextBuffer) -> Void) -> String {
        var out = TextBuffer(capacity: items.count * bytesEach)
        for i in items.indices {
            write(items[i], &out)
            out.write(UInt8(ascii: "\n"))
        }
        return out.text
    }

    /// What `write` puts in a fresh buffer.
    private func text(_ write: (inout TextBuffer) -> Void) -> String {
        var out = TextBuffer()
        write(&out)
        return out.text
    }

    /// `key value`.
    private func write(_ field: Field, into out: inout TextBuffer) {
        out.write(field.key)
        out.write(UInt8(ascii: " "))
        value(field, into: &out)
    }

    private func value(_ field: Field, into out: inout TextBuffer) {
        switch field.value {
        case .uint(let n): out.write(n)
        case .string(let s): out.write(s)
        case .bool(let b): out.write(b ? "true" as StaticString : "false")
        default: out.write(field.text(iec: iec))
        }
    }

    public func eswitch(_ device: DeviceHandle, _ e: Eswitch) -> String {
        "\(device):" + Fields.eswitch(e).map { " \($0.key) \($0.text(iec: iec))" }.joined()
    }

    /// `dev info`: devlink's nesting puts `versions:` at 2 spaces and its groups at 6.
    public func info(_ i: DeviceInfo) -> String {
        var out = "\(i.device):"
        if !i.driver.isEmpty { out += "\n  driver \(i.driver)" }
        if let s = i.serialNumber { out += "\n  serial_number \(s)" }
        if let s = i.boardSerialNumber { out += "\n  board.serial_number \(s)" }
        let groups = [("fixed", i.fixed), ("running", i.running), ("stored", i.stored)].filter { !$0.1.isEmpty }
        if !groups.isEmpty {
            out += "\n  versions:"
            for (name, versions) in groups {
                out += "\n      \(name):"
                for v in versions { out += "\n        \(v.name) \(v.value)" }
            }
        }
        return out + "\n"
    }

    /// `dev param show`: grouped per device like devlink's array output.
    public func params(_ params: [Param]) -> String {
        var last: DeviceHandle?
        return self.params(params, after: &last)
    }

    /// Params under the device header devlink last printed (`last`): devlink keeps that handle for
    /// the whole run (`arr_last` in __pr_out_handle_start), so in a batch a second `dev param show`
    /// of the same device prints no header of its own.
    public func params(_ params: [Param], after last: inout DeviceHandle?) -> String {
        var out = ""
        for p in params {
            if p.device != last {
                out += "\(p.device):\n"
                last = p.device
            }
            out += "  name \(p.name) type \(p.generic ? "generic" : "driver-specific")\n    values:\n"
            for v in p.values {
                out += "      cmode \(v.cmode.name) value \(v.value)\n"
            }
        }
        return out
    }
}

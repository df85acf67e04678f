import DevlinkModel
import DLSLanguage

/// A command's result as a dls value: one object when the line named one, else a list.
enum ValueConversion {
    static func value(_ result: CommandResult, formatter: TextFormatter, live: LiveState? = nil) -> Value {
        func many(_ items: [Value], _ single: Bool) -> Value {
            single && items.count == 1 ? items[0] : .list(ListObject(items))
        }
        switch result {
        case .none: return .null
        case .usage(let lines): return .string(lines.map { $0 + "\n" }.joined())
        case .devices(let d, let single): return many(d.map { .object(DeviceValue($0)) }, single)
        case .ports(let p, let single): return many(p.map { .object(PortValue($0, formatter: formatter, live: live)) }, single)
        case .rates(let r, let single): return many(r.map { .object(RateObjectValue($0, formatter: formatter, live: live)) }, single)
        case .eswitch(let d, let e): return .object(EswitchValue(d, e, live: live))
        case .info(let infos, let single): return many(infos.map(info), single)
        case .params(let params, let single): return many(params.map(param), single)
        case .lag(let r): return LagValues.value(r, live: live)
        case .events(let events): return .list(ListObject(events.map { EventValue.value($0, formatter: formatter) }))
        case .rateSimulation(let s, _): return RateSimulationValues.allocations(s)
        case .rateFindings(_, let findings): return RateSimulationValues.findings(findings)
        case .object(let o): return o.content.value(formatter)
        }
    }

    static func info(_ i: DeviceInfo) -> Value {
        let m = MapObject()
        m.entries[.string("handle")] = .string(i.device.description)
        m.entries[.string("driver")] = .string(i.driver)
        if let s = i.serialNumber { m.entries[.string("serial_number")] = .string(s) }
        if let s = i.boardSerialNumber { m.entries[.string("board.serial_number")] = .string(s) }
        for (name, list) in [("fixed", i.fixed), ("running", i.running), ("stored", i.stored)] {
            let group = MapObject()
            for v in list { group.entries[.string(v.name)] = .string(v.value) }
            m.entries[.string(name)] = .map(group)
        }
        return .map(m)
    }

    static func param(_ p: Param) -> Value {
        let m = MapObject()
        m.entries[.string("handle")] = .string(p.device.description)
        m.entries[.string("name")] = .string(p.name)
        m.entries[.string("type")] = .string(p.generic ? "generic" : "driver-specific")
        let values = MapObject()
        for v in p.values {
            let value: Value
            switch v.value {
            case .u8(let n): value = .int(Int(n))
            case .u16(let n): value = .int(Int(n))
            case .u32(let n): value = .int(Int(n))
            case .u64(let n): value = n <= UInt64(Int.max) ? .int(Int(n)) : .float(Double(n))
            case .string(let s): value = .string(s)
            case .bool(let b): value = .bool(b)
            }
            values.entries[.string(v.cmode.name)] = value
        }
        m.entries[.string("values")] = .map(values)
        return .map(m)
    }
}

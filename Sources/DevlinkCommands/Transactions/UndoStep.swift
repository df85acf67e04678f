import DevlinkModel

/// One inverse request (or a short sequence of them) recorded when a change succeeded; replayed newest
/// first on rollback. Each case carries the values read before the change, so the undo sets things back.
enum UndoStep {
    /// Undo of `port add`.
    case deletePort(PortHandle)
    /// Undo of `port del`: add it again, then its function attributes and its leaf rate.
    case recreatePort(Port, leaf: RateObject?)
    case setPortType(PortHandle, PortType)
    /// Undo of `port split`: unsplit through any port of the new group.
    case unsplit(PortHandle, original: PortHandle)
    /// Undo of `port unsplit`: split the restored port again; the old subports are matched by subport number.
    case split(PortHandle, count: UInt32, subports: [UInt32: PortHandle])
    case setFunction(PortHandle, PortFunctionChanges)
    case setRate(RateHandle, RateChanges)
    case deleteRateNode(RateHandle)
    /// Undo of `rate del`: the node with its values and parent.
    case recreateRateNode(RateObject)
    case setEswitch(DeviceHandle, EswitchChanges)
    case setSriovNumVFs(DeviceHandle, UInt32)
    case setParam(DeviceHandle, name: String, value: ParamValue, cmode: ParamCMode)
    /// Undo of `resource set`: the size it had pending before (the path is for the report).
    case setResourceSize(DeviceHandle, path: String, id: UInt64, size: UInt64)
    /// Undo of `health set`: the attributes it named, as they were.
    case setHealthReporter(SetHealthReporter)
    /// Ports and rate nodes a device-wide change (eswitch mode, SR-IOV) took with it: put back after
    /// the change itself was undone.
    case restoreCollateral(DeviceHandle, ports: [Port], leaves: [RateObject], nodes: [RateObject])
    // Links (rtnetlink).
    case deleteLink(String)
    case recreateBond(Bond)
    case changeBond(String, BondConfig)
    case enslave(String, to: String)
    case release(String)
    case setLink(String, up: Bool)
    case setBondSlavePrio(String, Int32)
    /// Undo of `route add`: delete the route of that prefix and metric.
    case deleteRoute(RouteSelector)
    /// Undo of `route del` or `route replace`: put the old route back (`ip route replace`).
    case restoreRoute(Route)
    /// A change the journal cannot invert; rollback reports it.
    case irreversible(String)
}

extension UndoStep: CustomStringConvertible {
    /// The request as a devlink/dls command line, for "could not undo" reports.
    var description: String {
        switch self {
        case .deletePort(let h): "port del \(h)"
        case .recreatePort(let p, _):
            "port add \(p.device) flavour \(p.flavour.name) pfnum \(p.pfnum ?? 0)" + (p.sfnum.map { " sfnum \($0)" } ?? "")
        case .setPortType(let h, let t): "port set \(h) type \(t.name)"
        case .unsplit(let h, _): "port unsplit \(h)"
        case .split(let h, let count, _): "port split \(h) count \(count)"
        case .setFunction(let h, let c): "port function set \(h)" + c.commandWords
        case .setRate(let h, let c): "port function rate set \(h)" + c.commandWords
        case .deleteRateNode(let h): "port function rate del \(h)"
        case .recreateRateNode(let r): "port function rate add \(r.handle)" + r.asChanges.commandWords
        case .setEswitch(let d, let c):
            "dev eswitch set \(d)" + (c.mode.map { " mode \($0.name)" } ?? "")
                + (c.inlineMode.map { " inline-mode \($0.name)" } ?? "") + (c.encapMode.map { " encap-mode \($0.name)" } ?? "")
        case .setSriovNumVFs(let d, let n): "dev sriov set \(d) numvfs \(n)"
        case .setParam(let d, let name, let value, let cmode): "dev param set \(d) name \(name) value \(value) cmode \(cmode.name)"
        case .setResourceSize(let d, let path, _, let size): "resource set \(d) path \(path) size \(size)"
        case .setHealthReporter(let op):
            "health set \(op.port.map { "\(op.device)/\($0)" } ?? op.device.description) reporter \(op.name)"
                + (op.gracePeriod.map { " grace_period \($0)" } ?? "") + (op.burstPeriod.map { " burst_period \($0)" } ?? "")
                + (op.autoRecover.map { " auto_recover \($0)" } ?? "") + (op.autoDump.map { " auto_dump \($0)" } ?? "")
        case .restoreCollateral(let d, let ports, _, let nodes):
            "restore \(ports.count) port\(ports.count == 1 ? "" : "s") and \(nodes.count) rate node\(nodes.count == 1 ? "" : "s") of \(d)"
        case .deleteLink(let name): "lag del \(name)"
        case .recreateBond(let b): "lag add \(b.name) mode \(b.mode.name)"
        case .changeBond(let name, _): "lag set \(name)"
        case .enslave(let slave, let bond): "lag slave add \(bond) \(slave)"
        case .release(let slave): "lag slave del \(slave)"
        case .setLink(let name, let up): "link set \(name) \(up ? "up" : "down")"
        case .setBondSlavePrio(let slave, let prio): "lag slave set \(slave) prio \(prio)"
        case .deleteRoute(let s): "route del \(s.prefix) metric \(s.metric ?? 0)"
        case .restoreRoute(let r): "route replace \(r.prefix) metric \(r.metric)"
        case .irreversible(let what): what
        }
    }
}

extension PortFunctionChanges {
    var commandWords: String {
        var out = ""
        if let hwAddr { out += " hw_addr \(hwAddr)" }
        for (name, flag) in [("roce", roce), ("migratable", migratable), ("ipsec_crypto", ipsecCrypto),
                             ("ipsec_packet", ipsecPacket)] {
            if let flag { out += " \(name) \(flag ? "enable" : "disable")" }
        }
        if let maxIOEQs { out += " max_io_eqs \(maxIOEQs)" }
        if let state { out += " state \(state.name)" }
        return out
    }
}

extension RateChanges {
    var commandWords: String {
        var out = ""
        if let txShare { out += " tx_share \(txShare * 8)bit" }
        if let txMax { out += " tx_max \(txMax * 8)bit" }
        if let txPriority { out += " tx_priority \(txPriority)" }
        if let txWeight { out += " tx_weight \(txWeight)" }
        if let parent { out += parent.isEmpty ? " noparent" : " parent \(parent)" }
        if let tcBandwidths { out += " tc-bw " + tcBandwidths.map { "\($0.index):\($0.bandwidth)" }.joined(separator: " ") }
        return out
    }
}

extension RateObject {
    /// Every value of this object as one request (a re-created node gets them all back).
    var asChanges: RateChanges {
        RateChanges(txShare: txShare == 0 ? nil : txShare, txMax: txMax == 0 ? nil : txMax,
                    txPriority: txPriority == 0 ? nil : txPriority, txWeight: txWeight == 0 ? nil : txWeight,
                    parent: parent,
                    tcBandwidths: tcBandwidths.allSatisfy { $0 == 0 } ? nil : RateObject.entries(tcBandwidths))
    }

    static func entries(_ shares: [UInt32]) -> [TrafficClassBandwidth] {
        shares.enumerated().map { TrafficClassBandwidth(index: UInt8($0.offset), bandwidth: $0.element) }
    }
}

import DevlinkModel

/// What a session reports, read once: the input of `snapshot` and of the planner. Ports and rate
/// leaves are keyed as documents key them (`vf/N`, `sf/SFNUM`), since the driver picks port indexes.
public struct ObservedState: Sendable {
    public struct Device: Sendable {
        public var handle: DeviceHandle
        /// `dev info`'s driver (`mlx5_core`, `netdevsim`); nil when the session cannot tell.
        public var driver: String?
        public var eswitch: Eswitch?
        public var numVFs: UInt32?
        public var params: [Param]
        /// VF and SF ports by key, plus every port (for the PF's pfnum).
        public var ports: [PortKey: Port]
        public var allPorts: [Port]
        public var nodes: [String: RateObject]
        public var leaves: [PortKey: RateObject]
        /// Attached SFs' own devlink instances (the function's nested devlink) and their params.
        public var sfDevices: [PortKey: SFDevice] = [:]

        public var profile: DriverRules.Profile { DriverRules.profile(driver: driver) }
    }

    public struct SFDevice: Sendable {
        public var handle: DeviceHandle
        public var params: [Param]
    }

    public var devices: [Device]
    /// Every device the session lists; a read for one document (`read(_:for:)`) reads only the
    /// devices it names into `devices`.
    public var handles: [DeviceHandle]
    /// nil when the session has no links (bonds are then not managed).
    public var bonds: [Bond]?
    /// The session this was read from (a plan's apply on it starts from the ports read here).
    var source: SessionLink?

    public func device(_ handle: DeviceHandle) -> Device? { devices.first { $0.handle == handle } }

    /// Reads every device: eswitch, SR-IOV, params, ports and rates (a read the device does not
    /// support is left out, as devlink leaves out what the kernel does not send), and the bonds.
    public static func read(_ session: DeviceSession) throws -> ObservedState {
        try read(session, for: nil)
    }

    /// Reads what planning `document` needs (everything when nil): the devices it names, their
    /// params only when it sets some, their mode, VF count and driver only when it sets more than
    /// rates, the bonds only when it has `bonds`. On the kernel every read is a dump or more, and a
    /// link dump lists every netdev (VF representors included), so a plan of rates alone reads no
    /// links and no params.
    public static func read(_ session: DeviceSession, for document: DesiredDocument?) throws -> ObservedState {
        var devices: [Device] = []
        var handles: [DeviceHandle] = []
        for handle in try session.devices() {
            // Only the devices a document can address: nested SF devices (auxiliary/...) are part of
            // their port function, not devices of their own here.
            guard handle.bus != "auxiliary" else { continue }
            handles.append(handle)
            if let document {
                guard let wanted = document.device(handle) else { continue }
                let sfDevices = Set((wanted.ports ?? []).filter { $0.deviceParams != nil }.map(\.key))
                // A device document of rates alone is planned from ports and rates: the mode, the VF
                // count and the driver decide only the steps of the other parts.
                let settings = wanted.eswitch != nil || wanted.numVFs != nil || wanted.params != nil || wanted.ports != nil
                devices.append(try readDevice(handle, session, settings: settings, params: wanted.params != nil,
                                              sfDevices: sfDevices.contains))
            } else {
                devices.append(try readDevice(handle, session, settings: true, params: true, sfDevices: { $0.isSF }))
            }
        }
        // Bonds are read when the session has links; a failed dump (no bonding support) leaves
        // them unmanaged rather than failing the whole read.
        let wantsBonds = document.map { $0.bonds != nil } ?? true
        let bonds = wantsBonds ? session.linkSession.flatMap { links in try? links.bonds() } : nil
        return ObservedState(devices: devices, handles: handles, bonds: bonds, source: SessionLink(session))
    }

    static func readDevice(_ handle: DeviceHandle, _ session: DeviceSession, settings: Bool, params: Bool,
                           sfDevices: (PortKey) -> Bool) throws -> Device {
        let info = settings ? try? session.info(handle) : nil
        let ports = try session.ports(of: handle)
        var byKey: [PortKey: Port] = [:]
        var keyOfIndex: [UInt32: PortKey] = [:]
        for port in ports {
            guard let key = key(of: port) else { continue }
            byKey[key] = port
            keyOfIndex[port.index] = key
        }
        var nodes: [String: RateObject] = [:]
        var leaves: [PortKey: RateObject] = [:]
        for rate in (try? session.rates(of: handle)) ?? [] {
            switch rate.handle.target {
            case .node(let name): nodes[name] = rate
            case .leaf(let index): if let key = keyOfIndex[index] { leaves[key] = rate }
            }
        }
        var device = Device(handle: handle, driver: info?.driver, eswitch: settings ? try? session.eswitch(handle) : nil,
                            numVFs: settings ? try? session.sriovNumVFs(handle) : nil,
                            params: params ? (try? session.params(of: handle)) ?? [] : [],
                            ports: byKey, allPorts: ports, nodes: nodes, leaves: leaves)
        for (key, port) in byKey where sfDevices(key) {
            guard let nested = port.function?.nestedDevlink, let sfParams = try? session.params(of: nested) else { continue }
            device.sfDevices[key] = SFDevice(handle: nested, params: sfParams)
        }
        return device
    }

    /// `vf/N` for a local VF, `sf/SFNUM` for an SF; nil for the rest (physical, PF and external VFs).
    static func key(of port: Port) -> PortKey? {
        switch port.flavour {
        case .pcivf where port.external != true:
            return port.vfnum.map { .vf(UInt32($0)) }
        case .pcisf:
            return port.sfnum.map { .sf($0) }
        default:
            return nil
        }
    }
}

/// `dls snapshot`: the observed state as a document that reproduces it.
public enum Snapshot {
    public static func document(_ observed: ObservedState) -> DesiredDocument {
        var document = DesiredDocument()
        for device in observed.devices {
            document.devices.append(self.device(device))
        }
        document.bonds = observed.bonds.map { bonds in bonds.map(bond) }
        return document
    }

    public static func take(_ session: DeviceSession) throws -> DesiredDocument {
        document(try ObservedState.read(session))
    }

    static func device(_ device: ObservedState.Device) -> DeviceDocument {
        var out = DeviceDocument(handle: device.handle)
        if let eswitch = device.eswitch {
            out.eswitch = EswitchDocument(mode: eswitch.mode, inlineMode: eswitch.inlineMode, encapMode: eswitch.encapMode)
        }
        out.numVFs = device.numVFs
        out.params = params(device.params)
        var ports: [PortDocument] = []
        for (key, port) in device.ports {
            var doc = PortDocument(key: key)
            if key.isSF {
                doc.flavour = .pcisf
                doc.pfnum = port.pfnum
                doc.sfnum = port.sfnum
                if let controller = port.controller, controller != 0 { doc.controller = controller }
            }
            if let function = port.function { doc.function = self.function(function) }
            if let sfDevice = device.sfDevices[key] { doc.deviceParams = params(sfDevice.params) }
            guard key.isSF || !(doc.function?.isEmpty ?? true) else { continue }
            ports.append(doc)
        }
        out.ports = ports.isEmpty ? nil : ports
        var rates: [RateDocument] = []
        for (name, node) in device.nodes { rates.append(rate(.node(name), node, always: true)) }
        for (key, leaf) in device.leaves {
            let doc = rate(.leaf(key), leaf, always: false)
            if doc != RateDocument(key: .leaf(key)) { rates.append(doc) }
        }
        out.rates = rates.isEmpty ? nil : rates
        return out
    }

    /// Each parameter in its first mode in the kernel's order (runtime, driverinit, permanent).
    static func params(_ params: [Param]) -> [ParamDocument] {
        params.compactMap { param in
            guard let first = param.values.first else { return nil }
            return ParamDocument(name: param.name, cmode: first.cmode, value: scalar(first.value))
        }
    }

    static func scalar(_ value: ParamValue) -> ParamDocument.Scalar {
        switch value {
        case .bool(let flag): .bool(flag)
        case .u8(let n): .number(UInt64(n))
        case .u16(let n): .number(UInt64(n))
        case .u32(let n): .number(UInt64(n))
        case .u64(let n): .number(n)
        case .string(let text): .string(text)
        }
    }

    static func function(_ function: PortFunction) -> FunctionDocument {
        FunctionDocument(hwAddr: function.hwAddr, state: function.state, roce: function.roce,
                         migratable: function.migratable, ipsecCrypto: function.ipsecCrypto,
                         ipsecPacket: function.ipsecPacket, maxIOEQs: function.maxIOEQs)
    }

    /// Attributes as devlink shows them: zero (unset) values and no parent are left out.
    static func rate(_ key: RateKey, _ object: RateObject, always: Bool) -> RateDocument {
        RateDocument(key: key, txShare: object.txShare == 0 ? nil : object.txShare,
                     txMax: object.txMax == 0 ? nil : object.txMax,
                     txPriority: object.txPriority == 0 ? nil : object.txPriority,
                     txWeight: object.txWeight == 0 ? nil : object.txWeight, parent: object.parent,
                     tcBandwidths: object.tcBandwidths.allSatisfy { $0 == 0 } ? nil : object.tcBandwidths)
    }

    /// Without MII monitoring the delays are not written when 0: replaying `updelay 0` on a bond with
    /// `miimon 0` is refused (_bond_option_delay_set: EPERM when !bond->params.miimon).
    static func bond(_ bond: Bond) -> BondDocument {
        let unmonitored = bond.miimon == 0
        let config = BondConfig(mode: bond.mode, miimon: bond.miimon,
                                updelay: unmonitored && bond.updelay == 0 ? nil : bond.updelay,
                                downdelay: unmonitored && bond.downdelay == 0 ? nil : bond.downdelay,
                                xmitHashPolicy: bond.xmitHashPolicy, lacpRate: bond.lacpRate, minLinks: bond.minLinks)
        return BondDocument(name: bond.name, config: config, slaves: bond.slaves.map(\.name))
    }
}

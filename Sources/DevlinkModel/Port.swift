/// A devlink port as `port show` reports it. Optional fields are absent when the kernel does not send them
/// (flavour-specific attributes, netdev only for bound eth ports, lanes only if non-zero, ...).
public struct Port: Equatable, Sendable, Codable {
    public var handle: PortHandle
    public var type: PortType
    /// Only reported when set (after `port set type`); printers show it only when it differs from `type`.
    public var desiredType: PortType?
    public var netdev: String?
    public var ifindex: UInt32?
    public var ibdev: String?
    public var flavour: PortFlavour
    public var controller: UInt32?
    public var pfnum: UInt16?
    public var vfnum: UInt16?
    public var sfnum: UInt32?
    public var external: Bool?
    /// Physical/cpu/dsa ports only.
    public var portNumber: UInt32?
    /// Split ports only (= the original port number).
    public var splitGroup: UInt32?
    public var splitSubportNumber: UInt32?
    public var splittable: Bool
    public var lanes: UInt32?
    public var function: PortFunction?

    public init(handle: PortHandle, type: PortType = .notset, desiredType: PortType? = nil, netdev: String? = nil,
                ifindex: UInt32? = nil, ibdev: String? = nil, flavour: PortFlavour, controller: UInt32? = nil,
                pfnum: UInt16? = nil, vfnum: UInt16? = nil, sfnum: UInt32? = nil, external: Bool? = nil,
                portNumber: UInt32? = nil, splitGroup: UInt32? = nil, splitSubportNumber: UInt32? = nil,
                splittable: Bool = false, lanes: UInt32? = nil, function: PortFunction? = nil) {
        self.handle = handle
        self.type = type
        self.desiredType = desiredType
        self.netdev = netdev
        self.ifindex = ifindex
        self.ibdev = ibdev
        self.flavour = flavour
        self.controller = controller
        self.pfnum = pfnum
        self.vfnum = vfnum
        self.sfnum = sfnum
        self.external = external
        self.portNumber = portNumber
        self.splitGroup = splitGroup
        self.splitSubportNumber = splitSubportNumber
        self.splittable = splittable
        self.lanes = lanes
        self.function = function
    }

    public var device: DeviceHandle { handle.device }
    public var index: UInt32 { handle.index }
}

/// One PORT_NEW request (`port add`). Flavour and pfnum are optional here because the kernel, not the
/// client, reports their absence ("Port flavour or PCI PF are not specified").
public struct PortAddRequest: Equatable, Sendable, Codable {
    public var device: DeviceHandle
    /// A user-chosen index (`port add DEV/INDEX ...`); most drivers refuse it.
    public var portIndex: UInt32?
    public var flavour: PortFlavour?
    public var pfnum: UInt16?
    public var sfnum: UInt32?
    public var controller: UInt32?

    public init(device: DeviceHandle, portIndex: UInt32? = nil, flavour: PortFlavour?, pfnum: UInt16?,
                sfnum: UInt32? = nil, controller: UInt32? = nil) {
        (self.device, self.portIndex, self.flavour, self.pfnum, self.sfnum, self.controller) =
            (device, portIndex, flavour, pfnum, sfnum, controller)
    }
}

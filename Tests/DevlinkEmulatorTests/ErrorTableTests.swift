import DevlinkEmulator
import DevlinkModel
import Testing

/// One row of reference §2.3–§2.5 as it applies to a profile: set-up, the failing request, errno, extack.
struct ErrorRow: Sendable, CustomTestStringConvertible {
    var name: String
    var profile: String
    var setup: @Sendable (EmulatedSession) throws -> Void = { _ in }
    var request: @Sendable (EmulatedSession) throws -> Void
    var errno: Errno
    var message: String?

    var testDescription: String { "\(profile): \(name)" }
}

private let mlx = "mlx5_core: "
private let nsimPrefix = "netdevsim: "
private let tcAll = (0..<8).map { TrafficClassBandwidth(index: UInt8($0), bandwidth: 10) }

let coreRows: [ErrorRow] = [
    ErrorRow(name: "unknown device", profile: "mlx5",
             request: { _ = try $0.eswitch(DeviceHandle(bus: "pci", name: "0000:99:00.0")) }, errno: .ENODEV),
    ErrorRow(name: "unknown port", profile: "mlx5",
             request: { _ = try $0.port(PortHandle(device: H.pf0, index: 7)) }, errno: .ENODEV),
    ErrorRow(name: "port set type without driver op", profile: "mlx5",
             request: { try $0.setPortType(H.uplink0, .ib) }, errno: .EOPNOTSUPP),
    // devlink_port_type_set: the op check comes before the same-type shortcut.
    ErrorRow(name: "port set type to the type it has (mlx5)", profile: "mlx5",
             request: { try $0.setPortType(H.uplink0, .eth) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "function hw_addr without op (uplink)", profile: "mlx5",
             request: { try $0.setPortFunction(H.uplink0, PortFunctionChanges(hwAddr: .zero)) },
             errno: .EOPNOTSUPP, message: "Port doesn't support function attributes"),
    ErrorRow(name: "function state without op (VF)", profile: "mlx5",
             setup: { try $0.setSriovNumVFs(H.pf0, 2) },
             request: { try $0.setPortFunction(H.vf(0), PortFunctionChanges(state: .active)) },
             errno: .EOPNOTSUPP, message: "Function does not support state setting"),
    ErrorRow(name: "roce without op (uplink)", profile: "mlx5",
             request: { try $0.setPortFunction(H.uplink0, PortFunctionChanges(roce: true)) },
             errno: .EOPNOTSUPP, message: "Port doesn't support RoCE function attribute"),
    ErrorRow(name: "migratable on SF", profile: "mlx5",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(migratable: true)) },
             errno: .EOPNOTSUPP, message: "Port doesn't support migratable function attribute"),
    ErrorRow(name: "max_io_eqs without op (uplink)", profile: "mlx5",
             request: { try $0.setPortFunction(H.uplink0, PortFunctionChanges(maxIOEQs: 4)) },
             errno: .EOPNOTSUPP, message: "Function does not support max_io_eqs setting"),
    ErrorRow(name: "hw_addr not 6 bytes", profile: "mlx5",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: {
                 try $0.setPortFunction(H.firstSF, PortFunctionChanges(hwAddr: MACAddress(bytes: [0, 1, 2, 3])))
             },
             errno: .EINVAL, message: "Address must be 6 bytes for Ethernet device"),
    ErrorRow(name: "multicast hw_addr", profile: "mlx5",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: {
                 try $0.setPortFunction(H.firstSF, PortFunctionChanges(hwAddr: try MACAddress(parsing: "01:00:5e:00:00:01")))
             },
             errno: .EINVAL, message: "Non-unicast hardware address unsupported"),
    ErrorRow(name: "split without driver op", profile: "mlx5",
             request: { try $0.splitPort(H.uplink0, count: 2) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "unsplit without driver op", profile: "mlx5",
             request: { try $0.unsplitPort(H.uplink0) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "port new without flavour", profile: "mlx5",
             request: { _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: nil, pfnum: 0, sfnum: 1)) },
             errno: .EINVAL, message: "Port flavour or PCI PF are not specified"),
    ErrorRow(name: "port new without pfnum", profile: "mlx5",
             request: { _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: .pcisf, pfnum: nil, sfnum: 1)) },
             errno: .EINVAL, message: "Port flavour or PCI PF are not specified"),
    ErrorRow(name: "port del of a non-SF port", profile: "mlx5",
             request: { try $0.deletePort(H.uplink0) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "eswitch mode while a rate node exists", profile: "mlx5",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setEswitch(H.pf0, EswitchChanges(mode: .switchdev)) },
             errno: .EBUSY, message: "Rate node(s) exists."),
    ErrorRow(name: "rate on port without leaf", profile: "mlx5",
             request: { try $0.setRate(.leaf(H.uplink0), RateChanges(txMax: 125_000)) }, errno: .ENODEV),
    ErrorRow(name: "node name all digits", profile: "mlx5",
             request: { try $0.addRateNode(H.node("123"), RateChanges()) }, errno: .EINVAL),
    ErrorRow(name: "node name empty", profile: "mlx5",
             request: { try $0.addRateNode(H.node(""), RateChanges()) }, errno: .EINVAL),
    ErrorRow(name: "node not found", profile: "mlx5",
             request: { try $0.setRate(H.node("nope"), RateChanges(txMax: 125_000)) }, errno: .ENODEV),
    ErrorRow(name: "node exists", profile: "mlx5",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.addRateNode(H.node("g1"), RateChanges()) }, errno: .EEXIST),
    ErrorRow(name: "delete node with children", profile: "mlx5@6.15",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges())
                 try $0.addRateNode(H.node("g2"), RateChanges(parent: "g1"))
             },
             request: { try $0.deleteRateNode(H.node("g1")) },
             errno: .EBUSY, message: "Node has children. Cannot delete node."),
    ErrorRow(name: "unknown parent", profile: "mlx5@6.15",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setRate(H.node("g1"), RateChanges(parent: "ghost")) }, errno: .ENODEV),
    ErrorRow(name: "parent to self", profile: "mlx5@6.15",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setRate(H.node("g1"), RateChanges(parent: "g1")) },
             errno: .EINVAL, message: "Parent to self is not allowed"),
    ErrorRow(name: "parent loop", profile: "mlx5@6.15",
             setup: {
                 try $0.addRateNode(H.node("a"), RateChanges())
                 try $0.addRateNode(H.node("b"), RateChanges(parent: "a"))
                 try $0.addRateNode(H.node("c"), RateChanges(parent: "b"))
             },
             request: { try $0.setRate(H.node("a"), RateChanges(parent: "c")) },
             errno: .EEXIST, message: "Node is already a parent of parent node."),
    ErrorRow(name: "tx_priority unsupported (node)", profile: "mlx5",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setRate(H.node("g1"), RateChanges(txPriority: 1)) },
             errno: .EOPNOTSUPP, message: "TX priority set isn't supported for the nodes"),
    ErrorRow(name: "tx_weight unsupported (leaf)", profile: "mlx5",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setRate(.leaf(H.firstSF), RateChanges(txWeight: 3)) },
             errno: .EOPNOTSUPP, message: "TX weight set isn't supported for the leafs"),
    ErrorRow(name: "tc-bw duplicate index", profile: "mlx5@6.17",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: {
                 var entries = tcAll
                 entries[7].index = 0
                 try $0.setRate(H.node("g1"), RateChanges(tcBandwidths: entries))
             },
             errno: .EINVAL, message: "Duplicate traffic class index specified (0)"),
    ErrorRow(name: "tc-bw fewer than 8", profile: "mlx5@6.17",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setRate(H.node("g1"), RateChanges(tcBandwidths: Array(tcAll.prefix(7)))) },
             errno: .EINVAL, message: "Bandwidth values must be specified for all 8 traffic classes"),
]

let mlx5Rows: [ErrorRow] = [
    ErrorRow(name: "SF not supported", profile: "mlx5-nosf",
             request: { _ = try $0.addPort(H.sfRequest(88)) },
             errno: .EOPNOTSUPP, message: mlx + "SF ports are not supported."),
    ErrorRow(name: "SF add in legacy", profile: "mlx5-legacy",
             request: { _ = try $0.addPort(H.sfRequest(88)) },
             errno: .EOPNOTSUPP, message: mlx + "SF ports are only supported in eswitch switchdev mode."),
    ErrorRow(name: "flavour not pcisf", profile: "mlx5",
             request: { _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: .pcivf, pfnum: 0, sfnum: 1)) },
             errno: .EOPNOTSUPP, message: mlx + "Driver supports only SF port addition"),
    ErrorRow(name: "user port index", profile: "mlx5",
             request: {
                 _ = try $0.addPort(PortAddRequest(device: H.pf0, portIndex: 5, flavour: .pcisf, pfnum: 0, sfnum: 1))
             },
             errno: .EOPNOTSUPP, message: mlx + "Driver does not support user defined port index assignment"),
    ErrorRow(name: "sfnum missing", profile: "mlx5",
             request: { _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: .pcisf, pfnum: 0)) },
             errno: .EOPNOTSUPP,
             message: mlx + "User must provide unique sfnum. Driver does not support auto assignment"),
    ErrorRow(name: "external controller on non-ECPF", profile: "mlx5",
             request: {
                 _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: .pcisf, pfnum: 0, sfnum: 1, controller: 1))
             },
             errno: .EOPNOTSUPP, message: mlx + "External controller is unsupported"),
    ErrorRow(name: "pfnum mismatch", profile: "mlx5",
             request: { _ = try $0.addPort(H.sfRequest(88, pfnum: 1)) },
             errno: .EOPNOTSUPP, message: mlx + "Invalid pfnum supplied"),
    ErrorRow(name: "invalid controller number", profile: "mlx5-ecpf",
             request: {
                 _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: .pcisf, pfnum: 0, sfnum: 1, controller: 2))
             },
             errno: .EINVAL, message: mlx + "Invalid controller number"),
    ErrorRow(name: "sfnum in use", profile: "mlx5",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { _ = try $0.addPort(H.sfRequest(88)) },
             errno: .EEXIST, message: mlx + "SF already exist. Choose different sfnum"),
    ErrorRow(name: "re-activate while still attached", profile: "mlx5",
             setup: {
                 _ = try $0.addPort(H.sfRequest(88))
                 try $0.setPortFunction(H.firstSF, PortFunctionChanges(state: .active))
                 try $0.settle()
                 try $0.setPortFunction(H.firstSF, PortFunctionChanges(state: .inactive))
             },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(state: .active)) },
             errno: .EBUSY, message: mlx + "SF is inactivated but it is still attached"),
    ErrorRow(name: "SF table full", profile: "mlx5-smalltable",
             setup: { _ = try $0.addPort(H.sfRequest(1)) },
             request: { _ = try $0.addPort(H.sfRequest(2)) }, errno: .ENOSPC),
    ErrorRow(name: "max_io_eqs out of range", profile: "mlx5",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(maxIOEQs: 65532)) },
             errno: .EINVAL, message: mlx + "Supplied value out of range"),
    ErrorRow(name: "migratable without migration cap", profile: "mlx5-nomig",
             setup: { try $0.setSriovNumVFs(H.pf0, 1) },
             request: { try $0.setPortFunction(H.vf(0), PortFunctionChanges(migratable: true)) },
             errno: .EOPNOTSUPP, message: mlx + "Device doesn't support migration"),
    ErrorRow(name: "rate not in 1Mbit units", profile: "mlx5",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setRate(H.node("g1"), RateChanges(txMax: 125_001)) },
             errno: .EINVAL, message: mlx + "TX rate value not in link speed units of 1Mbps"),
    ErrorRow(name: "rate above link speed", profile: "mlx5",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setRate(H.node("g1"), RateChanges(txMax: 125_000 * 100_001)) },
             errno: .EINVAL, message: mlx + "TX rate value exceed link maximum speed"),
    ErrorRow(name: "inline mode other than none", profile: "mlx5",
             request: { try $0.setEswitch(H.pf0, EswitchChanges(inlineMode: .link)) },
             errno: .EOPNOTSUPP, message: mlx + "Inline mode can't be set"),
    ErrorRow(name: "switchdev_inactive before 6.19 (policy)", profile: "mlx5",
             request: { try $0.setEswitch(H.pf0, EswitchChanges(mode: .switchdevInactive)) },
             errno: .ERANGE, message: "integer out of range"),
    ErrorRow(name: "numvfs above total", profile: "mlx5",
             request: { try $0.setSriovNumVFs(H.pf0, 9) }, errno: .ERANGE),
    ErrorRow(name: "numvfs non-zero to non-zero", profile: "mlx5",
             setup: { try $0.setSriovNumVFs(H.pf0, 2) },
             request: { try $0.setSriovNumVFs(H.pf0, 3) }, errno: .EBUSY),
]

let netdevsimRows: [ErrorRow] = [
    ErrorRow(name: "node add in legacy", profile: "netdevsim-legacy",
             request: { try $0.addRateNode(H.node("g1", H.nsim), RateChanges()) },
             errno: .EOPNOTSUPP, message: nsimPrefix + "Node creation allowed only in switchdev mode."),
    ErrorRow(name: "rate not in 1Mbit units", profile: "netdevsim",
             request: { try $0.setRate(.leaf(H.nsimVF(0)), RateChanges(txShare: 1000)) },
             errno: .EINVAL, message: nsimPrefix + "TX rate value not in link speed units of 1Mbps."),
    ErrorRow(name: "rate above 5000 Mbit", profile: "netdevsim",
             request: { try $0.setRate(.leaf(H.nsimVF(0)), RateChanges(txMax: 625_125_000)) },
             errno: .EINVAL, message: nsimPrefix + "TX rate value exceed link maximum speed 5000Mbps."),
    // 6.12's policy (what the real netdevsim answers, see docs/differences.md)
    ErrorRow(name: "switchdev_inactive", profile: "netdevsim",
             request: { try $0.setEswitch(H.nsim, EswitchChanges(mode: .switchdevInactive)) },
             errno: .ERANGE, message: "integer out of range"),
    ErrorRow(name: "switchdev_inactive from 6.19 (nsim_devlink_eswitch_mode_set)", profile: "netdevsim@6.19",
             request: { try $0.setEswitch(H.nsim, EswitchChanges(mode: .switchdevInactive)) }, errno: .EINVAL),
    ErrorRow(name: "port set type same type", profile: "netdevsim",
             request: { try $0.setPortType(PortHandle(device: H.nsim, index: 0), .eth) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "port add unsupported", profile: "netdevsim",
             request: { _ = try $0.addPort(H.sfRequest(1, device: H.nsim)) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "function set unsupported", profile: "netdevsim",
             request: { try $0.setPortFunction(H.nsimVF(0), PortFunctionChanges(hwAddr: .zero)) },
             errno: .EOPNOTSUPP, message: "Port doesn't support function attributes"),
    ErrorRow(name: "function state unsupported", profile: "netdevsim",
             request: { try $0.setPortFunction(H.nsimVF(0), PortFunctionChanges(state: .active)) },
             errno: .EOPNOTSUPP, message: "Function does not support state setting"),
    ErrorRow(name: "split unsupported", profile: "netdevsim",
             request: { try $0.splitPort(PortHandle(device: H.nsim, index: 0), count: 2) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "port set type unsupported", profile: "netdevsim",
             request: { try $0.setPortType(PortHandle(device: H.nsim, index: 0), .ib) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "tx_priority unsupported", profile: "netdevsim",
             request: { try $0.setRate(.leaf(H.nsimVF(0)), RateChanges(txPriority: 2)) },
             errno: .EOPNOTSUPP, message: "TX priority set isn't supported for the leafs"),
    ErrorRow(name: "tc-bw index above 7", profile: "netdevsim@6.17",
             request: {
                 var entries = tcAll
                 entries[7].index = 8
                 try $0.setRate(.leaf(H.nsimVF(0)), RateChanges(tcBandwidths: entries))
             },
             errno: .ERANGE, message: "integer out of range"),
    ErrorRow(name: "inline mode unsupported", profile: "netdevsim",
             request: { try $0.setEswitch(H.nsim, EswitchChanges(inlineMode: EswitchInlineMode.none)) }, errno: .EOPNOTSUPP),
    ErrorRow(name: "numvfs above max", profile: "netdevsim-novfs",
             request: { try $0.setSriovNumVFs(H.nsim, 5) }, errno: .ENOMEM),
    ErrorRow(name: "numvfs non-zero to non-zero", profile: "netdevsim",
             request: { try $0.setSriovNumVFs(H.nsim, 3) }, errno: .EBUSY),
    ErrorRow(name: "eswitch legacy while node exists", profile: "netdevsim",
             setup: { try $0.addRateNode(H.node("g1", H.nsim), RateChanges()) },
             request: { try $0.setEswitch(H.nsim, EswitchChanges(mode: .legacy)) },
             errno: .EBUSY, message: "Rate node(s) exists."),
]

func session(forProfile profile: String) throws -> EmulatedSession {
    // `PROFILE@VERSION`: the profile at that kernel version (default 6.12).
    let (name, version) = Topology.splitVersion(profile)
    func mlx5(_ edit: (inout DeviceSpec) -> Void) throws -> EmulatedSession {
        var topology = try Topology.mlx5.at(version: version)
        edit(&topology.devices[0])
        let session = try EmulatedSession(topology: topology)
        try session.setEswitch(H.pf0, EswitchChanges(mode: .switchdev))
        return session
    }
    switch name {
    case "mlx5": return try mlx5Session(kernel: version)
    case "mlx5-legacy": return try mlx5Session(switchdev: false, kernel: version)
    case "mlx5-nosf": return try mlx5 { $0.sfSupported = false }
    case "mlx5-ecpf": return try mlx5 { $0.ecpf = true }
    case "mlx5-smalltable": return try mlx5 { $0.maxSfs = 1 }
    case "mlx5-nomig": return try mlx5 { $0.caps?["migration"] = 0 }
    case "mlx5-nosched": return try mlx5 { $0.caps?["log_esw_max_sched_depth"] = 0 }
    case "mlx5-4tc": return try mlx5 { $0.caps?["max_tc"] = 4 }
    case "mlx5-inline0": return try mlx5 { $0.caps?["wqe_inline_mode"] = 0 }
    case "mlx5-novhca": return try mlx5 { $0.caps?["vhca_resource_manager"] = 0 }
    case "mlx5-noeqs": return try mlx5 { $0.caps?["max_num_eqs"] = 0 }
    case "netdevsim": return try nsimSession(kernel: version)
    case "netdevsim-legacy": return try nsimSession(switchdev: false)
    case "netdevsim-novfs": return try nsimSession(switchdev: false, vfs: 0)
    default: throw TopologyError("unknown test profile \(profile)")
    }
}

@Suite struct ErrorTableTests {
    @Test(arguments: coreRows + mlx5Rows + netdevsimRows + mlx5QosRows + mlx5PortRows + mlx5EswitchRows)
    func row(_ row: ErrorRow) throws {
        let session = try session(forProfile: row.profile)
        try row.setup(session)
        let before = session.snapshot()
        expectError(row.errno, row.message) { try row.request(session) }
        // None of these rows applies anything before failing.
        #expect(session.snapshot() == before, "state changed by a failed \(row.name)")
    }
}

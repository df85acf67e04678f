import DevlinkEmulator
import DevlinkModel

private let mlx = "mlx5_core: "
private let tcOn = (0..<8).map { TrafficClassBandwidth(index: UInt8($0), bandwidth: $0 == 0 ? 100 : 0) }

/// mlx5's rate-tree rules (esw/qos.c, Mlx5RateRules.swift) and the devlink core's gate before
/// them, each at the kernel version it belongs to (`mlx5@VERSION` profiles).
let mlx5QosRows: [ErrorRow] = [
    // 6.12: mlx5 has no rate_node_parent_set, so devlink_rate_set_ops_supported refuses.
    ErrorRow(name: "node parent before 6.15", profile: "mlx5",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()); try $0.addRateNode(H.node("g2"), RateChanges()) },
             request: { try $0.setRate(H.node("g2"), RateChanges(parent: "g1")) },
             errno: .EOPNOTSUPP, message: "Parent set isn't supported for the nodes"),
    ErrorRow(name: "noparent on a node before 6.15", profile: "mlx5",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: { try $0.setRate(H.node("g1"), RateChanges(parent: "")) },
             errno: .EOPNOTSUPP, message: "Parent set isn't supported for the nodes"),
    ErrorRow(name: "no scheduling depth, no nodes", profile: "mlx5-nosched",
             request: { try $0.addRateNode(H.node("g1"), RateChanges()) }, errno: .EOPNOTSUPP),
    // 6.15: mlx5_esw_qos_node_validate_set_parent.
    ErrorRow(name: "reassign a node with a leaf", profile: "mlx5@6.15",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges())
                 try $0.addRateNode(H.node("g2"), RateChanges())
                 _ = try $0.addPort(H.sfRequest(1))
                 try $0.setRate(.leaf(H.firstSF), RateChanges(parent: "g2"))
             },
             request: { try $0.setRate(H.node("g2"), RateChanges(parent: "g1")) },
             errno: .EOPNOTSUPP, message: mlx + "Cannot reassign a node that contains rate objects"),
    ErrorRow(name: "unparent a node with a node", profile: "mlx5@6.15",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges())
                 try $0.addRateNode(H.node("g2"), RateChanges(parent: "g1"))
                 try $0.addRateNode(H.node("g3"), RateChanges(parent: "g2"))
             },
             request: { try $0.setRate(H.node("g2"), RateChanges(parent: "")) },
             errno: .EOPNOTSUPP, message: mlx + "Cannot reassign a node that contains rate objects"),
    // 6.17: tc-bw (esw_qos_node_enable_tc_arbitration, esw_qos_vport_tc_check_type, ...).
    ErrorRow(name: "node under a parent with tc-bw", profile: "mlx5@6.17",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges(tcBandwidths: tcOn))
                 try $0.addRateNode(H.node("g2"), RateChanges())
             },
             request: { try $0.setRate(H.node("g2"), RateChanges(parent: "g1")) },
             errno: .EOPNOTSUPP, message: mlx + "Cannot attach a node to a parent with TC bandwidth configured"),
    ErrorRow(name: "tc-bw on a node with a node child", profile: "mlx5@6.17",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges())
                 try $0.addRateNode(H.node("g2"), RateChanges(parent: "g1"))
             },
             request: { try $0.setRate(H.node("g1"), RateChanges(tcBandwidths: tcOn)) },
             errno: .EOPNOTSUPP, message: mlx + "Cannot configure TC bandwidth on a node with non-leaf children"),
    ErrorRow(name: "tc-bw past the device's traffic classes", profile: "mlx5-4tc@6.17",
             setup: { try $0.addRateNode(H.node("g1"), RateChanges()) },
             request: {
                 var entries = tcOn
                 entries[4].bandwidth = 1
                 try $0.setRate(H.node("g1"), RateChanges(tcBandwidths: entries))
             },
             errno: .EOPNOTSUPP, message: mlx + "E-Switch traffic classes number is not supported"),
    ErrorRow(name: "leaf tc-bw inside a tc-bw node", profile: "mlx5@6.17",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges(tcBandwidths: tcOn))
                 _ = try $0.addPort(H.sfRequest(1))
                 try $0.setRate(.leaf(H.firstSF), RateChanges(parent: "g1"))
             },
             request: { try $0.setRate(.leaf(H.firstSF), RateChanges(tcBandwidths: tcOn)) },
             errno: .EOPNOTSUPP, message: mlx + "Cannot switch from node-level TC arbitration to vport-level TC arbitration"),
    ErrorRow(name: "leaf with tc-bw into a tc-bw node", profile: "mlx5@6.17",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges(tcBandwidths: tcOn))
                 _ = try $0.addPort(H.sfRequest(1))
                 try $0.setRate(.leaf(H.firstSF), RateChanges(tcBandwidths: tcOn))
             },
             request: { try $0.setRate(.leaf(H.firstSF), RateChanges(parent: "g1")) },
             errno: .EOPNOTSUPP, message: mlx + "Cannot switch from vport-level TC arbitration to node-level TC arbitration"),
    ErrorRow(name: "node tc-bw over a leaf with its own", profile: "mlx5@6.17",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges())
                 _ = try $0.addPort(H.sfRequest(1))
                 try $0.setRate(.leaf(H.firstSF), RateChanges(tcBandwidths: tcOn))
                 try $0.setRate(.leaf(H.firstSF), RateChanges(parent: "g1"))
             },
             request: { try $0.setRate(H.node("g1"), RateChanges(tcBandwidths: tcOn)) },
             errno: .EOPNOTSUPP, message: mlx + "Cannot switch from vport-level TC arbitration to node-level TC arbitration"),
    ErrorRow(name: "a tc-bw node counts its arbiter level when it moves", profile: "mlx5@6.17",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges())
                 try $0.addRateNode(H.node("g2"), RateChanges(parent: "g1"))
                 try $0.addRateNode(H.node("g3"), RateChanges(tcBandwidths: tcOn))
             },
             request: { try $0.setRate(H.node("g3"), RateChanges(parent: "g2")) },
             errno: .EOPNOTSUPP, message: mlx + "Node hierarchy depth exceeds the maximum supported level"),
    ErrorRow(name: "a leaf with tc-bw counts two levels when it moves", profile: "mlx5@6.17",
             setup: {
                 try $0.addRateNode(H.node("g1"), RateChanges())
                 try $0.addRateNode(H.node("g2"), RateChanges(parent: "g1"))
                 _ = try $0.addPort(H.sfRequest(1))
                 try $0.setRate(.leaf(H.firstSF), RateChanges(tcBandwidths: tcOn))
             },
             request: { try $0.setRate(.leaf(H.firstSF), RateChanges(parent: "g2")) },
             errno: .EOPNOTSUPP, message: mlx + "TC arbitration on leafs is not supported beyond max scheduling depth"),
]

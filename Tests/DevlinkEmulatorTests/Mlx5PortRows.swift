import DevlinkEmulator
import DevlinkModel

private let mlx = "mlx5_core: "

/// mlx5's port add and port function rules as the 6.12 source has them (sf/devlink.c,
/// eswitch_offloads.c, esw/devlink_port.c); audit rows in docs/fidelity.md.
let mlx5PortRows: [ErrorRow] = [
    // mlx5_devlink_sf_port_new: mlx5_sf_new_check_attr runs before the SF table and mode checks.
    ErrorRow(name: "flavour is checked before the eswitch mode", profile: "mlx5-legacy",
             request: { _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: .pcivf, pfnum: 0, sfnum: 1)) },
             errno: .EOPNOTSUPP, message: mlx + "Driver supports only SF port addition"),
    ErrorRow(name: "pfnum is checked before the eswitch mode", profile: "mlx5-legacy",
             request: { _ = try $0.addPort(H.sfRequest(88, pfnum: 1)) },
             errno: .EOPNOTSUPP, message: mlx + "Invalid pfnum supplied"),
    ErrorRow(name: "sfnum is checked before SF support", profile: "mlx5-nosf",
             request: { _ = try $0.addPort(PortAddRequest(device: H.pf0, flavour: .pcisf, pfnum: 0)) },
             errno: .EOPNOTSUPP, message: mlx + "User must provide unique sfnum. Driver does not support auto assignment"),
    // mlx5_sf_activate sets the default max_io_eqs through mlx5_devlink_port_fn_max_io_eqs_set.
    ErrorRow(name: "SF activation without VHCA management", profile: "mlx5-novhca",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(state: .active)) },
             errno: .EOPNOTSUPP, message: mlx + "Device doesn't support VHCA management"),
    // VF ports have the ipsec ops (CONFIG_XFRM_OFFLOAD); the driver checks the device.
    ErrorRow(name: "ipsec_crypto without the device offload", profile: "mlx5",
             setup: { try $0.setSriovNumVFs(H.pf0, 1) },
             request: { try $0.setPortFunction(H.vf(0), PortFunctionChanges(ipsecCrypto: true)) },
             errno: .EOPNOTSUPP, message: mlx + "Device doesn't support IPsec crypto"),
    // mlx5_devlink_port_fn_max_io_eqs_set: VHCA management, then max_num_eqs_24b.
    ErrorRow(name: "max_io_eqs without max_num_eqs_24b", profile: "mlx5-noeqs",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(maxIOEQs: 4)) },
             errno: .EOPNOTSUPP, message: mlx + "Device doesn't support changing the max number of EQs"),
    ErrorRow(name: "max_io_eqs without VHCA management", profile: "mlx5-novhca",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(maxIOEQs: 4)) },
             errno: .EOPNOTSUPP, message: mlx + "Device doesn't support VHCA management"),
    ErrorRow(name: "roce without VHCA management", profile: "mlx5-novhca",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(roce: false)) },
             errno: .EOPNOTSUPP, message: mlx + "Device doesn't support VHCA management"),
    // Before 6.5 migratable was a devlink_ops member: the SF port passes the op check and the core
    // refuses it on the flavour (devlink_port_function_validate).
    ErrorRow(name: "migratable on SF before the per-port ops", profile: "mlx5@6.4",
             setup: { _ = try $0.addPort(H.sfRequest(88)) },
             request: { try $0.setPortFunction(H.firstSF, PortFunctionChanges(migratable: true)) },
             errno: .EOPNOTSUPP, message: "migratable function attribute supported for VFs only"),
    // Before 6.5 hw_addr and state were device-wide ops: the driver answers for the uplink and VFs.
    ErrorRow(name: "hw_addr on the uplink before the per-port ops", profile: "mlx5@6.4",
             request: { try $0.setPortFunction(H.uplink0, PortFunctionChanges(hwAddr: .zero)) },
             errno: .EINVAL, message: mlx + "Port doesn't support set hw_addr"),
    ErrorRow(name: "state on a VF before the per-port ops", profile: "mlx5@6.4",
             setup: { try $0.setSriovNumVFs(H.pf0, 1) },
             request: { try $0.setPortFunction(H.vf(0), PortFunctionChanges(state: .active)) },
             errno: .ENODEV),
    ErrorRow(name: "state on the uplink in legacy before the per-port ops", profile: "mlx5-legacy@6.4",
             request: { try $0.setPortFunction(H.uplink0, PortFunctionChanges(state: .active)) },
             errno: .EOPNOTSUPP,
             message: mlx + "Port state set is only supported in eswitch switchdev mode or SF ports are disabled."),
    ErrorRow(name: "migratable on the ECPF host PF", profile: "mlx5-ecpf",
             request: { try $0.setPortFunction(PortHandle(device: H.pf0, index: 0), PortFunctionChanges(migratable: true)) },
             errno: .EOPNOTSUPP, message: "migratable function attribute supported for VFs only"),
    ErrorRow(name: "ipsec_packet without the device offload", profile: "mlx5",
             setup: { try $0.setSriovNumVFs(H.pf0, 1) },
             request: { try $0.setPortFunction(H.vf(0), PortFunctionChanges(ipsecPacket: false)) },
             errno: .EOPNOTSUPP, message: mlx + "Device doesn't support IPsec packet mode"),
]

/// mlx5_devlink_eswitch_inline_mode_set: the wqe_inline_mode cap in the kernel's numbering
/// (include/linux/mlx5/vport.h MLX5_CAP_INLINE_MODE_L2 = 0, _VPORT_CONTEXT = 1, _NOT_REQUIRED = 2).
let mlx5EswitchRows: [ErrorRow] = [
    ErrorRow(name: "inline mode L2 refuses even none", profile: "mlx5-inline0",
             request: { try $0.setEswitch(H.pf0, EswitchChanges(inlineMode: EswitchInlineMode.none)) },
             errno: .EOPNOTSUPP, message: mlx + "Inline mode can't be set"),
]

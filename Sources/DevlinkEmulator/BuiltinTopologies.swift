extension Topology {
    /// One dual-port mlx5 card: `pci/0000:06:00.0` and `pci/0000:06:00.1`, one physical port each,
    /// legacy eswitch, SR-IOV (8 VFs) and SFs available, LAG caps for the later LAG engine.
    public static let mlx5 = Topology(devices: [
        DeviceSpec(handle: "pci/0000:06:00.0", profile: .mlx5, caps: ["num_lag_ports": 2, "lag_master": 1],
                   serialNumber: "MT2125X09301", firmwareVersion: "22.39.1002"),
        DeviceSpec(handle: "pci/0000:06:00.1", profile: .mlx5, caps: ["num_lag_ports": 2, "lag_master": 1],
                   serialNumber: "MT2125X09301", firmwareVersion: "22.39.1002"),
    ], netdevNaming: .udev)

    /// What `echo "1 2" > /sys/bus/netdevsim/new_device` creates: `netdevsim/netdevsim1` with two physical
    /// ports and up to 4 VFs, netdevs named eth0, eth1, ... in creation order.
    public static let netdevsim = Topology(devices: [
        DeviceSpec(handle: "netdevsim/netdevsim1", profile: .netdevsim,
                   physicalPorts: [PhysicalPortSpec(), PhysicalPortSpec()]),
    ], netdevNaming: .eth)
}
